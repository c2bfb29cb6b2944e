import TerminalKit

/// What the keyboard currently drives. Overlays and later screens (a tree picker, a diagnosis) add cases here;
/// `BrowserProgram.update` dispatches on it.
public enum BrowserMode: Hashable, Sendable {
    /// Moving between vendors, codes and detail.
    case browse
    /// Typing a search query: every keystroke re-ranks the codes pane.
    case search
    /// The key help overlay, over the browse screen or the diagnosis.
    case help
    /// The list of decision trees (`t`, or `d` on a code several trees diagnose), over the browse screen.
    case trees
    /// A guided diagnosis, full screen (`BrowserState.diagnosis`).
    case diagnosis
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
