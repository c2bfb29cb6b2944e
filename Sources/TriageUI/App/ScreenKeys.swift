import TerminalKit

/// What a key asks of the terminal itself.
enum ScreenAction: Hashable, Sendable {
    case repaint, suspend
}

/// Keys that work everywhere, in every mode and while typing (as in less, vim, fzf): Ctrl-L repaints the whole
/// screen, Ctrl-Z suspends to the shell. The runner does the work (`TerminalCommand`).
extension BrowserState {
    static let screenKeys = KeyMap<BrowserState, ScreenAction>([
        .init("Other", [
            .init("Ctrl-L  Ctrl-Z", "Repaint everything / suspend (fg comes back)",
                  [([.control("l")], .repaint), ([.control("z")], .suspend)]),
        ]),
    ])

    /// Handles Ctrl-L and Ctrl-Z; false for every other key.
    mutating func handleScreenKey(_ key: Key) -> Bool {
        guard let action = Self.screenKeys.action(for: key) else { return false }
        switch action {
        case .repaint: terminalCommands.append(.repaint)
        case .suspend: terminalCommands.append(.suspend)
        }
        return true
    }
}
