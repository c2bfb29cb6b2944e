import Foundation
import TriageCore
import TerminalKit
import TriageUI

/// A diagnosis about to run, with the recorder that keeps it saved.
struct RecordedDiagnosis {
    var session: DiagnosisSession
    var recorder: SessionRecorder
}

/// The sessions side of a diagnosis: the ticket's open session at the start, the outcome at the conclusion, the
/// transcript path and the way back on leaving.
enum DiagnosisSessions {
    /// Prepares `session` for saving. When the ticket already has an open session, continues it (`resume`) or
    /// starts anew and marks it abandoned (`new`); with neither, asks when `interactive`, else exits 2 saying
    /// which flag to add. `write` and `readLine` are the dialogue's.
    static func start(_ session: DiagnosisSession, catalog: Catalog, global: GlobalOptions, resume: Bool, new: Bool,
                      interactive: Bool, write: (String) -> Void, readLine: () -> String?,
                      environment: [String: String]) throws -> RecordedDiagnosis {
        if resume, new { throw TriageError("--resume and --new cannot be used together", exitCode: 2) }
        let (store, reason) = SessionDatabase.open(global, environment: environment)
        let ticket = global.ticket.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        var session = session
        var continuing: Int64?
        if let store, let ticket, let open = try? store.list(SessionFilter(ticket: ticket, status: .open)),
           let latest = open.first(where: { $0.problem == nil }) {
            let described = describe(latest, catalog: catalog)
            var choice = resume ? true : (new ? false : nil)
            if choice == nil {
                guard interactive else {
                    throw TriageError("""
                        ticket \(TerminalSafe.sanitize(ticket)) has an open diagnosis: \(described).
                        Add --resume to continue it, or --new to start a new one (the open one is then marked abandoned).
                        """, exitCode: 2)
                }
                choice = ask(ticket: ticket, described: described, write: write, readLine: readLine)
            }
            if choice == true {
                session = latest.diagnosis
                continuing = latest.id
                Console.error("Continuing session #\(latest.id) for ticket \(TerminalSafe.sanitize(ticket)).")
            } else {
                for stale in open { _ = try? store.abandon(id: stale.id, at: Date()) }
                let ids = open.map { "#\($0.id)" }.joined(separator: ", ")
                Console.error("Session \(ids) for ticket \(TerminalSafe.sanitize(ticket)) marked abandoned; starting a new one.")
            }
        }
        let recorder = SessionDatabase.recorder(global, catalog: catalog, store: store, reason: reason,
                                                continuing: continuing, ticket: ticket, environment: environment)
        return RecordedDiagnosis(session: session, recorder: recorder)
    }

    /// "#12, tree T, 3 steps, updated 2026-12-02 03:10 by alice".
    static func describe(_ stored: StoredSession, catalog: Catalog) -> String {
        let title = catalog.tree(id: stored.tree)?.title ?? stored.tree.rawValue
        let steps = stored.diagnosis.path.count
        return TerminalSafe.sanitize("session #\(stored.id), \(title), \(steps) step\(steps == 1 ? "" : "s"), updated \(UTCTime.short(stored.updatedAt)) by \(stored.user)")
    }

    /// Asks until answered: true continues the open session, false starts a new one. End of input continues.
    private static func ask(ticket: String, described: String, write: (String) -> Void, readLine: () -> String?) -> Bool {
        write("Ticket \(TerminalSafe.sanitize(ticket)) has an open diagnosis: \(described).\n")
        while true {
            write("Continue the open one, or start a new one? [c=continue, n=new]: ")
            guard let line = readLine() else {
                write("\n")
                return true
            }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "", "c", "continue", "r", "resume": return true
            case "n", "new": return false
            default: write("Please answer c (continue the open one) or n (start a new one).\n")
            }
        }
    }

    /// At a conclusion that was saved: "did this solve it?", until answered or skipped (Enter, `skip`, end of
    /// input). Returns the outcome saved, if any.
    @discardableResult
    static func askOutcome(_ recorder: SessionRecorder, write: (String) -> Void, readLine: () -> String?) -> SessionOutcome? {
        guard recorder.isSaved, recorder.id != nil else { return nil }
        while true {
            write("\nDid this solve it? [1=solved, 2=not solved, 3=escalated, Enter=skip]: ")
            guard let line = readLine() else {
                write("\n")
                return nil
            }
            let input = line.trimmingCharacters(in: .whitespaces).lowercased()
            let outcome: SessionOutcome?
            switch input {
            case "", "skip", "4": return nil
            case "1", "s", "y", "yes": outcome = .solved
            case "2", "n", "no": outcome = .notSolved
            case "3", "e": outcome = .escalated
            default: outcome = SessionOutcome(argument: input)
            }
            guard let outcome else {
                write("Please answer 1 (solved), 2 (not solved), 3 (escalated), or Enter to skip.\n")
                continue
            }
            if recorder.setOutcome(outcome), let id = recorder.id {
                write("Outcome of session #\(id): \(outcome.label) (change it with 'triage sessions outcome \(id) ...').\n")
                return outcome
            }
            return nil
        }
    }

    /// On leaving: saves the Markdown transcript of a finished or stored diagnosis into the transcripts folder
    /// (when no --transcript file was given) and prints its whole path; for an unfinished stored one, how to
    /// continue it.
    static func leave(_ session: DiagnosisSession, recorder: SessionRecorder, catalog: Catalog, started: Date?,
                      transcriptGiven: Bool, environment: [String: String]) {
        leave(session, savedAs: recorder.isSaved ? recorder.id : nil, catalog: catalog, transcriptGiven: transcriptGiven,
              context: TranscriptHeader.context(session, recorder: recorder, started: started),
              environment: environment)
    }

    /// `leave` for a diagnosis saved as session `id` (nil: not saved), its transcript headed by `context`.
    static func leave(_ session: DiagnosisSession, savedAs id: Int64?, catalog: Catalog,
                      transcriptGiven: Bool, context: TranscriptContext, environment: [String: String]) {
        if !transcriptGiven, session.isFinished || id != nil,
           let saver = TranscriptSaver.standard(environment: environment) {
            let date = Date()
            let markdown = Transcript(session: session.redacted(), catalog: catalog, date: date, context: context).markdown
            do {
                let path = try saver.save(TranscriptDraft(tree: session.tree, date: date, markdown: markdown))
                Console.error("Transcript saved to \(TerminalSafe.sanitize(path))")
            } catch {
                Console.error("triage: cannot save the transcript: \(TerminalSafe.sanitize(error.localizedDescription))")
            }
        }
        if !session.isFinished, let id {
            Console.error("Session #\(id) is saved; continue it with: triage sessions resume \(id)")
        }
    }
}
