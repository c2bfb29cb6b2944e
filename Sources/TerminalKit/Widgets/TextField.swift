/// A one-line text being typed (the value of an ask step, a note): printable keys are text, Backspace deletes,
/// Ctrl-U clears, Ctrl-W deletes the last word. Control characters never get in.
public struct TextField: Hashable, Sendable {
    public var text: String
    /// The longest text kept; more typing is ignored.
    public var limit: Int

    public init(_ text: String = "", limit: Int = 500) {
        self.text = String(text.prefix(limit))
        self.limit = limit
    }

    /// Applies an editing key; returns false for keys that do not edit (Enter, Esc, arrows...).
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case let .character(character):
            guard !character.unicodeScalars.contains(where: TerminalSafe.isUnsafe), character != "\n",
                  character != "\t" else { return true }
            if text.count < limit { text.append(character) }
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .control("w"):
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
        default:
            return false
        }
        return true
    }
}
