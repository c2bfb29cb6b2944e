/// Text on its way to the clipboard, encoded once for every copy key and every route (OSC 52 plain, through tmux
/// or screen): a pasted clipboard must never run a command or move the cursor. A `line` (a code, a URL) keeps no
/// control character at all: a newline, ESC or any other character `TerminalSafe.isUnsafe` names is written as a
/// visible escape (`\n`, `\e`, `\u{202E}`), so `AAA_SAFE` + newline + `touch ~/PWNED` pastes as one inert line.
/// A `transcript` (a multi-line text the engineer asked for) keeps its newlines and tabs, nothing else.
///
/// ```swift
/// let clip = ClipboardText.line("AAA\ntouch x")   // clip.text == #"AAA\ntouch x"#, clip.escaped == 1
/// ```
public struct ClipboardText: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// One line: no newline, tab or control character survives.
        case line
        /// A multi-line transcript: newlines and tabs kept.
        case transcript
    }

    /// The encoded text: what goes on the clipboard.
    public let text: String
    public let kind: Kind
    /// How many characters were written as escapes.
    public let escaped: Int

    /// One line (a code, a URL).
    public static func line(_ raw: String) -> ClipboardText { ClipboardText(raw, kind: .line) }

    /// A multi-line transcript.
    public static func transcript(_ raw: String) -> ClipboardText { ClipboardText(raw, kind: .transcript) }

    private init(_ raw: String, kind: Kind) {
        self.kind = kind
        let scalars = Array(raw.unicodeScalars)
        var result = String.UnicodeScalarView()
        var escaped = 0
        for (index, scalar) in scalars.enumerated() {
            let kept: Bool
            switch scalar {
            case "\n", "\t": kept = kind == .transcript
            case "\u{200D}": kept = TerminalSafe.joinsEmoji(scalars, at: index)
            default: kept = !TerminalSafe.isUnsafe(scalar)
            }
            if kept {
                result.append(scalar)
            } else {
                escaped += 1
                result.append(contentsOf: Self.escape(scalar).unicodeScalars)
            }
        }
        text = String(result)
        self.escaped = escaped
    }

    /// `\n`, `\r`, `\t`, `\e`, or `\u{XXXX}`.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{1B}": return "\\e"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
    }
}
