/// Pure decisions about what the terminal can show, from `TERM`, the locale's codeset and the environment.
enum TerminalCapabilities {
    /// True for "UTF-8", "utf8" and similar spellings of the codeset `nl_langinfo(CODESET)` returns.
    static func isUTF8(codeset: String) -> Bool {
        let letters = codeset.lowercased().filter { $0.isLetter || $0.isNumber }
        return letters == "utf8"
    }

    /// Terminal types whose line drawing or fonts cannot be trusted with Unicode box characters: the DEC VT
    /// family, the Linux and BSD consoles, and generic ANSI entries.
    static func isLegacy(term: String) -> Bool {
        let name = term.lowercased()
        if name == "dumb" || name == "ansi" || name == "pcansi" || name == "sun" { return true }
        return ["vt", "linux", "cons", "ansi."].contains { name.hasPrefix($0) }
    }

    /// What `RenderContext.unicode` says: Unicode box characters only with a UTF-8 locale on a modern terminal.
    static func unicode(term: String?, codeset: String) -> Bool {
        guard isUTF8(codeset: codeset) else { return false }
        guard let term, !term.isEmpty else { return false }
        return !isLegacy(term: term)
    }

    /// Whether the backend may write non-ASCII characters at all (ncurses can only encode them in a UTF-8
    /// locale). With a UTF-8 locale on a legacy `TERM` the program draws ASCII borders, but text such as "é"
    /// still reaches the terminal.
    static func asciiOnly(codeset: String) -> Bool { !isUTF8(codeset: codeset) }

    /// Whether to wrap hyperlink cells in OSC 8: not on legacy terminals (the Linux console, the VT family) or
    /// GNU screen, which may show the sequence; `TRIAGE_HYPERLINKS=0` turns it off, `=1` on. Terminals that do not
    /// know OSC 8 ignore it and show the text.
    static func hyperlinks(term: String?, environment: [String: String]) -> Bool {
        switch environment["TRIAGE_HYPERLINKS"] {
        case "0"?: return false
        case "1"?: return true
        default: break
        }
        guard let term = term?.lowercased(), !term.isEmpty, !isLegacy(term: term) else { return false }
        return !term.hasPrefix("screen") || environment["TMUX"] != nil
    }

    /// False when `NO_COLOR` is set to a non-empty value (https://no-color.org).
    static func colorsWanted(environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return true }
        return value.isEmpty
    }

    /// The message for a `TERM` that cannot run a full-screen program, from `shim_terminal_status`'s result
    /// (1 fine, 0 unknown, -1 no terminfo database, 2 hard-copy, generic or no cursor addressing).
    static func problem(term: String?, status: Int32) -> String? {
        guard let term, !term.isEmpty else {
            return "TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)"
        }
        let shown = term.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) ? term : "?"
        switch status {
        case 1: return nil
        case -1: return "no terminfo database found, so TERM=\(shown) cannot be used (install ncurses-base)"
        case 2: return "TERM=\(shown) cannot move the cursor, so the full-screen browser cannot run there"
        default: return "unknown terminal type TERM=\(shown) (no terminfo entry; try TERM=xterm-256color)"
        }
    }
}
