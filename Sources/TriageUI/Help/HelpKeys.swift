import TerminalKit

/// What a key does in the help overlay.
enum HelpAction: Hashable, Sendable {
    case quit, up, down, pageUp, pageDown, top, bottom
}
