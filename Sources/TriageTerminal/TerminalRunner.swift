import CNcurses
import Glibc
import TerminalKit

/// Runs a `TerminalProgram` full screen with ncurses. The only code in Triage that touches the terminal.
public enum TerminalRunner {
    /// Checks that stdin and stdout are a terminal and that `TERM` names a terminal that can run a full-screen
    /// program; otherwise says why, in one sentence. Like `run`, call it from one thread at a time (terminfo lookups
    /// use ncurses' global state).
    ///
    /// `requireStandardInput` false skips the stdin check, for a caller that read something else from standard
    /// input (a paste piped in): the screen takes its keys from `/dev/tty` all the same.
    public static func checkTerminal(environment: [String: String], requireStandardInput: Bool = true) -> TerminalCheck {
        if requireStandardInput, isatty(STDIN_FILENO) != 1 {
            return .unavailable(reason: "standard input is not a terminal")
        }
        guard isatty(STDOUT_FILENO) == 1 else { return .unavailable(reason: "standard output is not a terminal") }
        if let problem = termProblem(environment["TERM"]) { return .unavailable(reason: problem) }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return .unavailable(reason: "there is no controlling terminal (/dev/tty)") }
        close(fd)
        return .ok
    }

    /// Runs `program` full screen until it quits or SIGINT, SIGTERM or SIGHUP arrives, and returns the exit status
    /// to use: 0 when the program quit, 128 + the signal number otherwise (130, 143, 129). The terminal is always
    /// restored (cursor shown, echo and line mode back, alternate screen left), also when this throws and, as far
    /// as possible, when the process crashes. `program.shutdown()` is called exactly once before this returns or
    /// throws, after the terminal is restored, and the effects it asks for are performed. A second SIGINT or
    /// SIGTERM while the program is stuck (in `update`, `view` or `shutdown`) restores the terminal and exits the
    /// process at once.
    ///
    /// Throws `TerminalError` when the terminal cannot be set up (unknown `TERM`, no tty).
    ///
    /// `perform` does the effects the program asks for (after the update that asked, before the next frame; those
    /// of an update that quits too) and its answer goes back to the program.
    ///
    /// `messages` (optional) is how other threads reach the program: what is posted there is handed to
    /// `receive(_:)` between key presses (within one `pollInterval`), before the next frame.
    public static func run<P: TerminalProgram>(_ program: inout P, options: TerminalOptions = TerminalOptions(),
                                               messages: Mailbox<P.Message>? = nil,
                                               perform: (P.Effect) -> P.Answer) throws -> Int32
    {
        setlocale(LC_ALL, "")
        // Deferred actions run last first: close the screen, then shutdown (a signal meanwhile is only recorded,
        // so a hangup cannot cut a save short), then put the old signal handlers back.
        SignalGuard.installExitHandlers()
        SignalGuard.installSuspendHandler()
        defer { SignalGuard.uninstallExitHandlers() }
        defer { SignalGuard.uninstallSuspendHandler() }
        defer { finish(program, perform: perform) }
        let term = options.environment["TERM"] ?? ""
        if let problem = termProblem(term) { throw TerminalError(problem) }
        let session = try NcursesSession(term: term, options: options)
        defer { session.close() }
        return loop(&program, session: session, options: options, messages: messages, perform: perform)
    }

    /// Runs a program without effects (see `run(_:options:perform:)`).
    public static func run<P: TerminalProgram>(_ program: inout P, options: TerminalOptions = TerminalOptions())
        throws -> Int32 where P.Effect == Never {
        try run(&program, options: options, perform: { effect -> P.Answer in switch effect {} })
    }

    /// Performs the effects of `update` (and of the answers to them) in order, also when it quits (the save on
    /// the way out); `.quit` if anything quit.
    static func apply<P: TerminalProgram>(_ update: Update<P.Effect>, to program: inout P,
                                          perform: (P.Effect) -> P.Answer) -> UpdateResult {
        var commands: [TerminalCommand] = []
        return apply(update, to: &program, commands: &commands, perform: perform)
    }

    /// `apply`, also collecting the terminal commands of the update and of the answers, in order.
    static func apply<P: TerminalProgram>(_ update: Update<P.Effect>, to program: inout P,
                                          commands: inout [TerminalCommand],
                                          perform: (P.Effect) -> P.Answer) -> UpdateResult {
        var result = update.result
        commands += update.commands
        var pending = update.effects[...]
        while let effect = pending.popFirst() {
            let next = program.answer(perform(effect))
            if next.result == .quit { result = .quit }
            commands += next.commands
            pending += next.effects
        }
        return result
    }

    /// The way out: performs the effects `shutdown()` asks for (their answers go nowhere, the program is done).
    static func finish<P: TerminalProgram>(_ program: P, perform: (P.Effect) -> P.Answer) {
        for effect in program.shutdown() { _ = perform(effect) }
    }

    /// Hands every message waiting in `messages` to the program; whether there was any, and whether one quit.
    static func deliver<P: TerminalProgram>(_ messages: Mailbox<P.Message>?, to program: inout P,
                                            perform: (P.Effect) -> P.Answer) -> (delivered: Bool, result: UpdateResult) {
        guard let waiting = messages?.takeAll(), !waiting.isEmpty else { return (false, .continue) }
        for message in waiting where apply(program.receive(message), to: &program, perform: perform) == .quit {
            return (true, .quit)
        }
        return (true, .continue)
    }

    private static func loop<P: TerminalProgram>(_ program: inout P, session: NcursesSession,
                                                 options: TerminalOptions, messages: Mailbox<P.Message>?,
                                                 perform: (P.Effect) -> P.Answer) -> Int32 {
        let start = session.size
        // The first frame is drawn from the first update's state before its effects are performed (reading the
        // sessions database for the resume offer, saving a diagnosis given on the command line), then again.
        let first = program.update(.resize(width: start.width, height: start.height))
        if first.result != .quit { render(program, session: session) }
        if apply(first, to: &program, perform: perform) == .quit { return 0 }
        if deliver(messages, to: &program, perform: perform).result == .quit { return 0 }
        render(program, session: session)  // painted as a diff: nothing is written when nothing changed
        while true {
            if let signal = SignalGuard.pendingSignal { return 128 + signal }
            var commands: [TerminalCommand] = []
            if SignalGuard.takeSuspendRequest() { commands.append(.suspend) }
            var handled = 0
            var wait = options.pollInterval
            // Take everything that is already there (a paste, a burst of keys) before drawing once.
            while handled < 256 {
                let input = session.read(timeout: wait)
                wait = 0
                guard case .action(let action) = input else {
                    if case .hangup = input { return 128 + SIGHUP }
                    break
                }
                guard let event = event(for: action, session: session) else { continue }
                handled += 1
                if apply(program.update(event), to: &program, commands: &commands, perform: perform) == .quit {
                    return 0
                }
                if let signal = SignalGuard.pendingSignal { return 128 + signal }
                if !commands.isEmpty { break }  // repaint or suspend before reading on
            }
            if SignalGuard.takeSuspendRequest() { commands.append(.suspend) }
            for command in commands {
                switch command {
                case .repaint: session.repaint()
                case .suspend:
                    session.suspend()
                    // The window may have changed size while the process was stopped.
                    let size = session.size
                    if apply(program.update(.resize(width: size.width, height: size.height)), to: &program,
                             perform: perform) == .quit { return 0 }
                }
            }
            let delivered = deliver(messages, to: &program, perform: perform)
            if delivered.result == .quit { return 0 }
            if handled > 0 || !commands.isEmpty || delivered.delivered { render(program, session: session) }
        }
    }

    private static func event(for action: KeyAction, session: NcursesSession) -> InputEvent? {
        switch action {
        case .key(let key):
            return .key(key)
        case .resize:
            session.invalidate()
            let size = session.size
            return .resize(width: size.width, height: size.height)
        case .mouse:
            return session.mouseEvent().map { .mouse($0) }
        case .paste(let text):
            return .paste(text)
        case .ignore:
            return nil
        }
    }

    private static func render<P: TerminalProgram>(_ program: P, session: NcursesSession) {
        let size = session.size
        let context = RenderContext(width: size.width, height: size.height, unicode: session.unicode)
        session.paint(program.view(context))
    }

    static func termProblem(_ term: String?) -> String? {
        let status: Int32 = term.map { name in name.withCString { shim_terminal_status($0, STDOUT_FILENO) } } ?? 0
        return TerminalCapabilities.problem(term: term, status: status)
    }
}
