import TerminalKit

/// What the keyboard currently drives, with the state only that screen has. Every screen the shell shows is a
/// value here and owns its state (the tree list, the diagnosis, the paste box, the sessions screen); the help
/// and the prompts are shown over another mode and return to it. Invalid combinations (a tree list while
/// browsing, a prompt with nothing under it) cannot be written. `BrowserProgram.update` dispatches on it.
indirect enum Mode {
    /// The browse screen (`BrowserState.browse`: the panes, its search prompt or find field) takes the keys.
    case browse
    /// The list of decision trees over the browse screen.
    case trees(TreePicker)
    /// The guided diagnosis. Leaving it parks it in `BrowserState.kept`, so `D` resumes it.
    case diagnosis(DiagnosisScreen)
    /// The paste box (`e`, or a response pasted into search): what the customer sent, explained.
    case explain(PasteBox)
    /// The stored diagnoses (`S`).
    case sessions(SessionsScreen)
    /// The open diagnoses to switch between (`Ctrl-O` from anywhere), over the browse screen.
    case switcher(Switcher)
    /// The key help of `over`, scrolled by `scroll`; closing it returns to `over`.
    case help(scroll: ScrollState, over: Mode)
    /// A one-line question (`Prompt`) over `over`, answered on the last row.
    case prompt(Prompt, over: Mode)

    /// The screen under any help or prompt.
    var base: Mode {
        switch self {
        case let .help(_, over), let .prompt(_, over): return over.base
        default: return self
        }
    }

    /// Changes the screen under any help or prompt, keeping them over it.
    mutating func updateBase(_ change: (inout Mode) -> Void) {
        switch self {
        case .help(let scroll, var over):
            over.updateBase(change)
            self = .help(scroll: scroll, over: over)
        case .prompt(let prompt, var over):
            over.updateBase(change)
            self = .prompt(prompt, over: over)
        default:
            change(&self)
        }
    }

    /// The kind of mode, without its state.
    var kind: BrowserMode {
        switch self {
        case .browse: return .browse
        case .trees: return .trees
        case .diagnosis: return .diagnosis
        case .sessions: return .sessions
        case .switcher: return .switcher
        case .help: return .help
        case .explain: return .explain
        case .prompt: return .prompt
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
    /// The key help overlay, over the screen it was opened from.
    case help
    /// The list of decision trees (`t`, or `d` on a code several trees diagnose), over the browse screen.
    case trees
    /// A guided diagnosis, full screen (`BrowserState.diagnosis`).
    case diagnosis
    /// The paste box: what the customer sent, explained (`BrowserState.pasteBox`).
    case explain
    /// The sessions screen (`S`): stored diagnoses to resume, delete or give an outcome.
    case sessions
    /// The open diagnoses to switch between (`Ctrl-O`).
    case switcher
    /// A one-line question over another screen: the ticket (`T`), why a diagnosis is paused (`p`), or
    /// "continue the open diagnosis or start a new one?" (`BrowserState.prompt`).
    case prompt
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
