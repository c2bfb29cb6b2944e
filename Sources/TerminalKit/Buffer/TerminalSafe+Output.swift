/// The last pass over everything the command line prints: whatever a message was built from, only text and
/// Triage's own colour codes (`ESC [ digits ; m`) and OSC 8 hyperlinks to plain URLs reach the terminal.
extension TerminalSafe {
    /// `text` with every unsafe scalar made visible (see `sanitize`), except well-formed SGR colour sequences.
    public static func output(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = sgrEnd(scalars, from: index) ?? hyperlinkEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if isUnsafe(scalar), !belongsToEmoji(scalars, at: index) {
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

    /// Whether `url` may be the target of an OSC 8 hyperlink: 1 to 2,000 printable ASCII characters, no spaces.
    public static func isLinkTarget(_ url: String) -> Bool {
        !url.isEmpty && url.unicodeScalars.count <= 2000 && url.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }

    /// The index of the final `\\` of an OSC 8 hyperlink sequence (`ESC ] 8 ; ; URL ESC \\`, or the closing one
    /// with an empty URL) starting at `start`, when the URL is a plain link target.
    private static func hyperlinkEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let opening: [Unicode.Scalar] = ["\u{1B}", "]", "8", ";", ";"]
        guard start + opening.count + 1 < scalars.count, Array(scalars[start..<(start + opening.count)]) == opening else {
            return nil
        }
        var index = start + opening.count
        var url = String.UnicodeScalarView()
        while index + 1 < scalars.count, index - start < 2100 {
            if scalars[index] == "\u{1B}" {
                guard scalars[index + 1] == "\\", url.isEmpty || isLinkTarget(String(url)) else { return nil }
                return index + 1
            }
            url.append(scalars[index])
            index += 1
        }
        return nil
    }
}
