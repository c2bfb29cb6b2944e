import Foundation
import TerminalKit
import TriageCore

/// What the shell knows about stored sessions beyond the diagnosis shown (whose `SessionRecording` says what
/// it stores): the ticket new diagnoses take, whether steps are saved at all, what a copy was of, and the
/// resume offer at start.
public struct BrowserSessions: Sendable {
    /// The ticket new diagnoses take (`triage --ticket T`, or `T`).
    public internal(set) var ticket: String?
    /// True when every step is saved (the runner has a store); false in tests and without sessions.
    var records = false
    /// What the copy in flight was of ("the transcript", "the code X").
    var copying: String?
    /// The user the resume offer asks for; nil once asked.
    var offerUser: String?
    var offerAsked = false
    /// "this session is not being saved" was said once.
    var warned = false
}

/// The sessions screen (`S`), saving every step, the outcome, copies, and the store's answers.
extension BrowserState {
    /// `S`: the sessions screen, listed by the store.
    mutating func openSessions() {
        if case let .diagnosis(screen) = active.base { kept = screen }
        active = .sessions(SessionsScreen(width: width, height: height))
        effects.append(.listSessions(SessionsScreen.storeFilter))
    }

    /// `Ctrl-O`, from anywhere: the open diagnoses, listed by the store; the diagnosis shown is kept for `D`.
    mutating func openSwitcher() {
        if case .switcher = active { return }
        if case let .diagnosis(screen) = active.base { kept = screen }
        active = .switcher(Switcher(width: width, height: height))
        effects.append(.listSessions(Switcher.storeFilter))
    }

    /// Does what only the sessions screen asks for.
    mutating func act(on request: SessionsScreenRequest) {
        switch request {
        case let .resume(stored): resume(stored)
        case let .delete(id): effects.append(.deleteSession(id))
        case let .setOutcome(outcome, id): effects.append(.setOutcome(outcome, id: id))
        }
    }

    // MARK: - Saving every step

    /// After every update: hands the diagnosis to the store when its recording says a write is due.
    mutating func recordDiagnosis() {
        guard sessions.records, let screen = diagnosis, let write = screen.recording.write(for: screen.session) else {
            return
        }
        updateDiagnosis { $0.recording.sent(write) }
        effects.append(.saveSession(write))
    }

    // MARK: - Outcome, copy

    /// 1, 2 or 3 at a conclusion: "did this solve it?".
    mutating func setOutcome(_ outcome: SessionOutcome) {
        var stored: Int64?
        updateDiagnosis {
            $0.recording.outcome = outcome
            stored = $0.recording.id
        }
        guard let stored else {
            say("Outcome \(outcome.label) noted, but this diagnosis is not saved")
            return
        }
        effects.append(.setOutcome(outcome, id: stored))
    }

    /// `y` in a diagnosis: its transcript to the clipboard.
    mutating func copyTranscript() {
        guard let screen = diagnosis else { return }
        let markdown = Transcript(session: screen.session.redacted(), catalog: catalog, date: clock(),
                                  context: screen.transcriptContext(transcriptContext, end: clock())).markdown
        sessions.copying = "the transcript"
        effects.append(.copy(.transcript(markdown)))
    }

    /// `!` in a diagnosis (asks for the note), `+` / `-` at its conclusion (stored at once): the current step, with
    /// the diagnosis's code and stored session.
    mutating func flagDiagnosis(_ kind: CatalogFlag.Kind) {
        guard let screen = diagnosis else { return }
        let flag = CatalogFlag(kind: kind, code: screen.session.code?.description, tree: screen.session.currentTree,
                               node: screen.session.currentNode, sessionID: screen.recording.id)
        if kind == .flag { beginFlag(flag) } else { effects.append(.flag(flag)) }
    }

    /// `c` at a conclusion: the reply for the ticket to the clipboard, through the same copy as the transcript.
    mutating func copyReply() {
        guard let screen = diagnosis, let reply = DiagnosisReply(session: screen.session, catalog: catalog) else {
            say("This conclusion has no reply in the catalog; y copies the transcript")
            return
        }
        sessions.copying = "the reply"
        effects.append(.copy(.transcript(reply.rendered(.md))))
    }

