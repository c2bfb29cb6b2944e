import ArgumentParser
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
        if resume, new {
            Console.error("triage: --resume and --new cannot be used together")
            throw ExitCode(2)
        }
        let (store, reason) = SessionDatabase.open(global, environment: environment)
        let ticket = global.ticket.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        var session = session
        var continuing: Int64?
        if let store, let ticket, let open = try? store.list(SessionFilter(ticket: ticket, status: .open)),
           let latest = open.first {
            let described = describe(latest, catalog: catalog)
            var choice = resume ? true : (new ? false : nil)
            if choice == nil {
                guard interactive else {
                    Console.error("""
                        triage: ticket \(TerminalSafe.sanitize(ticket)) has an open diagnosis: \(described).
                        Add --resume to continue it, or --new to start a new one (the open one is then marked abandoned).
                        """)
                    throw ExitCode(2)
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
        let title = catalog.tree(id: stored.tree)?.title ?? stored.tree
        let steps = stored.diagnosis.path.count
        return TerminalSafe.sanitize("session #\(stored.id), \(title), \(steps) step\(steps == 1 ? "" : "s"), updated \(SessionTime.short(stored.updatedAt)) by \(stored.user)")
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
    static func leave(_ session: DiagnosisSession, recorder: SessionRecorder, catalog: Catalog,
                      transcriptGiven: Bool, environment: [String: String]) {
        if !transcriptGiven, session.isFinished || recorder.isSaved,
           let saver = TranscriptSaver.standard(environment: environment) {
            let date = Date()
            let markdown = Transcript(session: session.redacted(), catalog: catalog, date: date).markdown
            do {
                let path = try saver.save(TranscriptDraft(tree: session.tree, date: date, markdown: markdown))
                Console.error("Transcript saved to \(TerminalSafe.sanitize(path))")
            } catch {
                Console.error("triage: cannot save the transcript: \(TerminalSafe.sanitize(error.localizedDescription))")
            }
        }
        if !session.isFinished, recorder.isSaved, let id = recorder.id {
            Console.error("Session #\(id) is saved; continue it with: triage sessions resume \(id)")
        }
    }
}

/// Times as the sessions commands show them: UTC, to the minute.
enum SessionTime {
    static func short(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    static func iso(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    /// `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }
}

/// The full-screen program with every change of its diagnosis saved, so a killed process loses nothing.
/// Only the diagnosis it was started with (same tree and start code) is recorded; others opened in the browser
/// are not (sessions in the browser come with its sessions screen).
struct RecordingProgram: TerminalProgram {
    var inner: BrowserProgram
    let recorder: SessionRecorder
    let tree: String
    let code: CodeReference?

    init(_ inner: BrowserProgram, recorder: SessionRecorder, session: DiagnosisSession) {
        self.inner = inner
        self.recorder = recorder
        tree = session.tree
        code = session.code
        recorder.record(session)
    }

    mutating func update(_ event: InputEvent) -> Update<BrowserEffect> {
        let update = inner.update(event)
        recordIfChanged()
        return update
    }

    mutating func answer(_ answer: BrowserAnswer) -> Update<BrowserEffect> {
        let update = inner.answer(answer)
        recordIfChanged()
        return update
    }

    /// Saves the diagnosis this run started with (the recorder writes only when it changed).
    private func recordIfChanged() {
        if let session = inner.state.diagnosis?.session, session.tree == tree, session.code == code {
            recorder.record(session)
        }
    }

    func view(_ context: RenderContext) -> Buffer { inner.view(context) }

    func shutdown() { inner.shutdown() }
}
