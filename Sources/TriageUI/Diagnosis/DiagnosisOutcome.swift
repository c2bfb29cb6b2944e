import TerminalKit
import TriageCore

/// What the host (the browser) must do after the diagnosis screen handled a key.
public typealias DiagnosisOutcome = ChildOutcome<DiagnosisRequest>

/// What only the diagnosis asks of the browser.
public enum DiagnosisRequest: Hashable, Sendable {
    /// A related code of the conclusion was opened: show it in the browser.
    case openCode(CodeReference)
    /// `s`: save the transcript (the browser returns `BrowserEffect.saveTranscript`).
    case saveTranscript
    /// `y`: copy the transcript to the clipboard (the host's `BrowserEffect.copy`).
    case copyTranscript
    /// `c` at a conclusion: copy the reply for the ticket (customer reply and internal note).
    case copyReply
    /// `!` (a flag with a note, on the current step), `+` / `-` at a conclusion (thumbs up / down).
    case flag(CatalogFlag.Kind)
    /// `T`: type the ticket of this diagnosis.
    case editTicket
    /// `p`: say why this diagnosis waits (it stays stored and listed in the switcher).
    case pause
    /// 1, 2 or 3 at a conclusion: did this solve it?
    case setOutcome(SessionOutcome)
}

extension ChildOutcome where Request == DiagnosisRequest {
    static func openCode(_ code: CodeReference) -> Self { .request(.openCode(code)) }
    static var saveTranscript: Self { .request(.saveTranscript) }
    static var copyTranscript: Self { .request(.copyTranscript) }
    static var copyReply: Self { .request(.copyReply) }
    static var editTicket: Self { .request(.editTicket) }
    static func setOutcome(_ outcome: SessionOutcome) -> Self { .request(.setOutcome(outcome)) }
}

/// What the diagnosis screen's keys drive: the current step (answers, the value field, the conclusion's links)
/// or the path of earlier steps (to jump back to one, or to annotate it).
public enum DiagnosisFocus: Hashable, Sendable {
    case step
    case path
}
