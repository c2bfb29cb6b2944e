import CNcurses

/// Signal handling in C (`shim.h`): SIGINT, SIGTERM and SIGHUP only set a flag that the input loop polls; a
/// crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: Swift traps) restores the terminal with
/// async-signal-safe calls before the signal goes on to the Swift runtime's backtracer or the default action; any
/// other signal whose default action ends the process (SIGQUIT, SIGUSR1/2, SIGALRM, SIGPIPE, SIGXFSZ, SIGXCPU,
/// SIGVTALRM, SIGPROF, SIGSYS, SIGPOLL, SIGPWR, SIGSTKFLT and the real-time signals SIGRTMIN..SIGRTMAX: the list
/// is in `shim.h`) restores the terminal and then takes the default action, so no backtracer starts on the
/// alternate screen. Signals the parent ignores stay ignored (the `triage` binary ignores SIGXFSZ).
///
/// This is the only file that may call `shim_signal_*` and `shim_crash_*`: the shim's state is `static` in a
/// header, so every object file calling it gets its own copy, and one file is one object file.
enum SignalGuard {
    /// Records SIGINT, SIGTERM and SIGHUP instead of dying. Install before `newterm` so ncurses keeps its own
    /// handlers (which call `endwin` then `_exit`) off these signals. A second signal before the first is handled
    /// (SIGINT or SIGTERM) restores the terminal and exits at once.
    static func installExitHandlers() { shim_signal_install() }

    /// Puts back the handlers that were there before `installExitHandlers`.
    static func uninstallExitHandlers() { shim_signal_uninstall() }

    /// Records SIGTSTP instead of stopping at once (the loop suspends cleanly). Install before `newterm`.
    static func installSuspendHandler() { shim_tstp_install() }

    /// SIGTSTP's default action again (on the way out).
    static func uninstallSuspendHandler() { shim_tstp_default() }

    /// True once when SIGTSTP arrived since the last call.
    static func takeSuspendRequest() -> Bool { shim_tstp_take() != 0 }

    /// Stops the process group as Ctrl-Z would (default SIGTSTP action); returns after SIGCONT.
    static func stopUntilContinued() { shim_stop_self() }

    /// The signal number that arrived since `installExitHandlers`, if any.
    static var pendingSignal: Int32? {
        let signal = shim_signal_pending()
        return signal == 0 ? nil : signal
    }

    /// Arms the crash guard for the tty `fd`, saving its current modes (call before ncurses changes them).
    static func armCrashGuard(fd: Int32, reset: [UInt8]) {
        reset.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { shim_crash_arm(fd, $0.baseAddress, $0.count) }
        }
    }

    /// Replaces the bytes written on a crash (once terminfo tells the exact sequences).
    static func setCrashReset(_ reset: [UInt8]) {
        reset.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { shim_crash_set_reset($0.baseAddress, $0.count) }
        }
    }

    /// Whether the screen is in curses mode, so that a crash has something to restore.
    static func setScreenActive(_ active: Bool) { shim_crash_set_active(active ? 1 : 0) }

    static func disarmCrashGuard() { shim_crash_disarm() }
}
