import TerminalKit

/// Keys of the help overlay: scroll keys scroll it, Ctrl-C quits, anything else closes it (back to the browser,
/// the tree list or the diagnosis it was opened from).
extension BrowserState {
    /// The help overlay's own keys (the overlay lists them in its footer, "j/k scroll"); every other key closes it.
    static let helpKeys = KeyMap<BrowserState, HelpAction>([
        .init("Help", [
            .init(nil, "Scroll the help", [([.up, .character("k")], .up), ([.down, .character("j")], .down),
                                           ([.pageUp], .pageUp), ([.pageDown], .pageDown),
                                           ([.home, .character("g")], .top), ([.end, .character("G")], .bottom)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
            .init(nil, "Any other key closes the help", hints: [.init("Esc", "close", order: 0, priority: 0)]),
        ]),
    ])

    mutating func handleHelpKey(_ key: Key) -> UpdateResult {
        switch Self.helpKeys.action(for: key) {
        case .quit?: return .quit
        case .up?: scrollHelp { $0.up() }
        case .down?: scrollHelp { $0.down() }
        case .pageUp?: scrollHelp { $0.page(-10) }
        case .pageDown?: scrollHelp { $0.page(10) }
        case .top?: scrollHelp { $0.toEnd(last: false) }
        case .bottom?: scrollHelp { $0.toEnd(last: true) }
        case nil: closeHelp()
        }
        return .continue
    }

    /// Changes the help's scroll while it is shown.
    mutating func scrollHelp(_ change: (inout ScrollState) -> Void) {
        guard case .help(var scroll, let over) = active else { return }
        change(&scroll)
        active = .help(scroll: scroll, over: over)
    }

    /// Measures the help text for the current size (the scroll keys move within it).
    mutating func settleHelp() {
        let overlay = helpOverlay(width: width, height: height, unicode: true)
        scrollHelp { $0.settle(height: overlay.visibleRows, document: overlay.document) }
    }

    /// Which keys the help lists: those of the screen it was opened over.
    var helpContext: KeyHelp.Context {
        guard case let .help(_, over) = active else { return .browser }
        switch over.base {
        case .diagnosis: return .diagnosis
        case .explain: return .explain
        case .trees: return .trees
        case .sessions: return .sessions
        case .switcher: return .switcher
        case .browse, .help, .prompt: return .browser
        }
    }
}

extension BrowserState {
    /// The help overlay for a size, kept so scrolling the help does not wrap its text again on every key.
    func helpOverlay(width: Int, height: Int, unicode: Bool) -> HelpOverlay {
        let key = HelpOverlayKey(width: width, height: height, unicode: unicode, context: helpContext)
        return helpOverlays.value(for: key) {
            HelpOverlay(width: width, height: height, glyphs: unicode ? .unicode : .ascii, context: key.context)
        }
    }
}
