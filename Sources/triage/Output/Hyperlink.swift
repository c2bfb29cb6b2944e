import TerminalKit

/// OSC 8 hyperlinks (`ESC ] 8 ; ; URL ESC \ text ESC ] 8 ; ; ESC \`), written only where the terminal is known to
/// show them; elsewhere the URL is printed as plain text, which every terminal makes clickable or copyable.
enum Hyperlink {
    /// Terminals that announce themselves and draw OSC 8 links. `TRIAGE_HYPERLINKS=1` or `0` decides instead.
    static func supported(environment: [String: String]) -> Bool {
        if let forced = environment["TRIAGE_HYPERLINKS"], !forced.isEmpty { return forced == "1" }
        if environment["TMUX"] != nil || (environment["TERM"] ?? "").hasPrefix("screen") { return false }
        let programs: Set<String> = ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio"]
        if let program = environment["TERM_PROGRAM"], programs.contains(program) { return true }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
        let term = environment["TERM"] ?? ""
        return term.contains("kitty") || term.hasPrefix("foot") || term.contains("alacritty")
    }

    /// `text` linked to `url`, or `text` alone when `url` is not an http(s) URL of printable ASCII
    /// (`TerminalKit.Hyperlink.isSafe`: never `javascript:` or `file:`, even with `TRIAGE_HYPERLINKS=1`).
    static func link(_ url: String, text: String) -> String {
        guard TerminalKit.Hyperlink.isSafe(url) else { return text }
        return "\u{1B}]8;;\(url)\u{1B}\\" + text + "\u{1B}]8;;\u{1B}\\"
    }
}