    /// Where the answer to a copy or a save is said: the status line of the screen shown.
    mutating func say(_ text: String) {
        switch active.base {
        case .diagnosis: updateDiagnosis { $0.message = text }
        case var .sessions(screen):
            screen.message = text
            active.updateBase { $0 = .sessions(screen) }
        default: browse.message = text
        }
    }

    // MARK: - Answers

    /// The answers about sessions and copies (the transcript answers are the diagnosis screen's).
    mutating func answerSessions(_ answer: BrowserAnswer) {
        switch answer {
        case .transcriptSaved, .transcriptNotSaved, .memorySaved, .memoryNotSaved, .searchRemembered, .searchNotRemembered, .searchPreparing: break
        case let .team(result): receiveTeam(result)
        case let .sessionsListed(list):
            if sessions.offerAsked, sessionsScreen == nil {
                sessions.offerAsked = false
                let since = clock().addingTimeInterval(-86_400)
                let count = list.filter { $0.updatedAt >= since }.count
                guard count > 0 else { return }
                browse.message = "\(count) open diagnos\(count == 1 ? "is" : "es") from the last day: S to resume"
            } else if case var .switcher(switcher) = active {
                switcher.listed(list, catalog: catalog, now: clock())
                active = .switcher(switcher)
            } else {
                updateSessionsScreen { $0.listed(list) }
            }
        case let .sessionsUnavailable(reason):
            if sessions.offerAsked, sessionsScreen == nil {
                sessions.offerAsked = false
                return
            }
            if sessionsScreen != nil {
                updateSessionsScreen { $0.failed(reason) }
                return
            }
            if case var .switcher(switcher) = active {
                switcher.failed(reason)
                active = .switcher(switcher)
                return
            }
            updateDiagnosis { $0.recording.failed() }
            if !sessions.warned {
                sessions.warned = true
                say("This diagnosis is not being saved: \(reason)")
            }
        case let .sessionSaved(id):
            updateDiagnosis { $0.recording.stored(id: id) }
        case let .sessionDeleted(id):
            updateSessionsScreen { $0.deleted(id) }
            updateDiagnosis { if $0.recording.id == id { $0.recording.forget() } }
        case let .outcomeSet(outcome, id):
            updateSessionsScreen { $0.outcomeSet(outcome, id: id) }
            updateDiagnosis { if $0.recording.id == id { $0.recording.outcome = outcome } }
            if showsDiagnosis { say("Outcome: \(outcome.label) (saved in session #\(id); o in S changes it)") }
        case let .sessionPaused(id, reason):
            say(reason.map { "Session #\(id) paused: \($0) (Ctrl-O lists it; the next answer resumes it)" }
                ?? "Session #\(id) is no longer paused")
        case let .flagged(flag, id):
            switch flag.kind {
            case .flag: say("Flagged \(flag.target) (#\(id)): triage review lists it for the catalog's authors")
            case .up: say("Thumbs up for \(flag.target) saved (#\(id))")
            case .down: say("Thumbs down for \(flag.target) saved (#\(id)); ! adds a note on what was wrong")
            }
        case let .ticketSet(ticket, id):
            if showsDiagnosis { say("Ticket \(ticket ?? "cleared") saved in session #\(id)") }
        case let .copied(bytes, via):
            say("Copied \(sessions.copying ?? "it") (\(bytes) bytes) to the clipboard (\(via))")
            sessions.copying = nil
        case let .notCopied(reason):
            let other = showsDiagnosis && !reason.contains("; saved to ") ? "; s saves the transcript to a file, triage sessions export prints it" : ""
            say("Cannot copy: \(reason)\(other)")
            sessions.copying = nil
        }
    }

    /// Changes the sessions screen while it is shown.
    private mutating func updateSessionsScreen(_ change: (inout SessionsScreen) -> Void) {
        active.updateBase { mode in
            guard case var .sessions(screen) = mode else { return }
            change(&screen)
            mode = .sessions(screen)
        }
    }

    /// At the first update: asks the store for this user's open diagnoses of the last day (the resume offer).
    mutating func offerResume() {
        guard let user = sessions.offerUser else { return }
        sessions.offerUser = nil
        sessions.offerAsked = true
        effects.append(.listSessions(SessionFilter(user: user, status: .open, limit: 200)))
    }
}
