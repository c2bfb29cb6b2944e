/// The last pass over everything the command line prints: whatever a message was built from, only text and
/// Triage's own colour codes (`ESC [ digits ; m`) reach the terminal.
extension TerminalSafe {
    /// `text` with every unsafe scalar made visible (see `sanitize`), except well-formed SGR colour sequences.
    public static func output(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = sgrEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if isUnsafe(scalar), !(scalar.value == 0x200D && joinsEmoji(scalars, at: index)) {
                result.append(contentsOf: visible(scalar).unicodeScalars)
                index += 1
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    /// The index of the final `m` of an SGR sequence starting at `start` (`ESC [ 1;33 m`), if it is one.
    private static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 20 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
            index += 1
        }
        return nil
    }
}
