/// JSON as Triage prints it: the encoder escapes C0 controls but leaves DEL, C1 controls, bidi controls and
/// zero-width characters raw; these are written as `\u009b` escapes instead, so the JSON means the same and
/// shows nothing hidden on a terminal.
public enum JSONText {
    /// `json` (valid JSON text) with every scalar `TerminalSafe` counts as unsafe written as `\uXXXX`. Such
    /// scalars can only stand inside JSON strings, where the escape means the same character.
    public static func escapingInvisibles(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: TerminalSafe.isUnsafe) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if TerminalSafe.isUnsafe(scalar) {
                // Above U+FFFF (tag characters) JSON needs the UTF-16 surrogate pair: \udb40\udc41.
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    result.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
                }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
