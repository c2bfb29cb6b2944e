import TerminalKit

/// Every key the program knows, grouped as the help overlay lists them (one source for the overlay, tests and the
/// README).
public enum KeyHelp {
    public struct Binding: Hashable, Sendable {
        public var keys: String
        public var action: String
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var bindings: [Binding]
    }

    /// Where the help is opened: its keys are listed (the overlay over a diagnosis lists the diagnosis keys).
    public enum Context: Hashable, Sendable {
        case browser
        case diagnosis
    }

    /// Every key of the program: the browser's, then the diagnosis screen's.
    public static var sections: [Section] { browser + diagnosis }

    public static func sections(for context: Context) -> [Section] {
        context == .browser ? browser : diagnosis
    }

    /// The diagnosis screen (see `DiagnosisScreen.handle(_:)`) and the tree list.
    public static let diagnosis: [Section] = [
        section("In a diagnosis", [
            ("1-9", "Answer with that number"),
            ("Up Down  Enter", "Select an answer or related code; Enter takes it"),
            ("b  Bksp  Left", "Back one step"),
            ("Tab", "The path: pick an earlier step, Enter jumps back"),
            ("n", "Note on the step (in the path: on the selected one)"),
            ("r r", "Restart from the first question"),
            ("s", "Save the transcript (Markdown)"),
            ("PgUp PgDn  g G", "Scroll"),
            ("Esc  q", "Leave the diagnosis (q quits only from the browser)"),
        ]),
        section("Typing a value", [
            ("letters", "Text, even b q r n"),
            ("Enter", "Submit the value"),
            ("Esc  i", "Leave the field / type in it again"),
            ("Ctrl-U  Ctrl-W", "Clear / delete the last word"),
            ("Ctrl-R", "Show a secret while it is typed"),
        ]),
        section("Other", [
            ("?  F1", "This help; any other key closes it"),
            ("Ctrl-C", "Quit Triage"),
            ("Mouse", "Click an answer, a code or a step; the wheel scrolls"),
        ]),
    ]

    /// The browser: panes, search, and the ways into a diagnosis.
    public static let browser: [Section] = [
        section("Move", [
            ("Up Down  k j", "Move; in the detail, to the next link or line"),
            ("PgUp PgDn", "Page up / down"),
            ("g G  Home End", "First / last"),
        ]),
        section("Panes", [
            ("Tab  Shift-Tab", "Next / previous pane"),
            ("Enter  l  Right", "Open: the codes, the detail, the selected link"),
            ("Esc  h  Left  Bksp", "Back: code before a jump, out of results, pane"),
        ]),
        section("Search", [
            ("/", "Search; every key re-ranks the codes"),
            ("Up Down PgUp PgDn", "Move in the results (typed q j k are text)"),
            ("Enter", "Accept: move into the results"),
            ("Esc", "Cancel the search"),
            ("Ctrl-U  Ctrl-W", "Clear the query / delete the last word"),
            ("Tab  Ctrl-V", "Scope: all vendors or the selected one"),
        ]),
        section("Other", [
            ("?  F1", "This help; any other key closes it"),
            ("q  Ctrl-C", "Quit (Ctrl-C also while typing)"),
            ("d  t  D", "Diagnose the code / list every tree / resume"),
            ("Mouse", "Click selects or follows a link; the wheel scrolls"),
        ]),
    ]

    private static func section(_ title: String, _ bindings: [(String, String)]) -> Section {
        Section(title: title, bindings: bindings.map { Binding(keys: $0.0, action: $0.1) })
    }
}
