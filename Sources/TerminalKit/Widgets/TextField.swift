/// A one-line text being typed (the search query, the value of an ask step, a note), with a cursor, as readline
/// edits it: printable keys insert at the cursor, Backspace deletes before it and Delete under it, Left/Right,
/// Home/End and Ctrl-A/Ctrl-E move it, Ctrl-U clears, Ctrl-W deletes the word before the cursor. Control
/// characters never get in.
public struct TextField: Hashable, Sendable {
    public var text: String {
        didSet { storedCursor = min(storedCursor, text.count) }
    }
    /// The longest text kept; more typing is ignored.
    public var limit: Int
    private var storedCursor: Int

    /// The cursor, as a count of characters before it (0 ... text.count).
    public var cursor: Int {
        get { min(storedCursor, text.count) }
        set { storedCursor = max(0, min(newValue, text.count)) }
    }

    /// A field holding `text` (cut to `limit`), the cursor at its end.
    public init(_ text: String = "", limit: Int = 500) {
        self.text = String(text.prefix(limit))
        self.limit = limit
        storedCursor = self.text.count
    }

    /// Applies an editing or cursor key; returns false for keys that do not edit (Enter, Esc, Up, Down...).
    public mutating func edit(_ key: Key) -> Bool {
        let at = cursor
        switch key {
        case let .character(character):
            guard !character.unicodeScalars.contains(where: TerminalSafe.isUnsafe), character != "\n",
                  character != "\t" else { return true }
            guard text.count < limit else { return true }
            text.insert(character, at: index(at))
            storedCursor = at + 1
        case .backspace:
            guard at > 0 else { return true }
            text.remove(at: index(at - 1))
            storedCursor = at - 1
        case .delete, .control("d"):
            guard at < text.count else { return true }
            text.remove(at: index(at))
            storedCursor = at
        case .left, .control("b"): cursor = at - 1
        case .right, .control("f"): cursor = at + 1
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            storedCursor = 0
        case .control("w"):
            var start = at
            let characters = Array(text)
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            text.removeSubrange(index(start)..<index(at))
            storedCursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts a paste at the cursor in one step (linear in the paste, however long): newlines and tabs become
    /// spaces, control characters are dropped, and what does not fit under `limit` is not added. Returns how many
    /// characters were left out for want of room.
    @discardableResult
    public mutating func insert(pasted: String) -> Int {
        let at = cursor
        var room = limit - text.count
        var added = ""
        var dropped = 0
        for character in pasted {
            let kept: Character = character.isNewline || character == "\t" ? " " : character
            if kept.unicodeScalars.contains(where: TerminalSafe.isUnsafe) { continue }
            guard room > 0 else {
                dropped += 1
                continue
            }
            added.append(kept)
            room -= 1
        }
        text.insert(contentsOf: added, at: index(at))
        storedCursor = at + added.count
        return dropped
    }

    /// True for the keys `edit` moves the cursor with (so tables can route them to the field).
    public static func movesCursor(_ key: Key) -> Bool {
        switch key {
        case .left, .right, .home, .end, .delete, .control("a"), .control("e"), .control("b"), .control("f"),
             .control("d"): return true
        default: return false
        }
    }

    /// What a prompt of `room` columns shows of `display` (the text as drawn, e.g. masked; one character per
    /// character of `text`): a window that keeps the cursor visible, whether text is cut before and after it
    /// (the caller draws an ellipsis in a cut column), and the cursor's column inside the window.
    public func window(_ display: String? = nil, room: Int) -> (text: String, cursorColumn: Int, cutBefore: Bool,
                                                               cutAfter: Bool) {
        let characters = Array(display ?? text)
        let at = min(cursor, characters.count)
        guard room > 1 else { return ("", 0, false, false) }
        func width(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 + DisplayWidth.of(TerminalSafe.sanitize(String(characters[$1]), keepNewlines: false)) }
        }
        let count = characters.count
        // The cursor needs one column of its own at the end.
        if width(0..<count) + 1 <= room { return (String(characters), width(0..<at), false, false) }
        // The characters up to the one under the cursor must show, with a column for a cut mark after them (or
        // for the cursor itself at the end) and one before them when the start is cut.
        let needed = at < count ? at + 1 : at
        var start = 0
        if width(0..<needed) + 1 > room {
            while start < needed - 1, 1 + width(start..<needed) + 1 > room { start += 1 }
        }
        let lead = start > 0 ? 1 : 0
        var end = start
        while end < count {
            let next = end + 1
            let after = next < count || at == count ? 1 : 0  // a cut mark, or the cursor past the end
            guard lead + width(start..<next) + after <= room else { break }
            end = next
        }
        end = max(end, min(needed, count))
        return (String(characters[start..<end]), width(start..<at), start > 0, end < count)
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }
}
