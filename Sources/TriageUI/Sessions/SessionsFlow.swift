import Foundation
import TerminalKit
import TriageCore

/// What the browser knows about stored sessions: the stored id of the diagnosis shown (so every step saves into
/// the same row), its ticket and outcome, the ticket new diagnoses take, a diagnosis waiting for "continue the
/// open one or start a new one?", what a copy was of, and whether the resume offer was asked for.
public struct BrowserSessions: Sendable {
    /// The stored session of `BrowserState.diagnosis`, once saved (or resumed from the sessions screen).
    public internal(set) var id: Int64?
    /// The ticket of the diagnosis shown.
    public internal(set) var diagnosisTicket: String?
    public internal(set) var outcome: SessionOutcome?
    /// The ticket new diagnoses take (`triage --ticket T`).
    public internal(set) var ticket: String?
    /// True when every step is saved (the runner has a store); false in tests and without sessions.
    var records = false
    /// The last state handed to the store (nothing is saved again until the diagnosis changes).
    var lastSaved: DiagnosisSession?
    /// Save even before the first answer (a diagnosis started from the command line).
    var eager = false
    /// A diagnosis started while another one is open, waiting for c (continue the open one) or n (new).
    var pendingStart: DiagnosisSession?
    /// What the copy in flight was of ("the transcript", "the code X").
    var copying: String?
    /// The user the resume offer asks for; nil once asked.
    var offerUser: String?
    var offerAsked = false
    /// "this session is not being saved" was said once.
    var warned = false
    /// The ticket being typed (`T`), over the last row.
    public internal(set) var ticketField: TextField?
}

extension BrowserState {
    // MARK: - The sessions screen

    /// `S`: the sessions screen, listed by the store.
    mutating func openSessions() {
        sessionsScreen = SessionsScreen(width: width, height: height)
        active = .sessions
        effects.append(.listSessions(SessionsScreen.storeFilter))
    }

    mutating func handleSessionsKey(_ key: Key) -> UpdateResult {
        guard var screen = sessionsScreen else {
            active = .browse
            return .continue
        }
        let request = screen.handle(key)
        sessionsScreen = screen
        switch request {
        case .stay: break
        case .quit: return .quit
        case .close: active = .browse
        case .help: break
        case let .resume(stored): resume(stored)
        case let .delete(id): effects.append(.deleteSession(id))
        case let .setOutcome(outcome, id): effects.append(.setOutcome(outcome, id: id))
        }
        return .continue
    }

    /// Opens a stored diagnosis where it stopped; its later steps are saved into the same session.
    mutating func resume(_ stored: StoredSession) {
        guard stored.diagnosis.current(in: catalog) != nil else {
            sessionsScreen?.message = "Session #\(stored.id): tree \(stored.tree) is not in this catalog (or changed)"
            return
        }
        var screen = DiagnosisScreen(session: stored.diagnosis, catalog: catalog, width: width, height: height)
        screen.resume(saying: "Resumed session #\(stored.id)\(stored.ticket.map { " for ticket \($0)" } ?? "")")
        diagnosis = screen
        sessions.id = stored.id
        sessions.diagnosisTicket = stored.ticket
        sessions.outcome = stored.outcome
        sessions.lastSaved = stored.diagnosis
        active = .diagnosis
    }

    // MARK: - Saving every step

    /// After every update: hands the diagnosis to the store when it changed since the last save.
    mutating func recordDiagnosis() {
        guard sessions.records, let session = diagnosis?.session, session != sessions.lastSaved else { return }
        guard sessions.eager || sessions.id != nil || session.path.contains(where: \.isAnswered)
            || !session.path.isEmpty && session.isFinished else { return }
        sessions.lastSaved = session
        effects.append(.saveSession(SessionSave(session: session, id: sessions.id, ticket: sessions.diagnosisTicket)))
    }

    /// A diagnosis shown from now on, not yet stored: its steps go into a new session with the current ticket.
    mutating func startRecording(eager: Bool = false) {
        sessions.id = nil
        sessions.outcome = nil
        sessions.lastSaved = nil
        sessions.eager = eager
        sessions.diagnosisTicket = sessions.ticket
    }

    /// True when a diagnosis is open: shown or kept, with an answer, not at its conclusion.
    var hasOpenDiagnosis: Bool {
        guard let session = diagnosis?.session else { return false }
        return !session.isFinished && session.path.contains(where: \.isAnswered)
    }

    /// `c` or `n` after "continue the open one, or start a new one?".
    mutating func answerPendingStart(_ key: Key) {
        guard let pending = sessions.pendingStart else { return }
        sessions.pendingStart = nil
        switch key {
        case .character("c"), .enter: resumeDiagnosis()
        case .character("n"):
            if case .trees = active { active = .browse }
            diagnosis = DiagnosisScreen(session: pending, catalog: catalog, width: width, height: height)
            startRecording()
            active = .diagnosis
            let kept = sessions.records ? " (the open one stays saved: S lists it)" : ""
            diagnosis?.message = "New diagnosis\(kept)"
        default:
            message = "Nothing started; the open diagnosis is kept (D returns to it)"
        }
    }

