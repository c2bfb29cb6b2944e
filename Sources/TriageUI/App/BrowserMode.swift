import TerminalKit

/// What the keyboard currently drives, with the state that only that mode has: where search started, the tree
/// list, the help's scroll and what the help is over. Invalid combinations (help over search, a tree list while
/// browsing) cannot be written. `BrowserProgram.update` dispatches on it.
enum Mode {
    /// Moving between vendors, codes and detail.
    case browse
    /// Typing a search query; Esc goes back to `origin`, where search started.
    case search(origin: Location)
    /// Typing a pattern to find in the detail pane (`/` with the focus there).
    case find(TextField)
    /// The list of decision trees over the browse screen.
    case trees(TreePicker)
    /// The guided diagnosis (`BrowserState.diagnosis`, kept after leaving it so `D` resumes it).
    case diagnosis
    /// The key help over `base`, scrolled by `scroll`.
    case help(scroll: ScrollState, over: HelpBase)
    /// The paste box (`e`, or a response pasted into search): what the customer sent, explained.
    case explain(PasteBox)
    /// The stored diagnoses (`S`, `BrowserState.sessionsScreen`).
    case sessions

    /// What the help overlay can be opened over; closing it returns there.
    enum HelpBase {
        case browse
        case trees(TreePicker)
        case diagnosis
        case explain(PasteBox)

        var mode: Mode {
            switch self {
            case .browse: return .browse
            case let .trees(picker): return .trees(picker)
            case .diagnosis: return .diagnosis
            case let .explain(box): return .explain(box)
            }
        }
    }

    /// The kind of mode, without its state.
    var kind: BrowserMode {
        switch self {
        case .browse: return .browse
        case .search: return .search
        case .find: return .find
        case .trees: return .trees
        case .diagnosis: return .diagnosis
        case .sessions: return .sessions
        case .help: return .help
        case .explain: return .explain
        }
    }
}

/// The kind of mode the browser is in (what the keyboard drives), as tests and views ask for it.
public enum BrowserMode: Hashable, Sendable {
    /// Moving between vendors, codes and detail.
    case browse
    /// Typing a search query: every keystroke re-ranks the codes pane.
    case search
    /// Typing a pattern to find in the detail pane (`/` with the focus on it; `BrowserState.findKeys`).
    case find
    /// The key help overlay, over the browse screen or the diagnosis.
    case help
    /// The list of decision trees (`t`, or `d` on a code several trees diagnose), over the browse screen.
    case trees
    /// A guided diagnosis, full screen (`BrowserState.diagnosis`).
    case diagnosis
    /// The paste box: what the customer sent, explained (`BrowserState.pasteBox`).
    case explain
    /// The sessions screen (`S`): stored diagnoses to resume, delete or give an outcome.
    case sessions
}

/// The three panes, in Tab order.
public enum Pane: Int, CaseIterable, Hashable, Sendable, Codable {
    case sidebar, list, detail

    public var next: Pane { Pane(rawValue: (rawValue + 1) % 3) ?? .sidebar }
    public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3) ?? .sidebar }
}

/// Where search looks: the whole catalog, or only the vendor selected in the vendors pane.
public enum SearchScope: String, Hashable, Sendable, Codable {
    case all
    case vendor

    public var toggled: SearchScope { self == .all ? .vendor : .all }
}
