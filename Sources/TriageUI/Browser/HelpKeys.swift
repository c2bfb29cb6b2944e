import TerminalKit

/// Keys of the help overlay: scroll keys scroll it, Ctrl-C quits, anything else closes it (back to the browser,
/// the tree list or the diagnosis it was opened from).
extension BrowserState {
    mutating func handleHelpKey(_ key: Key) -> UpdateResult {
        switch key {
        case .control("c"): return .quit
        case .up, .character("k"): helpScroll -= 1
        case .down, .character("j"): helpScroll += 1
        case .pageUp: helpScroll -= 10
        case .pageDown: helpScroll += 10
        case .home, .character("g"): helpScroll = 0
        case .end, .character("G"): helpScroll = Int.max / 2
        default: mode = helpReturn
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
