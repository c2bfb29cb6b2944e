/// Every key the browser knows, grouped as the help overlay lists them (one source for the overlay and tests).
public enum KeyHelp {
    public struct Binding: Hashable, Sendable {
        public var keys: String
        public var action: String
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var bindings: [Binding]
    }

    public static let sections: [Section] = [
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
            ("Mouse", "Click selects or follows a link; the wheel scrolls"),
        ]),
    ]

    private static func section(_ title: String, _ bindings: [(String, String)]) -> Section {
        Section(title: title, bindings: bindings.map { Binding(keys: $0.0, action: $0.1) })
    }
}
