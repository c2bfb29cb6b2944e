import TerminalKit
import TriageCore

/// What a key does on the diagnosis screen (each table below binds the ones it uses).
enum DiagnosisAction: Hashable, Sendable {
    case answer(Int), up, down, pageUp, pageDown, first, last, activate, typeValue, focusPath, close
    case back, restart, note, save, help, quit
    case jumpBack, returnToStep, digitInPath
    case submit, leaveField, reveal, edit, scrollUp, scrollDown, pageUpField, pageDownField
    case saveNote, cancelNote
    /// "I can't tell from the ticket" on the current question or ask.
    case cantTell
    case copy, ticket, pause
    /// At a conclusion: show the reply for the ticket instead of the resolution (`r`), copy it (`c`).
    case reply, copyReply
    /// `!`: flag the current step with a note; `+` / `-` at a conclusion: thumbs up / down.
    case flag, thumbsUp, thumbsDown
    /// After the first `r`: the second one restarts, Esc keeps every answer.
    case confirmRestart, cancelRestart
}

/// The keys of the diagnosis screen, one table per place the keys go:
///
/// - Everywhere: Ctrl-C quits.
/// - Note editor (`n`): typing edits the note; Enter saves, Esc cancels.
/// - Value field of an ask step: letters are text (so `b`, `q`, `r` too); Enter submits, Esc leaves the field.
/// - Step: digits answer, Up/Down/j/k select, Enter chooses or opens the related code, `b`/Backspace/Left go
///   back one step, `r r` restarts, `n` notes, `s` saves the transcript, Tab focuses the path, Esc/`q` leave.
/// - Path: Up/Down/j/k select an earlier step, Enter jumps back to it, `n` notes it, Tab/Esc return to the step.
extension DiagnosisScreen {
    /// Keys that do the same with the step or the path focused (their hints are the step's).
    static let commonKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("In a diagnosis", [
            .init("b  Bksp  Left", "Back one step", [([.character("b"), .backspace, .left, .character("h")], .back)],
                  hints: [.init("b", order: 2, priority: 2) { $0.session.path.contains(where: \.isAnswered) ? "back" : nil }]),
            .init("Tab", "The path: pick an earlier step, Enter jumps back", [([.tab, .backTab], .focusPath)],
                  hints: [.init("Tab", order: 4, priority: 6) { $0.session.path.isEmpty ? nil : "path" }]),
            .init("n", "Note on the step (in the path: on the selected one)", [([.character("n")], .note)],
                  hints: [.init("n", "note", order: 3, priority: 5)]),
            .init("r r", "Restart from the first question (Esc after the first r cancels); at a conclusion r shows the reply",
                  [([.character("r")], .restart)],
                  hints: [.init("r", order: 0, priority: 0) { $0.current == nil ? "restart" : nil },
                          .init("r", order: 7, priority: 9) { $0.isConclusion ? ($0.showingReply ? "conclusion" : "reply") : nil }]),
            .init("c", "At a conclusion: copy the reply for the ticket (OSC 52)", [([.character("c")], .copyReply)],
                  hints: [.init("c", order: 8, priority: 10) { $0.showingReply ? "copy reply" : nil }]),
            .init("!  +  -", "Flag this step for the catalog's authors (a note) / at a conclusion: thumbs up, down",
                  [([.character("!")], .flag), ([.character("+")], .thumbsUp), ([.character("-")], .thumbsDown)]),
            .init("s  y  T  p", "Save the transcript / copy it (OSC 52) / the ticket / pause it with a reason",
                  [([.character("s")], .save), ([.character("y")], .copy), ([.character("T")], .ticket),
                   ([.character("p")], .pause)],
                  hints: [.init("s", order: 0, priority: 0) { $0.isConclusion ? "save transcript" : nil },
                          .init("y", order: 0, priority: 1) { $0.isConclusion ? "copy" : nil }]),
        ]),
        .init("Other", [
            .init("?  F1", "This help; any other key closes it", [([.character("?"), .function(1)], .help)],
                  hints: [.init("?", "help", order: 5, priority: 3)]),
            .init("Ctrl-C", "Quit Triage", [([.control("c")], .quit)]),
            .init("Mouse", "Click an answer, a code or a step; the wheel scrolls"),
        ]),
    ])

    /// The step pane's keys (with the common ones): the help overlay's "In a diagnosis" and "Other" sections.
    static let stepKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("In a diagnosis", [
            .init("1-9  0", "Answer with that number (0: can't tell); at a conclusion 1 solved, 2 not solved, 3 escalated",
                  Key.digits { .answer($0) } + [([.character("0")], .cantTell)],
                  hints: [.init(order: 0, priority: 0) { $0.isConclusion ? ("1 2 3", "solved / not / escalated") : nil },
                          .init(order: 0, priority: 0) { screen in
                      guard case let .question(_, _, answers, _)? = screen.current?.kind else { return nil }
                      return (answers.count > 1 ? "1-\(min(answers.count, 9))" : "1", "answer")
                  }, .init("0", order: 0, priority: 1) { $0.current?.cantTell != nil ? "can't tell" : nil }]),
            .init("Up Down  Enter", "Select an answer or related code; Enter takes it",
                  [([.up, .character("k")], .up), ([.down, .character("j")], .down),
                   ([.enter, .right, .character("l")], .activate)],
                  hints: [.init("Enter", order: 1, priority: 1) { $0.isConclusion && $0.selectedCode != nil ? "open code" : nil }]),
            .init(nil, "Type the value", [([.character("i")], .typeValue)],
                  hints: [.init("i", order: 0, priority: 0) { $0.isAsk($0.current) ? "type" : nil }]),
            .init("PgUp PgDn  g G", "Scroll", [([.pageUp], .pageUp), ([.pageDown], .pageDown),
                                              ([.home, .character("g")], .first), ([.end, .character("G")], .last)]),
            .init("Esc  q", "Leave the diagnosis (q quits only from the browser)",
                  [([.escape, .character("q")], .close)], hints: [.init("Esc", "leave", order: 6, priority: 4)]),
        ]),
    ]) + commonKeys

    /// The path pane's keys (then the common ones, whose hints are the step's).
    static let pathKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("Path", [
            .init(nil, "Select an earlier step", [([.up, .character("k")], .up), ([.down, .character("j")], .down),
                                                  ([.pageUp], .pageUp), ([.pageDown], .pageDown),
                                                  ([.home, .character("g")], .first), ([.end, .character("G")], .last)]),
            .init(nil, "Jump back to the selected step", [([.enter, .right, .character("l")], .jumpBack)],
                  hints: [.init("Enter", "jump back here", order: 0, priority: 0)]),
            .init(nil, "Note on the selected step", hints: [.init("n", "note", order: 1, priority: 2)]),
            .init(nil, "Back to the question", [([.tab, .backTab, .escape, .left, .character("h")], .returnToStep)],
                  hints: [.init("Tab", "question", order: 2, priority: 1)]),
            .init(nil, "Leave the diagnosis", [([.character("q")], .close)], hints: [.init("q", "leave", order: 3, priority: 3)]),
            .init(nil, "Digits answer in the step, not here", Key.digits { _ in .digitInPath } + [([.character("0")], .digitInPath)]),
        ]),
    ]) + commonKeys.withoutHints

    /// The value field of an ask step: the help overlay's "Typing a value" section. Printable keys are text.
    static let fieldKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("Typing a value", [
            .init("letters", "Text, even b q r n"),
            .init("Enter", "Submit the value", [([.enter], .submit)], hints: [.init("Enter", "submit", order: 0, priority: 0)]),
            .init("Ctrl-T", "I can't tell (the value stays unknown)", [([.control("t")], .cantTell)],
                  hints: [.init("Ctrl-T", "can't tell", order: 1, priority: 1)]),
            .init("Esc  i", "Leave the field / type in it again", [([.escape], .leaveField)],
                  hints: [.init("Esc", "leave field", order: 1, priority: 1)]),
            .init("Ctrl-U  Ctrl-W", "Clear / delete a word; Left Right Home End move",
                  [([.control("u"), .control("w"), .backspace, .left, .right, .home, .end, .delete, .control("a"),
                     .control("e")], .edit)],
                  hints: [.init("Ctrl-U", "clear", order: 2, priority: 2)]),
            .init("Ctrl-R", "Show a secret while it is typed", [([.control("r")], .reveal)]),

            .init(nil, "Leave the field for the path", [([.tab, .backTab], .focusPath)]),
            .init(nil, "Scroll the step", [([.up], .scrollUp), ([.down], .scrollDown), ([.pageUp], .pageUpField),
                                           ([.pageDown], .pageDownField)]),
            .init(nil, "Help", [([.function(1)], .help)]),
        ]),
    ])

    /// The note editor: Enter saves, Esc cancels, everything else edits the note.
    static let noteKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("Note", [
            .init(nil, "Save the note", [([.enter], .saveNote)], hints: [.init("Enter", "save", order: 0, priority: 0)]),
            .init(nil, "Cancel the note", [([.escape], .cancelNote)], hints: [.init("Esc", "cancel", order: 1, priority: 1)]),
        ]),
    ])

    /// After the first `r` ("press r again to restart"): `r` restarts, Esc cancels, any other key is handled
    /// as usual (and the question is dropped).
    static let restartKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("Restart?", [
            .init(nil, "Restart from the first question", [([.character("r")], .confirmRestart)],
                  hints: [.init("r", "restart", order: 0, priority: 0)]),
            .init(nil, "Keep every answer", [([.escape], .cancelRestart)],
                  hints: [.init("Esc", "cancel", order: 1, priority: 1)]),
        ]),
    ])

    /// Keys that work the same in every part of the screen (the field and the note editor too).
    static let anywhereKeys = KeyMap<DiagnosisScreen, DiagnosisAction>([
        .init("Other", [.init(nil, "Quit Triage", [([.control("c")], .quit)])]),
    ])

    /// The table the next key goes to.
    var activeKeys: KeyMap<DiagnosisScreen, DiagnosisAction> {
        if noteEditor != nil { return Self.noteKeys }
        if isTyping { return Self.fieldKeys }
        if confirmingRestart { return Self.restartKeys + (focus == .path ? Self.pathKeys : Self.stepKeys).withoutHints }
        return focus == .path ? Self.pathKeys : Self.stepKeys
    }

    /// One key. Returns what the host must do.
    public mutating func handle(_ key: Key) -> DiagnosisOutcome {
        if Self.anywhereKeys.action(for: key) == .quit { return .quit }
        message = nil
        let restartAnswer = confirmingRestart ? Self.restartKeys.action(for: key) : nil
        confirmingRestart = false
        let outcome: DiagnosisOutcome
        if noteEditor != nil {
            outcome = handleNoteKey(key)
        } else if isTyping {
            outcome = handleFieldKey(key)
        } else if restartAnswer == .confirmRestart {
            restart()
            outcome = .stay
        } else if restartAnswer == .cancelRestart {
            // Esc answers the "press r again" question: no restart, and the diagnosis stays.
            message = "Restart cancelled"
            outcome = .stay
        } else if focus == .path {
            outcome = handlePathKey(key)
        } else {
            outcome = handleStepKey(key)
        }
        settle()
        return outcome
    }

    private mutating func handleNoteKey(_ key: Key) -> DiagnosisOutcome {
        switch Self.noteKeys.action(for: key) {
        case .saveNote?: saveNote()
        case .cancelNote?:
            noteEditor = nil
            message = "Note not changed"
        default: _ = noteEditor?.input.edit(key)
        }
        return .stay
    }

    private mutating func handleFieldKey(_ key: Key) -> DiagnosisOutcome {
        guard let action = Self.fieldKeys.action(for: key) else {
            _ = field.edit(key)
            return .stay
        }
        switch action {
        case .edit: _ = field.edit(key)
        case .submit: submitValue()
        case .leaveField:
            isTyping = false
            revealSecret = false
            message = "Left the field: Enter or i types again, b goes back, Esc leaves the diagnosis"
        case .reveal: revealSecret.toggle()
        case .cantTell: cantTell()
        case .focusPath:
            isTyping = false
            revealSecret = false
            focusPath()
        case .scrollUp: stepScroll(by: -1)
        case .scrollDown: stepScroll(by: 1)
        case .pageUpField: stepScroll(by: -max(1, stepHeight - 1))
        case .pageDownField: stepScroll(by: max(1, stepHeight - 1))
        case .help: return .help
        default: break
        }
        return .stay
    }

    private mutating func handleStepKey(_ key: Key) -> DiagnosisOutcome {
        let step = current
        switch Self.stepKeys.action(for: key) {
        case let .answer(number)?:
            if isConclusion, let outcome = [SessionOutcome.solved, .notSolved, .escalated][safe: number - 1] {
                return .setOutcome(outcome)
            }
            guard case let .question(_, _, answers, _)? = step?.kind else {
                message = isAsk(step) ? "Enter or i types the value" : nil
                return .stay
            }
            if number <= answers.count {
                choose(number - 1)
            } else {
                message = "There is no answer \(number); choose 1 to \(answers.count)"
            }
        case .up?: stepMove(by: -1)
        case .down?: stepMove(by: 1)
        case .pageUp?: stepScroll(by: -max(1, stepHeight - 1))
        case .pageDown?: stepScroll(by: max(1, stepHeight - 1))
        case .first?: stepToEnd(last: false)
        case .last?: stepToEnd(last: true)
        case .activate?: return activate(step)
        case .typeValue?: if isAsk(step) { isTyping = true }
        case .cantTell?: cantTell()
        case .focusPath?: focusPath()
        case .close?: return .close
        case let action?: return handleCommonKey(action, noteStep: session.path.count)
        case nil: break
        }
        return .stay
    }

    private mutating func handlePathKey(_ key: Key) -> DiagnosisOutcome {
        switch Self.pathKeys.action(for: key) {
        case .up?: pathMove(by: -1)
        case .down?: pathMove(by: 1)
        case .pageUp?: pathMove(by: -max(1, pathHeight - 1))
        case .pageDown?: pathMove(by: max(1, pathHeight - 1))
        case .first?: pathMove(by: -session.path.count)
        case .last?: pathMove(by: session.path.count)
        case .jumpBack?: jump(toStep: pathPane.selection ?? 0)
        case .returnToStep?:
            focus = .step
            isTyping = isAsk(current)
        case .close?: return .close
        case .digitInPath?: message = "Tab returns to the question to answer it"
        case let action?: return handleCommonKey(action, noteStep: pathPane.selection ?? 0)
        case nil: break
        }
        return .stay
    }

    /// Actions that do the same with the step or the path focused.
    private mutating func handleCommonKey(_ action: DiagnosisAction, noteStep: Int) -> DiagnosisOutcome {
        switch action {
        case .back: back()
        case .restart where isConclusion:
            showingReply.toggle()
            stepPane = ScrollState()
            message = showingReply ? "The reply for the ticket: c copies it, r shows the conclusion again" : nil
        case .flag: return .request(.flag(.flag))
        case .thumbsUp, .thumbsDown:
            guard isConclusion else {
                message = "+ and - rate a conclusion; ! flags this step with a note"
                return .stay
            }
            return .request(.flag(action == .thumbsUp ? .up : .down))
        case .copyReply:
            guard isConclusion else {
                message = "c copies the reply at a conclusion; y copies the transcript"
                return .stay
            }
            return .copyReply
        case .restart:
            if session.path.contains(where: \.isAnswered) {
                confirmingRestart = true
                message = "Press r again to restart from the first question (every answer and note is dropped); Esc cancels"
            } else {
                restart()
            }
        case .note: editNote(forStep: noteStep)
        case .save: return .saveTranscript
        case .copy: return .copyTranscript
        case .ticket: return .editTicket
        case .pause: return .request(.pause)
        case .help: return .help
        case .quit: return .quit
        default: break
        }
        return .stay
    }

    /// Enter on the step: choose the selected answer, type the value, or open the selected related code.
    private mutating func activate(_ step: CurrentStep?) -> DiagnosisOutcome {
        switch step?.kind {
        case .question?:
            if let answer = selectedAnswer { choose(answer) } else if selectsCantTell { cantTell() }
        case .ask?:
            isTyping = true
        case .conclusion?, .notDetermined?:
            if let code = selectedCode { return .openCode(code) }
            let links = stepDocument().targets.count
            message = links == 0 ? "s saves the transcript; Esc leaves the diagnosis"
                : "Select a related code with j/k, then Enter"
        case nil:
            message = "This step is no longer in the catalog; b goes back, r restarts"
        }
        return .stay
    }

    private mutating func focusPath() {
        guard !session.path.isEmpty else {
            message = "No earlier steps yet"
            isTyping = isAsk(current)
            return
        }
        focus = .path
        pathPane.selection = session.path.count - 1
        revealPathSelection()
    }

    /// True while the current step is a conclusion (determined or not).
    var isConclusion: Bool {
        switch current?.kind {
        case .conclusion?, .notDetermined?: return true
        default: return false
        }
    }

    func isAsk(_ step: CurrentStep?) -> Bool {
        if case .ask? = step?.kind { return true }
        return false
    }
}
