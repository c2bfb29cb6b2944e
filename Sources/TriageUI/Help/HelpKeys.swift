import TerminalKit

/// What a key does in the help overlay.
enum HelpAction: Hashable, Sendable {
    case quit, up, down, pageUp, pageDown, top, bottom
}

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
        case .up?: helpScroll -= 1
        case .down?: helpScroll += 1
        case .pageUp?: helpScroll -= 10
        case .pageDown?: helpScroll += 10
        case .top?: helpScroll = 0
        case .bottom?: helpScroll = Int.max / 2
        case nil: closeHelp()
        }
        return .continue
    }

    /// Keeps the help scroll inside the help text for the current size.
    mutating func settleHelp() {
        let overlay = helpOverlay(width: width, height: height, unicode: true)
        helpScroll = min(max(0, helpScroll), overlay.maxScroll)
    }

    /// Which keys the help lists: the diagnosis keys over a diagnosis, else the browser's.
    var helpContext: KeyHelp.Context { helpReturn == .diagnosis ? .diagnosis : .browser }
}
