import TerminalKit
import TriageCore

/// The browser's way into and out of a guided diagnosis: `d` on a code (a choice when several trees diagnose
/// it), `t` for every tree, Enter on a tree link of the detail, `D` back to the last diagnosis. The diagnosis
/// screen and the tree picker are their own components; this file routes keys to them and acts on what they
/// ask for (`ChildOutcome`: leave, show the help, quit, or their own request: open a related code, save the
/// transcript, start a tree).
extension BrowserState {
    /// `d`: diagnose the selected code.
    mutating func diagnoseSelected() {
        // As in the status line: a code is selected once the focus left the vendors pane (or in search results).
        guard focus != .sidebar || isSearching, let entry = selectedEntry else {
            message = "Select a code to diagnose; t lists every decision tree"
            return
        }
        switch DiagnosisLaunch.forCode(entry.reference, catalog: catalog, width: width, height: height) {
        case let .screen(screen): open(screen.session)
        case let .picker(picker):
            if let kept = diagnosis, kept.session.code == entry.reference,
               picker.trees.contains(kept.session.tree), !kept.session.path.filter(\.isAnswered).isEmpty {
                resumeDiagnosis()
                return
            }
            active = .trees(picker)
        case let .unavailable(text): message = text
        }
    }

    /// `t`: every decision tree.
    mutating func listTrees() {
        active = .trees(TreePicker(catalog: catalog, width: width, height: height))
    }

    /// Enter on a tree link in the detail: that tree, from the selected code when the tree diagnoses it.
    mutating func diagnose(tree id: String) {
        let code = selectedEntry?.reference
        let diagnoses = code.map { DiagnosisSession.trees(for: $0, in: catalog).contains { $0.id == id } } ?? false
        do {
            open(try DiagnosisSession.start(tree: id, from: diagnoses ? code : nil, in: catalog))
        } catch {
            message = DiagnosisScreen.sentence(error)
        }
    }

    /// Shows `session`, or the kept diagnosis instead when it is the same tree from the same code and has
    /// answers (an accidental Esc loses nothing).
    mutating func open(_ session: DiagnosisSession) {
        if case .trees = active { active = .browse }
        if let kept = diagnosis, kept.session.tree == session.tree, kept.session.code == session.code,
           kept.session.path.contains(where: \.isAnswered) {
            resumeDiagnosis()
            return
        }
        // Never replace an open diagnosis without asking (c continues it, n starts the new one).
        if hasOpenDiagnosis {
            askContinueOrNew(session)
            return
        }
        diagnosis = DiagnosisScreen(session: session, catalog: catalog, width: width, height: height)
        startRecording()
        active = .diagnosis
    }

    /// `D`: back to the last diagnosis.
    mutating func resumeDiagnosis() {
        guard var screen = diagnosis else {
            message = "No diagnosis yet: d diagnoses the selected code, t lists every tree"
            return
        }
        screen.resize(width: width, height: height)
        screen.resume(saying: "Resumed where you left off; r r starts over")
        diagnosis = screen
        active = .diagnosis
    }

    mutating func handleDiagnosisKey(_ key: Key) -> UpdateResult {
        guard var screen = diagnosis else {
            active = .browse
            return .continue
        }
        let outcome = screen.handle(key)
        diagnosis = screen
        return route(child: outcome, closing: "Left the diagnosis; D returns to it") { $0.act(on: $1) }
    }

    mutating func handleDiagnosisMouse(_ event: MouseEvent) {
        guard var screen = diagnosis else { return }
        let outcome = screen.handle(mouse: event)
        diagnosis = screen
        _ = route(child: outcome, closing: "Left the diagnosis; D returns to it") { $0.act(on: $1) }
    }

    /// Does what only the diagnosis screen asks for.
    private mutating func act(on request: DiagnosisRequest) {
        switch request {
        case let .openCode(reference):
            active = .browse
            follow(reference)
            message = "\(reference.code) from the diagnosis: D returns to it, Esc to the code before"
        case .saveTranscript:
            if let draft = diagnosis?.transcriptDraft(date: clock()) { effects.append(.saveTranscript(draft)) }
        case .copyTranscript: copyTranscript()
        case .editTicket: beginTicket()
        case let .setOutcome(outcome): setOutcome(outcome)
        }
    }

    /// Does what a child screen (the diagnosis, the tree list) asked for: the shared cases here, with `note` on
    /// the status line after closing, and the child's own requests through `perform`.
    private mutating func route<Request>(child outcome: ChildOutcome<Request>, closing note: String? = nil,
                                         _ perform: (inout BrowserState, Request) -> Void) -> UpdateResult {
        switch outcome {
        case .stay: break
        case .quit: return .quit
        case .close:
            active = .browse
            message = note
        case .help: openHelp()
        case let .request(request): perform(&self, request)
        }
        return .continue
    }

    mutating func handleTreePickerKey(_ key: Key) -> UpdateResult {
        guard var picker = treePicker else {
            active = .browse
            return .continue
        }
        let outcome = picker.handle(key)
        treePicker = picker
        return route(child: outcome) { $0.open($1) }
    }

    /// Starts in the diagnosis given on the command line, with the browser on its code behind it.
    mutating func startDiagnosis(_ session: DiagnosisSession) {
        if let code = session.code, catalog.entry(code) != nil {
            reveal(code)
            focus = .detail
            detailShown = detailContent
        }
        diagnosis = DiagnosisScreen(session: session, catalog: catalog, width: width, height: height)
        active = .diagnosis
    }
}
