import TerminalKit
import TriageCore

/// Work the browser asks for and does not do itself: `BrowserProgram.update` returns it, the runner performs it
/// (the command line with its savers, tests with theirs) and answers with a `BrowserAnswer`. Each case names
/// the data the work needs, so a later effect (copying a code to the clipboard: `case copy(String)`, answered
/// by `.copied` or `.notCopied(reason)`) is one more case and one more line in the performer.
public enum BrowserEffect: Hashable, Sendable {
    /// Write this transcript (`s` in a diagnosis).
    case saveTranscript(TranscriptDraft)

    /// Does the effect with the given saver (nil: saving is not available here) and says how it went.
    public func perform(transcripts: TranscriptSaver?) -> BrowserAnswer {
        switch self {
        case let .saveTranscript(draft):
            guard let transcripts else { return .transcriptNotSaved(reason: nil) }
            do {
                return .transcriptSaved(path: try transcripts.save(draft))
            } catch {
                return .transcriptNotSaved(reason: error.localizedDescription)
            }
        }
    }
}

/// What performing a `BrowserEffect` gave, handed back to `BrowserProgram.answer(_:)`.
public enum BrowserAnswer: Hashable, Sendable {
    case transcriptSaved(path: String)
    /// The reason, or nil when there is nowhere to save.
    case transcriptNotSaved(reason: String?)
}
