import TerminalKit

/// The parts of `BrowserState.active` that views, tests and the key handlers ask for by name.
extension BrowserState {
    /// The kind of mode the browser is in.
    public var mode: BrowserMode { active.kind }

    /// The tree list, while it is shown (also under the help).
    public internal(set) var treePicker: TreePicker? {
        get {
            switch active {
            case let .trees(picker), let .help(_, .trees(picker)): return picker
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch active {
            case .trees: active = .trees(newValue)
            case let .help(scroll, .trees): active = .help(scroll: scroll, over: .trees(newValue))
            default: break
            }
        }
    }

    /// How far the help is scrolled (at the top when it is not shown).
    var helpScroll: ScrollState {
        get {
            if case let .help(scroll, _) = active { return scroll }
            return ScrollState()
        }
        set {
            if case let .help(_, base) = active { active = .help(scroll: newValue, over: base) }
        }
    }

    /// The kind of mode under the help (the mode itself when no help is shown).
    var helpReturn: BrowserMode {
        if case let .help(_, base) = active { return base.mode.kind }
        return mode
    }

    /// Where search started, while typing a search.
    var searchOrigin: Location? {
        if case let .search(origin) = active { return origin }
        return nil
    }

    /// The help overlay over what is shown now; closing it returns there.
    mutating func openHelp() {
        switch active {
        case let .help(_, base): active = .help(scroll: ScrollState(), over: base)
        case let .trees(picker): active = .help(scroll: ScrollState(), over: .trees(picker))
        case .diagnosis: active = .help(scroll: ScrollState(), over: .diagnosis)
        case let .explain(box): active = .help(scroll: ScrollState(), over: .explain(box))
        case .browse, .search: active = .help(scroll: ScrollState(), over: .browse)
        case .sessions, .find: break
        }
    }

    /// Back to what the help was opened over.
    mutating func closeHelp() {
        if case let .help(_, base) = active { active = base.mode }
    }
}
