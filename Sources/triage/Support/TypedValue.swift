import TerminalKit

/// A value typed in line mode or given with --answer: control, bidi and zero-width characters made visible (so
/// they reach neither the terminal nor the transcript and the state file raw), and at most 500 characters, the
/// limit of the full-screen field.
enum TypedValue {
    static let maximumLength = 500

    static func clean(_ text: String) -> String {
        String(TerminalSafe.sanitize(text, keepNewlines: false).prefix(maximumLength))
    }
}
