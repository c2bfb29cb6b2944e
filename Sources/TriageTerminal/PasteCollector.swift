/// Collects the text of a bracketed paste (`ESC [ 200 ~` text `ESC [ 201 ~`), so a paste arrives as one event
/// carrying its text instead of keys: a pasted newline does not press Enter, a pasted ESC is not the Esc key.
/// Pure: fed the characters after the start marker one at a time.
struct PasteCollector {
    /// `ESC [ 2 0 1 ~`.
    private static let endMarker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
    /// The most text kept from one paste; the rest is read and dropped.
    static let maximumLength = 100_000

    private(set) var text = String.UnicodeScalarView()
    private var pending: [UInt32] = []

    /// Adds one character; true once the end marker has arrived (it is not part of the text).
    mutating func feed(_ value: UInt32) -> Bool {
        pending.append(value)
        while !pending.isEmpty, !Self.endMarker.starts(with: pending) {
            keep(pending.removeFirst())
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
        guard text.count < Self.maximumLength else { return }
        // Terminals send Enter in a paste as CR.
        let scalar = value == 13 ? Unicode.Scalar(10) : Unicode.Scalar(value)
        if let scalar { text.append(scalar) }
    }
}
