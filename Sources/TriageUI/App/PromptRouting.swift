import TerminalKit
import TriageCore

/// The shell's answers to a prompt.
extension BrowserState {
    /// `T`: type the ticket; in a diagnosis (`forDiagnosis`) it is that diagnosis's ticket too.
    mutating func beginTicket(forDiagnosis: Bool) {
        let current = forDiagnosis ? diagnosis?.recording.ticket : sessions.ticket
        active = .prompt(.ticket(TextField(current ?? "", limit: 200), forDiagnosis: forDiagnosis), over: active)
    }

    /// `!`: ask for the note of `flag` (a code in the browser, or the step of the diagnosis shown).
    mutating func beginFlag(_ flag: CatalogFlag) {
        active = .prompt(.flag(TextField("", limit: CatalogFlag.noteLimit), flag), over: active)
    }

    /// A key at `prompt` (shown over `over`).
    mutating func answer(_ prompt: Prompt, over: Mode, key: Key) -> UpdateResult {
        let action = prompt.keys.action(for: key)
        if action == .quit { return .quit }
        // A prompt that takes text: keys other than its table's edit the field, in place.
        if var field = prompt.field, action != .accept, action != .cancel {
            _ = field.edit(key)
            active = .prompt(prompt.with(field), over: over)
            return .continue
        }
        switch prompt {
        case let .ticket(field, forDiagnosis):
            active = over
            if action == .accept { setTicket(field.text, forDiagnosis: forDiagnosis) } else { say("Ticket not changed") }
        case let .pause(field, id):
            active = over
            let reason = SecretMasker.masked(field.text.trimmingCharacters(in: .whitespaces)).text
            if action == .accept { effects.append(.pauseSession(id, reason: reason.isEmpty ? nil : reason)) } else { say("Not paused") }
        case let .flag(field, flag):
            active = over
            guard action == .accept else {
                say("Nothing flagged")
                return .continue
            }
            let flagged = CatalogFlag(kind: flag.kind, code: flag.code, tree: flag.tree, node: flag.node, note: field.text,
                                  sessionID: flag.sessionID)
            effects.append(.flag(flagged))
        case let .continueOrNew(session, _):
            active = over
            switch action {
            case .continueOpen?: resumeDiagnosis()
            case .startNew?:
                let kept = sessions.records ? " (the open one stays saved: S lists it)" : ""
                begin(session, saying: "New diagnosis\(kept)")
            default:
                browse.message = "Nothing started; the open diagnosis is kept (D returns to it)"
            }
        }
        return .continue
    }

    /// Enter at the ticket prompt: new diagnoses take it; typed in a diagnosis, that one is retagged too (the
    /// one explicit way a stored diagnosis changes its ticket in the browser).
    private mutating func setTicket(_ text: String, forDiagnosis: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let ticket = trimmed.isEmpty ? nil : trimmed
        sessions.ticket = ticket
        guard forDiagnosis, showsDiagnosis else {
            say(ticket.map { "Ticket \($0): the next diagnoses take it" } ?? "No ticket for the next diagnoses")
            return
        }
        var stored: Int64?
        updateDiagnosis { stored = $0.recording.retag(ticket) }
        if let stored { effects.append(.setTicket(ticket, id: stored)) }
        say(ticket.map { "Ticket \($0): this diagnosis and the next ones" } ?? "No ticket")
    }
}
