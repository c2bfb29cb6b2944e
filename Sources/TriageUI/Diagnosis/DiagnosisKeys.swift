import TriageCore

/// The keys of the diagnosis screen (listed for the help overlay in `DiagnosisKeyHelp`).
///
/// - Everywhere: Ctrl-C quits.
/// - Note editor (`n`): typing edits the note; Enter saves, Esc cancels.
/// - Value field of an ask step: letters are text (so `b`, `q`, `r` too); Enter submits, Esc leaves the field.
/// - Step: digits answer, Up/Down/j/k select, Enter chooses or opens the related code, `b`/Backspace/Left go
///   back one step, `r r` restarts, `n` notes, `s` saves the transcript, Tab focuses the path, Esc/`q` leave.
/// - Path: Up/Down/j/k select an earlier step, Enter jumps back to it, `n` notes it, Tab/Esc return to the step.
extension DiagnosisScreen {
    /// One key. Returns what the host must do.
    public mutating func handle(_ key: Key) -> DiagnosisOutcome {
        if key == .control("c") { return .quit }
        message = nil
        let restartArmed = confirmingRestart
        confirmingRestart = false
        let outcome: DiagnosisOutcome
        if noteEditor != nil {
            outcome = handleNoteKey(key)
        } else if isTyping {
            outcome = handleFieldKey(key)
        } else if restartArmed, key == .character("r") {
            restart()
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
        switch key {
        case .enter: saveNote()
        case .escape:
            noteEditor = nil
            message = "Note not changed"
        default: _ = noteEditor?.input.edit(key)
        }
        return .stay
    }

    private mutating func handleFieldKey(_ key: Key) -> DiagnosisOutcome {
        if field.edit(key) { return .stay }
        switch key {
        case .enter: submitValue()
        case .escape:
            isTyping = false
            revealSecret = false
            message = "Left the field: Enter or i types again, b goes back, Esc leaves the diagnosis"
        case .control("r"): revealSecret.toggle()
        case .tab, .backTab:
            isTyping = false
            revealSecret = false
            focusPath()
        case .up: stepScroll(by: -1)
        case .down: stepScroll(by: 1)
        case .pageUp: stepScroll(by: -max(1, stepHeight - 1))
        case .pageDown: stepScroll(by: max(1, stepHeight - 1))
        case .function(1): return .help
        default: break
        }
        return .stay
    }

    private mutating func handleStepKey(_ key: Key) -> DiagnosisOutcome {
        let step = current
        switch key {
        case let .character(digit) where digit.isASCII && digit.isNumber && digit != "0":
            guard case let .question(_, _, answers, _)? = step?.kind else {
                message = isAsk(step) ? "Enter or i types the value" : nil
                return .stay
            }
            let number = Int(String(digit)) ?? 0
            if number <= answers.count {
                choose(number - 1)
            } else {
                message = "There is no answer \(number); choose 1 to \(answers.count)"
            }
        case .up, .character("k"): stepMove(by: -1)
        case .down, .character("j"): stepMove(by: 1)
        case .pageUp: stepScroll(by: -max(1, stepHeight - 1))
        case .pageDown: stepScroll(by: max(1, stepHeight - 1))
        case .home, .character("g"): stepToEnd(last: false)
        case .end, .character("G"): stepToEnd(last: true)
        case .enter, .right, .character("l"):
            return activate(step)
        case .character("i") where isAsk(step):
            isTyping = true
        case .tab, .backTab: focusPath()
        case .escape, .character("q"): return .close
        default: return handleCommonKey(key, noteStep: session.path.count)
        }
        return .stay
    }

    private mutating func handlePathKey(_ key: Key) -> DiagnosisOutcome {
        switch key {
        case .up, .character("k"): pathMove(by: -1)
        case .down, .character("j"): pathMove(by: 1)
        case .pageUp: pathMove(by: -max(1, pathHeight - 1))
        case .pageDown: pathMove(by: max(1, pathHeight - 1))
        case .home, .character("g"): pathMove(by: -session.path.count)
        case .end, .character("G"): pathMove(by: session.path.count)
        case .enter, .right, .character("l"): jump(toStep: pathSelection)
        case .tab, .backTab, .escape, .left, .character("h"):
            focus = .step
            isTyping = isAsk(current)
        case .character("q"): return .close
        case let .character(digit) where digit.isASCII && digit.isNumber:
            message = "Tab returns to the question to answer it"
        default: return handleCommonKey(key, noteStep: pathSelection)
        }
        return .stay
    }

    /// Keys that do the same with the step or the path focused.
    private mutating func handleCommonKey(_ key: Key, noteStep: Int) -> DiagnosisOutcome {
        switch key {
        case .character("b"), .backspace, .left, .character("h"): back()
        case .character("r"):
            if session.path.contains(where: \.isAnswered) {
                confirmingRestart = true
                message = "Press r again to restart from the first question (every answer and note is dropped)"
            } else {
                restart()
            }
        case .character("n"): editNote(forStep: noteStep)
        case .character("s"): return .saveTranscript
        case .character("?"), .function(1): return .help
        default: break
        }
        return .stay
    }

    /// Enter on the step: choose the selected answer, type the value, or open the selected related code.
    private mutating func activate(_ step: CurrentStep?) -> DiagnosisOutcome {
        switch step?.kind {
        case .question?:
            if let answer = selectedAnswer { choose(answer) }
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
        pathSelection = session.path.count - 1
        revealPathSelection()
    }

    private func isAsk(_ step: CurrentStep?) -> Bool {
        if case .ask? = step?.kind { return true }
        return false
    }
}
