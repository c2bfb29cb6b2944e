import TerminalKit

/// What a key asks of the terminal itself.
enum ScreenAction: Hashable, Sendable {
    case repaint, suspend, switcher
}

/// Keys that work everywhere, in every mode and while typing (as in less, vim, fzf): Ctrl-L repaints the whole
/// screen, Ctrl-Z suspends to the shell. The runner does the work (`TerminalCommand`).
extension BrowserState {
    static let screenKeys = KeyMap<BrowserState, ScreenAction>([
        .init("Other", [
            .init("Ctrl-L/Z/O", "Repaint / suspend (fg returns) / the open diagnoses",
                  [([.control("l")], .repaint), ([.control("z")], .suspend), ([.control("o")], .switcher)]),
        ]),
    ])

    /// Handles Ctrl-L and Ctrl-Z; false for every other key.
    mutating func handleScreenKey(_ key: Key) -> Bool {
        guard let action = Self.screenKeys.action(for: key) else { return false }
        switch action {
        case .repaint: terminalCommands.append(.repaint)
        case .suspend: terminalCommands.append(.suspend)
        case .switcher: openSwitcher()
        }
        return true
    }
}
