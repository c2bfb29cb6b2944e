import TerminalKit
import TriageCore

/// What the host (the browser) must do after the diagnosis screen handled a key. The screen itself never leaves,
/// quits or writes files: it says so here, and the host does it (the Bubble Tea "command").
public enum DiagnosisOutcome: Hashable, Sendable {
    /// Handled inside the screen; keep showing it.
    case stay
    /// Esc or `q`: back to the browser (the session may be kept to resume).
    case close
    /// Ctrl-C: quit the program.
    case quit
    /// A related code of the conclusion was opened: show it in the browser.
    case openCode(CodeReference)
    /// `s`: save the transcript. The host calls `DiagnosisScreen.saveTranscript(using:date:)`, which writes
    /// through the injected `TranscriptSaver` and reports where.
    case saveTranscript
    /// `?` or F1: show the key help.
    case help
}

/// What the diagnosis screen's keys drive: the current step (answers, the value field, the conclusion's links)
/// or the path of earlier steps (to jump back to one, or to annotate it).
public enum DiagnosisFocus: Hashable, Sendable {
    case step
    case path
}
