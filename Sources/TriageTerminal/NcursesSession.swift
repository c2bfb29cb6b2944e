import CNcurses
import Glibc
import TerminalKit

/// One ncurses screen on a tty: setup, painting, input and the way back. Every call comes from the thread that
/// called `TerminalRunner.run` (ncurses is single-threaded).
final class NcursesSession {
    enum Input {
        case action(KeyAction)
        /// Nothing arrived in time, or a signal interrupted the wait.
        case none
        /// The terminal went away (the connection dropped without a SIGHUP reaching us).
        case hangup
    }

    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let inputFD: Int32
    private let asciiOnly: Bool
    let unicode: Bool
    private var colorMode = ColorMode.none
    private var colorPairs = ColorPairTable(limit: 0)
    private var attributeCache: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private var lastPainted: Buffer?
    private var memo: ScreenNormalizer.Memo?
    private var cursorVisible = false
    /// Whether hyperlink cells get OSC 8 (see `TerminalCapabilities.hyperlinks`).
    private let hyperlinks: Bool
    private var closed = false

    /// Opens `options.ttyPath` and starts ncurses on it. The exit-signal handlers must already be installed.
    init(term: String, options: TerminalOptions) throws {
        let codeset = String(cString: shim_codeset())
        asciiOnly = TerminalCapabilities.asciiOnly(codeset: codeset)
        unicode = TerminalCapabilities.unicode(term: term, codeset: codeset)
        hyperlinks = TerminalCapabilities.hyperlinks(term: term, environment: options.environment)

        let fd = open(options.ttyPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw TerminalError("cannot open \(options.ttyPath): \(String(cString: strerror(errno)))")
        }
        guard isatty(fd) == 1 else {
            Glibc.close(fd)
            throw TerminalError("\(options.ttyPath) is not a terminal")
        }
        let readFD = dup(fd)
        guard readFD >= 0, let output = fdopen(fd, "w"), let input = fdopen(readFD, "r") else {
            Glibc.close(fd)
            if readFD >= 0 { Glibc.close(readFD) }
            throw TerminalError("cannot open \(options.ttyPath) for the screen")
        }
        // Until terminfo is loaded, reset the way every modern terminal understands.
        SignalGuard.armCrashGuard(fd: fd, reset: Array("\u{1B}[0m\u{1B}[?25h".utf8) + Self.modesOff
                                  + Array("\u{1B}[?1049l".utf8))
        // The terminal's real size (TIOCGWINSZ) wins over exported COLUMNS and LINES, which would otherwise fix
        // the screen at their size and stop resizes (a shell that exported them at 1x1 left the screen at "…").
        // Removed from this process's environment, since ncurses reads them again on every resize;
        // `use_env(false)` would take terminfo's fixed size instead, and `use_tioctl` still stops resizes.
        unsetenv("COLUMNS")
        unsetenv("LINES")
        guard let screen = term.withCString({ newterm($0, output, input) }) else {
            SignalGuard.disarmCrashGuard()
            fclose(output)
            fclose(input)
            throw TerminalError("cannot start the full-screen display on TERM=\(term)")
        }
        self.screen = screen
        self.output = output
        self.input = input
        inputFD = readFD

        set_term(screen)
        // A run killed with SIGKILL cannot switch mouse tracking off: do it now, before enabling what this run
        // wants, so clicks never arrive as stray bytes.
        Self.modesOff.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, output) }
        // Bracketed paste: a paste arrives as one event, not as keys (switched off again on every way out).
        fputs("\u{1B}[?2004h", output)
        fflush(output)
        raw()
        noecho()
        nonl()
        let window = shim_stdscr()
        keypad(window, true)
        intrflush(window, false)
        // Bind only what is unbound, or bound to a terminfo extension code (above KEY_MAX) the decoder ignores.
        for (sequence, code) in ExtraKeySequences.all {
            let bound = key_defined(sequence)
            if bound == 0 || bound > KEY_MAX { define_key(sequence, code) }
        }
        set_escdelay(options.escapeDelay)
        curs_set(0)
        if options.mouse {
            mousemask(shim_mouse_button1() | shim_mouse_wheel_up() | shim_mouse_wheel_down(), nil)
            mouseinterval(0)
        }
        SignalGuard.setCrashReset(Self.resetSequence(mouse: options.mouse))
        SignalGuard.setScreenActive(true)

        if TerminalCapabilities.colorsWanted(environment: options.environment), has_colors() {
            start_color()
            colorMode = ColorMode(enabled: true, defaultColors: use_default_colors() == OK)
            colorPairs = ColorPairTable(limit: Int(shim_color_pairs()) - 1)
        }
    }

    deinit { close() }

    /// The terminal's size now.
    var size: (width: Int, height: Int) {
        let window = shim_stdscr()
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    // MARK: Painting

    /// Draws `next`, writing only the cells that differ from the last frame.
    func paint(_ next: Buffer) {
        let (width, height) = size
        let frame = ScreenNormalizer.normalize(next, width: width, height: height, asciiOnly: asciiOnly,
                                               reusing: memo)
        memo = ScreenNormalizer.Memo(raw: next, normalized: frame, asciiOnly: asciiOnly)
        var characters: [wchar_t] = []
        for run in PaintPlanner.plan(previous: lastPainted, next: frame) {
            let (attributes, pair) = attributes(for: run.style)
            characters.removeAll(keepingCapacity: true)
            for scalar in run.text.unicodeScalars { characters.append(wchar_t(bitPattern: scalar.value)) }
            _ = shim_put(Int32(run.y), Int32(run.x), characters, Int32(characters.count), attributes, pair)
        }
        lastPainted = frame
        let window = shim_stdscr()
        wattr_set(window, shim_attr_normal(), 0, nil)
        if let cursor = frame.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(window)
        if hyperlinks, !next.hyperlinks.isEmpty { writeHyperlinks(next.hyperlinks, over: frame) }
    }

    /// Writes each link's cells again, wrapped in OSC 8, after ncurses drew them: the same characters at the same
    /// places, so ncurses' idea of the screen stays true; the cursor is saved and restored around it (DECSC/DECRC).
    private func writeHyperlinks(_ links: [Hyperlink], over frame: Buffer) {
        var bytes = "\u{1B}7"
        for link in links where link.y < frame.height && link.x + link.width <= frame.width && Hyperlink.isSafe(link.url) {
            let text = (link.x..<(link.x + link.width)).map { frame[$0, link.y].text }.joined()
            bytes += "\u{1B}[\(link.y + 1);\(link.x + 1)H\u{1B}]8;;\(link.url)\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\"
        }
        bytes += "\u{1B}8"
        fputs(bytes, output)
        fflush(output)
    }

    /// Forgets the last frame and has ncurses clear the terminal on the next refresh (after a resize the
    /// terminal's own reflow may have scrambled it).
    func invalidate() {
        lastPainted = nil
        memo = nil
        clearok(shim_curscr(), true)
    }

    /// Ctrl-L: forgets the last frame and has ncurses clear and redraw the whole terminal on the next paint,
    /// whatever other output (a `wall` message, a background job) did to it.
    func repaint() {
        invalidate()
        redrawwin(shim_stdscr())
    }

    /// Ctrl-Z or SIGTSTP: restores the terminal as on exit (modes off, cursor shown, line mode, alternate screen
    /// left), stops the process group, and after SIGCONT (`fg`) takes the screen again; the caller repaints.
    func suspend() {
        guard !closed else { return }
        set_term(screen)
        if !isendwin() {
            curs_set(1)
            endwin()
        }
        cursorVisible = true
        let off = Self.modesOff + Self.capability("rmkx")
        off.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, output) }
        fflush(output)
        SignalGuard.setScreenActive(false)
        SignalGuard.stopUntilContinued()
        // Back (fg): ncurses puts its tty modes, keypad and the alternate screen back on the next refresh.
        fputs("\u{1B}[?2004h", output)
        fflush(output)
        SignalGuard.setScreenActive(true)
        refresh()
        curs_set(0)
        cursorVisible = false
        invalidate()
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        if let cached = attributeCache[style] { return cached }
        let plan = StylePlanner.plan(style, mode: colorMode)
        var pair: Int16 = 0
        if let colors = plan.colors, let allocated = colorPairs.pair(for: colors) {
            if allocated.isNew { init_pair(allocated.number, colors.foreground, colors.background) }
            pair = allocated.number
        }
        let result = (plan.attributes, pair)
        attributeCache[style] = result
        return result
    }

    // MARK: Input

    /// The next input, waiting up to `timeout` milliseconds (0: only what is already there).
    func read(timeout: Int32) -> Input {
        let window = shim_stdscr()
        wtimeout(window, 0)
        if let action = getAction(window) { return .action(action) }
        guard timeout > 0 else { return .none }
        var descriptor = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeout)
        guard ready > 0 else { return .none }  // timeout, or EINTR from a signal (the caller checks)
        if let action = getAction(window) { return .action(action) }
        // Nothing decodable came (an invalid byte, a lone part of a sequence), or the terminal hung up.
        let hungUp = Int32(descriptor.revents) & (POLLHUP | POLLERR | POLLNVAL) != 0
        return hungUp ? .hangup : .none
    }

    private func getAction(_ window: UnsafeMutablePointer<WINDOW>?) -> KeyAction? {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        let raw: RawInput
        switch result {
        case KEY_CODE_YES: raw = .keyCode(Int32(bitPattern: character))
        case OK: raw = .character(character)
        default: return nil
        }
        if raw == .character(27) { return escapeOrSequence(window) }
        return KeyDecoder.decode(raw)
    }

    /// After an ESC: a lone Escape, Alt plus a key (the key is read next), or an undecoded escape sequence,
    /// which is swallowed whole (see `EscapeSequenceSwallower`). Only what has already arrived is read.
    private func escapeOrSequence(_ window: UnsafeMutablePointer<WINDOW>?) -> KeyAction {
        var swallower = EscapeSequenceSwallower()
        var sequence: [UInt32] = []
        var first = true
        var limit = 512  // a terminal string never needs more; a stream of garbage is cut
        while limit > 0 {
            limit -= 1
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES {
                // A decoded key: after a lone ESC it is read next; inside a sequence, the sequence broke off.
                if first { _ = ungetch(Int32(bitPattern: character)); return .key(.escape) }
                return KeyDecoder.decode(.keyCode(Int32(bitPattern: character)))
            }
            guard result == OK else { return first ? .key(.escape) : .ignore }
            sequence.append(character)
            switch swallower.feed(character) {
            case .notASequence:
                _ = unget_wch(wchar_t(bitPattern: character))
                return .key(.escape)
            case .needMore: first = false
            case .complete:
                return sequence == Array("[200~".unicodeScalars.map(\.value)) ? readPaste(window) : .ignore
            }
        }
        return .ignore
    }

    /// The text of a bracketed paste up to its end marker (waiting up to 200 ms for each further part).
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>?) -> KeyAction {
        var collector = PasteCollector()
        wtimeout(window, 200)
        defer { wtimeout(window, 0) }
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES { continue }  // a key sequence ncurses decoded inside the paste: dropped
            guard result == OK else { break }        // the end marker never came
            if collector.feed(character) { break }
        }
        return .paste(collector.finish())
    }

    /// The pending mouse report, if it is one the program understands.
    func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return MouseDecoder.decode(buttons: UInt32(truncatingIfNeeded: event.bstate), x: event.x, y: event.y)
    }

    // MARK: The way back

    /// Leaves curses mode (cursor shown, echo and line mode back, alternate screen left) and frees the screen.
    /// Safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        set_term(screen)
        if !isendwin() {
            curs_set(1)
            endwin()
        }
        // Whatever ncurses did, leave mouse tracking, bracketed paste and keypad transmit mode off.
        let off = Self.modesOff + Self.capability("rmkx")
        off.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, output) }
        fflush(output)
        SignalGuard.setScreenActive(false)
        delscreen(screen)
        fclose(output)
        fclose(input)
        SignalGuard.disarmCrashGuard()
    }

    /// What to write to the tty if the process crashes: attributes off, cursor shown, keypad transmit off, mouse
    /// reporting off, alternate screen left, from terminfo (padding removed).
    private static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["sgr0", "cnorm", "rmkx"] { bytes += capability(name) }
        bytes += modesOff
        bytes += capability("rmcup")
        return bytes
    }

    /// Every mouse tracking mode (X10, normal, button, any-motion, SGR, urxvt) and bracketed paste off. Terminals
    /// ignore the modes they do not know.
    static let modesOff: [UInt8] = Array(
        "\u{1B}[?9l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1005l\u{1B}[?1006l\u{1B}[?1015l\u{1B}[?2004l".utf8)

    private static func capability(_ name: String) -> [UInt8] {
        guard let value = name.withCString({ shim_tigetstr($0) }) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: value, count: strlen(value))).map { UInt8(bitPattern: $0) }
        return TerminfoText.stripPadding(bytes)
    }
}
