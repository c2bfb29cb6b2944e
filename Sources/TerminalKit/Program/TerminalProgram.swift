/// What the terminal backend needs from a full-screen program (the Elm / Bubble Tea shape): events in, a screen
/// out, and effects: work the program describes but does not do (write a file, copy to the clipboard). The
/// runner performs each effect and hands the result back through `answer(_:)`, like an event. Everything behind
/// this protocol is pure and tested without a terminal.
public protocol TerminalProgram {
    /// The work `update` can ask for; `Never` for a program without effects.
    associatedtype Effect: Sendable = Never
    /// What performing an effect gives back.
    associatedtype Answer: Sendable = Never
    /// What other threads send while the program runs (a background job's progress), through a `Mailbox`.
    associatedtype Message: Sendable = Never
    /// Handles one event. Returns `.quit` when the program is done, and the effects to perform, in order.
    mutating func update(_ event: InputEvent) -> Update<Effect>
    /// Handles the answer to an effect the runner performed.
    mutating func answer(_ answer: Answer) -> Update<Effect>
    /// Handles a message posted to the runner's `Mailbox` (between key presses, on the runner's thread).
    mutating func receive(_ message: Message) -> Update<Effect>
    /// Draws the current state.
    func view(_ context: RenderContext) -> Buffer
    /// Called exactly once on every way out (q, Ctrl-C, SIGTERM, SIGHUP, errors): the effects that must still be
    /// performed so nothing is lost (saving where the program was). The runner performs them; nothing comes back.
    func shutdown() -> [Effect]
}

public enum UpdateResult: Equatable, Sendable {
    case `continue`
    case quit
}

/// What a program can ask of the terminal itself (the runner does it; Bubble Tea's `ClearScreen`, `Suspend`).
public enum TerminalCommand: Hashable, Sendable {
    /// Ctrl-L: forget what is believed to be on the screen and draw every cell again (after foreign output).
    case repaint
    /// Ctrl-Z: restore the terminal, stop the process as the shell's job control expects, and on `fg` come
    /// back and repaint.
    case suspend
}

/// What one update asks for: go on or quit, the effects to perform (Bubble Tea's `(Model, Cmd)`), and what the
/// terminal must do (repaint, suspend).
public struct Update<Effect: Sendable>: Sendable {
    public var result: UpdateResult
    public var effects: [Effect]
    public var commands: [TerminalCommand]

    public init(_ result: UpdateResult, effects: [Effect] = [], commands: [TerminalCommand] = []) {
        self.result = result
        self.effects = effects
        self.commands = commands
    }

    public static var `continue`: Update { Update(.continue) }
    public static var quit: Update { Update(.quit) }
}

extension Update: Equatable where Effect: Equatable {}

extension TerminalProgram where Message == Never {
    /// A program without messages never receives one.
    public mutating func receive(_ message: Message) -> Update<Effect> {
        switch message {}
    }
}

extension TerminalProgram where Answer == Never {
    /// A program without effects never gets an answer.
    public mutating func answer(_ answer: Answer) -> Update<Effect> {
        switch answer {}
    }
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
