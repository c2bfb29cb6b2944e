/// The last row's right side: key hints fitted by priority. Hints that do not fit are dropped from the least
/// important end; the ones kept stay in their own order.
public enum StatusBar {
    /// The hints that fit in `width` columns, chosen by importance (0 first) and shown in their own order.
    public static func fit(_ hints: [(line: StyledLine, priority: Int)], in width: Int) -> StyledLine {
        var chosen = Set<Int>()
        var used = 0
        for (index, hint) in hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            let extra = hint.line.width + (chosen.isEmpty ? 0 : 2)
            if used + extra <= width {
                chosen.insert(index)
                used += extra
            }
        }
        var line = StyledLine()
        for (index, hint) in hints.enumerated() where chosen.contains(index) {
            if !line.spans.isEmpty { line.append("  ") }
            line = line + hint.line
        }
        return line
    }

    /// Hints from a key table: the key in `keyStyle`, a space, the text.
    public static func hints<Model, Action>(_ keys: KeyMap<Model, Action>, for model: Model, keyStyle: Style)
        -> [(line: StyledLine, priority: Int)] {
        keys.hints(for: model).map { (StyledLine($0.key, keyStyle) + StyledLine(" " + $0.text), $0.priority) }
    }

    /// The end of `text` that fits in `room` columns, and whether its start was cut (the caller shows an
    /// ellipsis, which takes one of the columns): what a prompt shows of a long typed text.
    public static func tail(_ text: String, room: Int) -> (text: String, cut: Bool) {
        var shown = text
        var cut = false
        while !shown.isEmpty, DisplayWidth.of(TerminalSafe.sanitize(shown, keepNewlines: false)) > room - (cut ? 1 : 0) {
            shown.removeFirst()
            cut = true
        }
        return (shown, cut)
    }

    /// A status message too long for the last row takes the rows above it for the moment it is shown (until the
    /// next key): wrapped to the width, never cut, the bottom line on `row`. Returns false (and draws nothing) when
    /// it fits in `width - 2` columns, so the caller draws it as usual. At most `maxRows` rows are taken.
    @discardableResult
    public static func drawLongMessage(_ message: String, style: Style, x: Int, row: Int, width: Int, maxRows: Int,
                                       into screen: inout Buffer) -> Bool {
        let room = width - 2
        let safe = TerminalSafe.sanitize(message, keepNewlines: false)
        guard room > 0, DisplayWidth.of(safe) > room else { return false }
        var lines = WordWrap.lines(safe, width: room)
        if lines.count > maxRows { lines = Array(lines.suffix(maxRows)) }
        let top = row - lines.count + 1
        for (index, line) in lines.enumerated() {
            screen.fill(x: x, y: top + index, width: width, height: 1)
            screen.draw(StyledLine(line, style), x: x + 1, y: top + index, width: room, ellipsis: "")
        }
        return true
    }
}

extension StatusBar {
    /// One status row, the way every status line of the program is laid out (the browser's, the diagnosis's,
    /// the paste box's, the sessions screen's, a prompt's): the hints that fit in `budget` columns drawn against
    /// the right margin, and the room left of them (a column of margin each side, two between) returned for
    /// the left side, which the caller draws (a note, a question, where you are, or a field with its cursor).
    @discardableResult
    public static func draw(into screen: inout Buffer, x: Int, y: Int, width: Int,
                            hints: [(line: StyledLine, priority: Int)], budget: Int,
                            ellipsis: String) -> (x: Int, width: Int) {
        guard width > 2 else { return (x, 0) }
        let right = fit(hints, in: max(0, budget))
        if right.width > 0 {
            screen.draw(right, x: x + width - 1 - right.width, y: y, width: right.width, ellipsis: ellipsis)
        }
        return (x + 1, max(0, width - 2 - right.width - (right.width > 0 ? 2 : 0)))
    }
}
