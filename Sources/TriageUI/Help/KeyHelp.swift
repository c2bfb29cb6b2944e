import TerminalKit

/// What the help overlay lists, read from the feature key tables (`BrowseModel.browseKeys`, `detailKeys`, `searchKeys`,
/// `DiagnosisScreen.stepKeys`, `fieldKeys`): the rows that name their keys, grouped by section title. The
/// dispatch, these lists and the status-line hints come from the same tables, so they cannot drift.
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
        /// The paste box (`e`).
        case explain
        /// The list of decision trees (`t`).
        case trees
        /// The sessions screen (`S`).
        case sessions
        /// The open diagnoses (`Ctrl-O`).
        case switcher
    }

    /// Every key of the program: the browser's, the diagnosis screen's, the paste box's, the tree list's and
    /// the sessions screen's.
    public static var sections: [Section] { browser + diagnosis + explain + trees + sessions + switcher }

    public static func sections(for context: Context) -> [Section] {
        switch context {
        case .browser: return browser
        case .diagnosis: return diagnosis
        case .explain: return explain
        case .trees: return trees
        case .sessions: return sessions
        case .switcher: return switcher
        }
    }

    /// The tree list, then the keys that work everywhere.
    public static let trees = listed(TreePicker.keys) + merged(listed(BrowserState.screenKeys), order: ["Other"])

    /// The open diagnoses: the switcher's keys, then the keys that work everywhere.
    public static let switcher = listed(Switcher.keys) + merged(listed(BrowserState.screenKeys), order: ["Other"])

    /// The sessions screen: its keys, the filter's, the questions' answers, then the keys that work everywhere.
    public static let sessions = listed(SessionsScreen.keys) + listed(SessionsScreen.deleteKeys)
        + listed(SessionsScreen.outcomeKeys) + merged(listed(BrowserState.screenKeys), order: ["Other"])

    /// The paste box: its keys while typing, then once explained.
    public static let explain = merged(listed(PasteBox.editKeys) + listed(PasteBox.resultKeys), order: ["Explain a paste"])

    /// The diagnosis screen: the step's keys, the value field's, then the ones that work everywhere (Ctrl-L and
    /// Ctrl-Z among them).
    public static let diagnosis = merged(listed(DiagnosisScreen.stepKeys) + listed(DiagnosisScreen.fieldKeys)
                                         + listed(BrowserState.screenKeys),
                                         order: ["In a diagnosis", "Typing a value", "Other"])

    /// The browser: panes, search (the browse mode's `/`, the detail's find, then the prompt's keys), the ways
    /// into a diagnosis, and Ctrl-L / Ctrl-Z (which work everywhere).
    public static let browser = merged(listed(BrowseModel.browseKeys) + listed(BrowseModel.detailKeys)
                                       + listed(BrowseModel.searchKeys) + listed(BrowserState.screenKeys),
                                       order: ["Move", "Panes", "Search", "Other"])

    /// The rows of a key table that name their keys, by section.
    private static func listed<Model, Action>(_ keys: KeyMap<Model, Action>) -> [Section] {
        keys.sections.map { section in
            Section(title: section.title, bindings: section.rows.compactMap { row in
                row.keys.map { Binding(keys: $0, action: row.help) }
            })
        }
    }

    /// The sections of one title joined, in `order`.
    private static func merged(_ sections: [Section], order: [String]) -> [Section] {
        order.map { title in
            Section(title: title, bindings: sections.filter { $0.title == title }.flatMap(\.bindings))
        }
    }
}
