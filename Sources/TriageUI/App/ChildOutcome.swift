/// What a screen the browser shows in its place (the diagnosis, the tree list, the paste box, the sessions
/// screen, a prompt) asks of it after a key: the cases every such screen shares, and `request` for what only
/// that one asks (the Bubble Tea "command"). The child never leaves, quits or writes files itself;
/// `BrowserState.route(child:)` does it.
public enum ChildOutcome<Request: Hashable & Sendable>: Hashable, Sendable {
    /// Handled inside the child; keep showing it.
    case stay
    /// Esc or `q`: back to the browser.
    case close
    /// Ctrl-C: quit the program.
    case quit
    /// `?` or F1: show the key help over the child.
    case help
    /// Something only this child asks for.
    case request(Request)
}
