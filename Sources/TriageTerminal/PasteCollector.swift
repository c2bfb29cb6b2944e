/// Collects the text of a bracketed paste (`ESC [ 200 ~` text `ESC [ 201 ~`), so a paste arrives as one event
/// carrying its text instead of keys: a pasted newline does not press Enter, a pasted ESC is not the Esc key.
/// Pure: fed the characters after the start marker one at a time, in constant time each (a 2 MB paste is
/// collected in well under a second).
struct PasteCollector {
    /// `ESC [ 2 0 1 ~`.
    private static let endMarker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
    /// The most UTF-8 bytes kept from one paste; the rest is read and dropped. More than any field or the paste
    /// box keeps (1 MiB), so the one that takes the paste is the one that cuts it and says so.
    static let maximumLength = 4 << 20

    private(set) var text = String.UnicodeScalarView()
    /// The UTF-8 length of `text`, kept as it grows (`text.count` would walk the whole text on every character).
    private(set) var length = 0
    /// Scalars read past `maximumLength` and dropped.
    private(set) var dropped = 0
    private var pending: [UInt32] = []

    /// Adds one character; true once the end marker has arrived (it is not part of the text).
    mutating func feed(_ value: UInt32) -> Bool {
        pending.append(value)
        while !pending.isEmpty, !Self.endMarker.starts(with: pending) {
            keep(pending.removeFirst())  // at most 6 pending values
        }
        if pending == Self.endMarker { pending.removeAll(); return true }
        return false
    }

    /// The text so far, with a partial end marker (the paste was cut off) kept as text.
    mutating func finish() -> String {
        for value in pending { keep(value) }
        pending.removeAll()
        return String(text)
    }

    private mutating func keep(_ value: UInt32) {
        // Terminals send Enter in a paste as CR.
        guard let scalar = value == 13 ? Unicode.Scalar(10) : Unicode.Scalar(value) else { return }
        let size = UTF8.width(scalar)
        guard length + size <= Self.maximumLength else {
            dropped += 1
            return
        }
        text.append(scalar)
        length += size
    }
}
