import TerminalKit

/// How many terminal columns a code takes in the codes pane, as the screen draws it (sanitized): computed once
/// per entry when a catalog is compiled and stored beside its keys, so the first frame sizes the codes pane
/// without reading every code.
public enum CodeColumns {
    /// The columns `code` takes once sanitized for the terminal.
    public static func width(of code: String) -> Int {
        // Printable ASCII (most codes) is one column a byte and needs no sanitizing.
        if code.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return code.utf8.count }
        return DisplayWidth.of(TerminalSafe.sanitize(code, keepNewlines: false))
    }
}
