/// What the terminal backend needs from a full-screen program (the Elm / Bubble Tea shape): events in, a screen
/// out. Everything behind this protocol is pure and tested without a terminal.
public protocol TerminalProgram {
    /// Handles one event. Returns `.quit` when the program is done.
    mutating func update(_ event: InputEvent) -> UpdateResult
    /// Draws the current state.
    func view(_ context: RenderContext) -> Buffer
    /// Called exactly once on every way out (q, Ctrl-C, SIGTERM, SIGHUP, errors): persist what must not be lost.
    func shutdown()
}

public enum UpdateResult: Equatable, Sendable {
    case `continue`
    case quit
}

/// What a view may know about the terminal it draws for.
public struct RenderContext: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// False on terminals without UTF-8 or line drawing (vt100, non-UTF-8 locales): views use ASCII borders.
    public var unicode: Bool

    public init(width: Int, height: Int, unicode: Bool = true) {
        self.width = width
        self.height = height
        self.unicode = unicode
    }
}
