import TerminalKit
import TriageCore

/// The browser's ways into and out of a guided diagnosis: `d` on a code (a choice when several trees diagnose
/// it), `t` for every tree, Enter on a tree link of the detail, `d` in the paste box, `D` back to the last
/// diagnosis, Enter on a stored session. Every new diagnosis goes through `open(_:)` and then `begin(_:)`, the
/// one place a diagnosis screen is made with its own `SessionRecording`: a new diagnosis can never write into
/// the row of another one.
extension BrowserState {
    /// `d`: diagnose `code` (the one selected in the browser).
    mutating func diagnose(code: CodeReference) {
        switch DiagnosisLaunch.forCode(code, catalog: catalog, width: width, height: height) {
        case let .session(session): open(session)
        case let .picker(picker):
            if let kept = diagnosis, kept.session.code == code,
               picker.trees.contains(kept.session.tree), kept.session.path.contains(where: \.isAnswered) {
                resumeDiagnosis()
                return
            }
            active = .trees(picker)
        case let .unavailable(text): browse.message = text
        }
    }

    /// `t`: every decision tree.
    mutating func listTrees() {
        active = .trees(TreePicker(catalog: catalog, width: width, height: height))
    }

    /// Enter on a tree link in the detail: that tree, from `code` when the tree diagnoses it.
    mutating func diagnose(tree id: TreeID, from code: CodeReference?) {
        let diagnoses = code.map { DiagnosisSession.trees(for: $0, in: catalog).contains { $0.id == id } } ?? false
        do {
            open(try DiagnosisSession.start(tree: id, from: diagnoses ? code : nil, in: catalog))
        } catch {
            browse.message = DiagnosisScreen.sentence(error)
        }
    }

    /// Shows `session`, or the kept diagnosis instead when it is the same tree from the same code and has
    /// answers (an accidental Esc loses nothing; a paste's evidence is a new ticket, so it never resumes). An
    /// open diagnosis is never replaced without asking.
    mutating func open(_ session: DiagnosisSession) {
        if session.evidence == nil, let kept = diagnosis, kept.session.tree == session.tree, kept.session.code == session.code,
           kept.session.path.contains(where: \.isAnswered) {
            resumeDiagnosis()
            return
        }
        if hasOpenDiagnosis {
            let tree = diagnosis.flatMap { catalog.tree(id: $0.session.tree)?.title } ?? "A diagnosis"
            active = .prompt(.continueOrNew(session, openTree: tree), over: showsDiagnosis ? active.base : .browse)
            return
        }
        begin(session)
    }

    /// Shows `session` as a new diagnosis: its own recording, with the ticket new diagnoses take now. The
    /// diagnosis shown or kept before it stays as it was stored.
    mutating func begin(_ session: DiagnosisSession, eager: Bool = false, saying note: String? = nil) {
        var screen = DiagnosisScreen(session: session, catalog: catalog, width: width, height: height,
                                     recording: SessionRecording(ticket: sessions.ticket, eager: eager))
        if let note { screen.resume(saying: note) }
        screen.startedAt = clock()
        kept = nil
        active = .diagnosis(screen)
    }

    /// `D`: back to the last diagnosis.
    mutating func resumeDiagnosis() {
        guard var screen = diagnosis else {
            browse.message = "No diagnosis yet: d diagnoses the selected code, t lists every tree"
            return
        }
        screen.resize(width: width, height: height)
        screen.resume(saying: "Resumed where you left off; r r starts over")
        kept = nil
        active = .diagnosis(screen)
    }

    /// Opens a stored diagnosis where it stopped; its later steps are saved into the same session.
    mutating func resume(_ stored: StoredSession) {
        guard stored.diagnosis.current(in: catalog) != nil else {
            active.updateBase { mode in
                guard case var .sessions(screen) = mode else { return }
                screen.message = "Session #\(stored.id): tree \(stored.tree) is not in this catalog (or changed)"
                mode = .sessions(screen)
            }
            return
        }
        var recording = SessionRecording(ticket: stored.ticket, continuing: stored.id, saved: stored.diagnosis)
        recording.outcome = stored.outcome
        var screen = DiagnosisScreen(session: stored.diagnosis, catalog: catalog, width: width, height: height,
                                     recording: recording)
        screen.resume(saying: "Resumed session #\(stored.id)\(stored.ticket.map { " for ticket \($0)" } ?? "")")
        screen.startedAt = stored.createdAt
        kept = nil
        active = .diagnosis(screen)
    }

    /// Starts in the diagnosis given on the command line (saved from its first question, into stored session
    /// `id` when it continues one), with the browser on its code behind it.
    mutating func startDiagnosis(_ session: DiagnosisSession, continuing id: Int64?) {
        if let code = session.code, catalog.entry(code) != nil { browse.show(code) }
        let recording = SessionRecording(ticket: sessions.ticket, continuing: id, eager: true)
        var screen = DiagnosisScreen(session: session, catalog: catalog, width: width, height: height,
                                     recording: recording)
        screen.startedAt = clock()
        kept = nil
        active = .diagnosis(screen)
    }

    /// True when a diagnosis is open: shown or kept, with an answer, not at its conclusion.
    var hasOpenDiagnosis: Bool {
        guard let session = diagnosis?.session else { return false }
        return !session.isFinished && session.path.contains(where: \.isAnswered)
    }

    mutating func handleDiagnosisMouse(_ event: MouseEvent) {
        guard case var .diagnosis(screen) = active else { return }
        let outcome = screen.handle(mouse: event)
        active = .diagnosis(screen)
        _ = route(child: outcome, closing: "Left the diagnosis; D returns to it") { $0.act(on: $1) }
    }

    /// Does what only the diagnosis screen asks for.
    mutating func act(on request: DiagnosisRequest) {
        switch request {
        case let .openCode(reference):
            leaveChild()
            browse.follow(reference)
            browse.message = "\(reference.code) from the diagnosis: D returns to it, Esc to the code before"
        case .saveTranscript:
            if let draft = diagnosis?.transcriptDraft(date: clock(), context: transcriptContext) { effects.append(.saveTranscript(draft)) }
        case .copyTranscript: copyTranscript()
        case .copyReply: copyReply()
        case let .flag(kind): flagDiagnosis(kind)
        case .editTicket: beginTicket(forDiagnosis: true)
        case .pause:
            guard let id = diagnosis?.recording.id else {
                say("Nothing is stored to pause yet: answer a question first")
                return
            }
            active = .prompt(.pause(TextField(limit: 200), id: id), over: active)
        case let .setOutcome(outcome): setOutcome(outcome)
        }
    }
}