    /// The question asked instead of replacing an open diagnosis.
    mutating func askContinueOrNew(_ session: DiagnosisSession) {
        sessions.pendingStart = session
        let tree = diagnosis.flatMap { catalog.tree(id: $0.session.tree)?.title } ?? "a diagnosis"
        message = "\(tree) is open: c continues it, n starts a new one"
    }

    // MARK: - The ticket

    /// `T`: type the ticket of the diagnosis shown (and of the diagnoses started after it).
    mutating func beginTicket() {
        sessions.ticketField = TextField((diagnosis == nil ? sessions.ticket : sessions.diagnosisTicket) ?? "", limit: 200)
    }

    /// A key while the ticket is typed: Enter sets it (empty clears it), Esc cancels, the rest edits.
    mutating func handleTicketKey(_ key: Key) {
        guard var field = sessions.ticketField else { return }
        switch key {
        case .escape:
            sessions.ticketField = nil
            say("Ticket not changed")
        case .enter:
            sessions.ticketField = nil
            let text = field.text.trimmingCharacters(in: .whitespaces)
            let ticket = text.isEmpty ? nil : text
            sessions.ticket = ticket
            if diagnosis != nil {
                sessions.diagnosisTicket = ticket
                if let id = sessions.id { effects.append(.setTicket(ticket, id: id)) }
            }
            say(ticket.map { "Ticket \($0): this diagnosis and the next ones" } ?? "No ticket")
        default:
            _ = field.edit(key)
            sessions.ticketField = field
        }
    }

    // MARK: - Outcome, copy

    /// 1, 2 or 3 at a conclusion: "did this solve it?".
    mutating func setOutcome(_ outcome: SessionOutcome) {
        sessions.outcome = outcome
        guard let id = sessions.id else {
            diagnosis?.message = "Outcome \(outcome.label) noted, but this diagnosis is not saved"
            return
        }
        effects.append(.setOutcome(outcome, id: id))
    }

    /// `y`: the code selected in the browser, or the transcript in a diagnosis, to the clipboard.
    mutating func copySelectedCode() {
        guard let entry = selectedEntry, focus != .sidebar || isSearching else {
            message = "Select a code to copy"
            return
        }
        sessions.copying = "\(entry.code)"
        effects.append(.copy(entry.code))
    }

    mutating func copyTranscript() {
        guard let screen = diagnosis else { return }
        let markdown = Transcript(session: screen.session.redacted(), catalog: catalog, date: clock()).markdown
        sessions.copying = "the transcript"
        effects.append(.copy(markdown))
    }

    /// Where the answer to a copy or a save is said: the diagnosis's status line when it is shown.
    mutating func say(_ text: String) {
        if mode == .diagnosis { diagnosis?.message = text } else if mode == .sessions { sessionsScreen?.message = text }
        else { message = text }
    }

    // MARK: - Answers

    /// The answers about sessions and copies (the transcript answers are the diagnosis screen's).
    mutating func answerSessions(_ answer: BrowserAnswer) {
        switch answer {
        case .transcriptSaved, .transcriptNotSaved, .memorySaved, .memoryNotSaved: break
        case let .sessionsListed(list):
            if sessions.offerAsked, sessionsScreen == nil {
                sessions.offerAsked = false
                let since = clock().addingTimeInterval(-86_400)
                let count = list.filter { $0.updatedAt >= since }.count
                guard count > 0 else { return }
                message = "\(count) open diagnos\(count == 1 ? "is" : "es") from the last day: S to resume"
            } else {
                sessionsScreen?.listed(list)
            }
        case let .sessionsUnavailable(reason):
            if sessions.offerAsked, sessionsScreen == nil {
                sessions.offerAsked = false
                return
            }
            if mode == .sessions {
                sessionsScreen?.failed(reason)
            } else if !sessions.warned {
                sessions.warned = true
                sessions.lastSaved = nil
                say("This diagnosis is not being saved: \(reason)")
            } else {
                sessions.lastSaved = nil
            }
        case let .sessionSaved(id):
            sessions.id = id
        case let .sessionDeleted(id):
            sessionsScreen?.deleted(id)
            if sessions.id == id {
                sessions.id = nil
                sessions.lastSaved = nil
            }
        case let .outcomeSet(outcome, id):
            sessionsScreen?.outcomeSet(outcome, id: id)
            if sessions.id == id { sessions.outcome = outcome }
            if mode == .diagnosis { say("Outcome: \(outcome.label) (saved in session #\(id); o in S changes it)") }
        case let .ticketSet(ticket, id):
            if mode == .diagnosis { say("Ticket \(ticket ?? "cleared") saved in session #\(id)") }
        case let .copied(bytes, via):
            say("Copied \(sessions.copying ?? "it") (\(bytes) bytes) to the clipboard (\(via))")
            sessions.copying = nil
        case let .notCopied(reason):
            let other = mode == .diagnosis ? "; s saves the transcript to a file, triage sessions export prints it" : ""
            say("Cannot copy: \(reason)\(other)")
            sessions.copying = nil
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
