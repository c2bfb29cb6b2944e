import TerminalKit
import TriageCore

/// The browser's way into and out of a guided diagnosis: `d` on a code (a choice when several trees diagnose
/// it), `t` for every tree, Enter on a tree link of the detail, `D` back to the last diagnosis. The diagnosis
/// screen and the tree picker are their own components; this file routes keys to them and acts on what they
/// ask for (leave, open a related code, save the transcript, show the help).
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
        diagnosis = DiagnosisScreen(session: session, catalog: catalog, width: width, height: height)
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
        return act(on: outcome)
    }

    mutating func handleDiagnosisMouse(_ event: MouseEvent) {
        guard var screen = diagnosis else { return }
        let outcome = screen.handle(mouse: event)
        diagnosis = screen
        _ = act(on: outcome)
    }

    /// Does what the diagnosis screen asked for.
    private mutating func act(on outcome: DiagnosisOutcome) -> UpdateResult {
        switch outcome {
        case .stay: break
        case .quit: return .quit
        case .close:
            active = .browse
            message = "Left the diagnosis; D returns to it"
        case let .openCode(reference):
            active = .browse
            follow(reference)
            message = "\(reference.code) from the diagnosis: D returns to it, Esc to the code before"
        case .saveTranscript:
            if let draft = diagnosis?.transcriptDraft(date: clock()) { effects.append(.saveTranscript(draft)) }
        case .help:
            openHelp()
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
        switch outcome {
        case .stay: break
        case .quit: return .quit
        case .close:
            active = .browse
        case .help: openHelp()
        case let .start(session): open(session)
        }
        return .continue
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
