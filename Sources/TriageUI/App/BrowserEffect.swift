import TerminalKit
import TriageCore

/// Work the browser asks for and does not do itself: `BrowserProgram.update` returns it, the runner performs it
/// (the command line with its savers, tests with theirs) and answers with a `BrowserAnswer`. Each case names
/// the data the work needs, so a later effect (copying a code to the clipboard: `case copy(ClipboardText)`, answered
/// by `.copied` or `.notCopied(reason)`) is one more case and one more line in the performer.
public enum BrowserEffect: Hashable, Sendable {
    /// Write this transcript (`s` in a diagnosis).
    case saveTranscript(TranscriptDraft)
    /// Remember where the browser was and the search history, for the next start: when a query joins the history
    /// (so a crash or `kill -9` loses none), on quit, and from `shutdown()` on every other way out.
    case saveMemory(BrowserMemory)
    /// The stored sessions matching the filter (the sessions screen `S`, the resume offer at start).
    case listSessions(SessionFilter)
    /// Save the diagnosis after a step, as its `SessionRecording` decided: create its row or save into it
    /// (answered with the row's id). The performer masks secrets (`SessionSnapshot`).
    case saveSession(SessionWrite)
    /// Delete stored session `id` (`x` on the sessions screen, after a confirmation).
    case deleteSession(Int64)
    /// Set the outcome of stored session `id` (at a conclusion, or `o` on the sessions screen).
    case setOutcome(SessionOutcome, id: Int64)
    /// Set the ticket of stored session `id` (`T`).
    case setTicket(String?, id: Int64)
    /// Mark stored session `id` paused with this reason (`p` in a diagnosis); nil clears it.
    case pauseSession(Int64, reason: String?)
    /// Put this text on the clipboard (OSC 52, written to the terminal by the runner), already encoded
    /// (`ClipboardText`: a code as one inert line, a transcript with its newlines).
    case copy(ClipboardText)
    /// Store a flag or a thumbs up/down for the catalog's authors (`!`, `+`, `-`); the performer sets its user
    /// and time.
    case flag(CatalogFlag)
    /// Remember that this code was opened or diagnosed after a search with these words (`SearchMemory`, kept in
    /// the sessions database).
    case rememberSearch(SearchMemory.Pairing)
    /// The switcher's team tab: list the team store's open sessions, or take one over. The runner answers
    /// `.pending` at once and posts the result (`BrowserMessage.team`) when the work, done off the UI thread, ends.
    case team(SwitcherTeamRequest)
    /// Make the search index of the browser's catalog ahead, off the UI thread (asked once per catalog, with the
    /// first frame's update), so the first key does not wait for it; the runner answers `.searchPreparing`.
    case prepareSearch

    /// Does the effect with the given savers (nil: saving is not available here) and says how it went.
    public func perform(transcripts: TranscriptSaver?, memory: MemorySaver? = nil) -> BrowserAnswer {
        switch self {
        case let .saveTranscript(draft):
            guard let transcripts else { return .transcriptNotSaved(reason: nil) }
            do {
                return .transcriptSaved(path: try transcripts.save(draft))
            } catch {
                return .transcriptNotSaved(reason: error.localizedDescription)
            }
        case let .saveMemory(state):
            do {
                try memory?.save(state)
                return .memorySaved
            } catch {
                return .memoryNotSaved(reason: error.localizedDescription)
            }
        case .listSessions, .saveSession, .deleteSession, .setOutcome, .setTicket, .pauseSession, .flag:
            return .sessionsUnavailable(reason: "no sessions database")
        case .copy:
            return .notCopied(reason: "no terminal to copy through")
        case .rememberSearch:
            return .searchNotRemembered(reason: "no sessions database")
        case .team:
            return .team(.unavailable("no team store"))
        case .prepareSearch:
            return .searchPreparing
        }
    }
}

/// What performing a `BrowserEffect` gave, handed back to `BrowserProgram.answer(_:)`.
public enum BrowserAnswer: Hashable, Sendable {
    case transcriptSaved(path: String)
    /// The reason, or nil when there is nowhere to save.
    case transcriptNotSaved(reason: String?)
    /// Saved, or nowhere to save (no state path).
    case memorySaved
    /// The browser says so in its status line; the command line reports it again once the terminal is back.
    case memoryNotSaved(reason: String)
    case sessionsListed([StoredSession])
    /// The store cannot be used (the reason); the browser says so once and keeps working.
    case sessionsUnavailable(reason: String)
    case sessionSaved(id: Int64)
    case sessionDeleted(id: Int64)
    case outcomeSet(SessionOutcome, id: Int64)
    case ticketSet(String?, id: Int64)
    case sessionPaused(id: Int64, reason: String?)
    /// The flag was stored (as `id`).
    case flagged(CatalogFlag, id: Int64)
    /// The text went to the clipboard: `bytes` of it, through `via` ("OSC 52", "OSC 52 through tmux").
    case copied(bytes: Int, via: String)
    /// The terminal cannot set the clipboard, or the text is too large: why.
    case notCopied(reason: String)
    case searchRemembered
    /// Learning is off or the database cannot be used: search goes on without remembering (nothing is shown).
    case searchNotRemembered(reason: String)
    /// The team store's work for the switcher (`.pending` when it goes on off the UI thread).
    case team(SwitcherTeamResult)
    /// The index is being made off the UI thread (or will be made at the first search).
    case searchPreparing
}
