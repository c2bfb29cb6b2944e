import ArgumentParser
import BuiltinCatalog
import Foundation
import TerminalKit
import TriageCore
import TriageStorage
import TriageTerminal
import TriageTeam
import TriageUI

/// Runs the full-screen browser (optionally straight into a diagnosis) and maps its end to an exit status.
enum FullScreen {
    /// Whether the full screen can run here, and if not, why. `pasteOnStandardInput`: standard input carried a
    /// paste (`diagnose --from -`), so only the terminal itself (`/dev/tty`, where the screen reads keys) counts.
    static func unavailableReason(environment: [String: String], pasteOnStandardInput: Bool = false) -> String? {
        if case let .unavailable(reason) = TerminalRunner.checkTerminal(
            environment: environment, requireStandardInput: !pasteOnStandardInput) {
            return reason
        }
        return nil
    }

    /// Explains that there is no terminal and names the line commands to use instead; exits 2.
    static func refuse(_ reason: String) throws -> Never {
        throw TriageError("""
            cannot open the full-screen browser: \(reason).
            Use the line commands instead:
              triage search WORDS...        find codes (add --json for scripts)
              triage show CODE              what a code means and what to check
              triage list [--vendor V]      every code
              triage diagnose CODE --plain  guided diagnosis on stdin/stdout
            """, exitCode: 2)
    }

    /// Runs the browser; returns the program as it ended (for the diagnosis state).
    @discardableResult
    static func run(catalog: Catalog, vendor: String? = nil, query: String? = nil, diagnosis: DiagnosisSession? = nil,
                    transcriptFile: String? = nil, overwrite: Bool = false, mouse: Bool, environment: [String: String],
                    recorder: SessionRecorder? = nil, sessions given: SessionAccess? = nil,
                    build: BackgroundCatalogBuild? = nil, searchIndexStore: SearchIndexStore? = nil) throws -> BrowserProgram {
        let sessions = given ?? recorder.map(SessionAccess.init)
        let statePath = TriagePaths.state(environment: environment)
        let saver: TranscriptSaver?
        if let transcriptFile {
            // The first save needs --force to replace an existing file; later saves replace what this run wrote.
            let written = WrittenFlag()
            saver = TranscriptSaver { draft in
                try TranscriptFile.write(draft.markdown, to: transcriptFile, overwrite: overwrite || written.isSet)
                written.set()
                return transcriptFile
            }
        } else {
            saver = TranscriptSaver.standard(environment: environment)
        }
        // Every transcript saved on the screen is named again on the shell, whole, when the screen closes.
        let saved = SavedPaths()
        let recordingSaver = saver.map { saver in
            TranscriptSaver { draft in
                let path = try saver.save(draft)
                saved.append(path)
                return path
            }
        }
        // Where the browser was is saved on the way out (an effect, as a transcript is); a failure is reported
        // once the terminal is back.
        var options = BrowserOptions(vendor: vendor, query: query, memory: statePath.flatMap(BrowserMemory.load(from:)),
                                     diagnosis: diagnosis)
        options.recordsSessions = sessions != nil
        options.user = sessions?.user
        options.ticket = sessions?.ticket
        options.diagnosisID = sessions?.continuing
        options.transcriptContext = TranscriptContext(engineer: sessions?.user, host: TranscriptContext.currentHost,
                                                      triageVersion: TriageVersion.current)
        options.catalogBuild = build.map { CatalogBuildProgress(done: 0, total: $0.files) }
        // The index is opened (or built) on a background thread once the first frame is up, so the first key does
        // not wait for it (`BrowserEffect.prepareSearch`); a key that comes sooner waits for that work, not twice.
        let makeIndex: @Sendable (Catalog) -> SearchIndex
        if let searchIndexStore { makeIndex = { searchIndexStore.index(for: $0).index } }
        else { makeIndex = BuiltinCatalog.index(for:) }
        let prefetch = SearchIndexPrefetch(make: makeIndex)
        options.makeSearchIndex = { prefetch.index(for: $0) }
        // The learned pairings are read at the first search; a database that does not exist yet is not created
        // for them (a search never creates one).
        if let sessions { options.loadSearchMemory = { sessions.searchMemory() } }
        // Work done off the UI thread (the build, the team store) reports through the runner's mailbox.
        let mailbox = build?.mailbox ?? Mailbox<BrowserMessage>()
        let teamConfigured = ((try? TeamConfig.from(environment: environment)) ?? nil) != nil
        func effects() -> BrowserEffects {
            // Sessions are saved against the built catalog once there is one.
            var effects = BrowserEffects(sessions: sessions, catalog: build?.catalog ?? catalog, transcripts: recordingSaver,
                                         memory: statePath.map(MemorySaver.file), environment: environment)
            effects.mailbox = teamConfigured ? mailbox : nil
            effects.searchIndexPrefetch = prefetch
            return effects
        }
        var memoryProblem: String?
        func perform(_ effect: BrowserEffect) -> BrowserAnswer {
            let answer = effects().perform(effect)
            // Saved on each new search-history query and on the way out: the last attempt is what counts.
            if case let .memoryNotSaved(reason) = answer { memoryProblem = reason }
            if case .memorySaved = answer { memoryProblem = nil }
            return answer
        }
        let program = BrowserProgram(catalog: catalog, options: options)
        let status: Int32
        let ended: BrowserProgram
        do {
            let terminal = TerminalOptions(mouse: mouse, environment: environment)
            var running = program
            // The team field of the status line: fed from the local database by a background thread.
            let teamWatch = TeamStatusWatch.start(sessions: sessions, environment: environment, mailbox: mailbox)
            defer { teamWatch?.stop() }
            status = try TerminalRunner.run(&running, options: terminal, messages: build != nil || teamConfigured ? mailbox : nil,
                                            perform: perform)
            ended = running
        } catch {
            throw TriageError("\(error)", exitCode: 2)
        }
        if let statePath, let memoryProblem {
            Console.error("triage: cannot save the browser state (where you were) to \(TextLayout.cell(statePath)): \(TextLayout.cell(memoryProblem))")
        }
        for path in saved.paths { Console.error("Transcript saved to \(TextLayout.cell(path))") }
        // The background build found problems: the browser closed, and they are reported as any command does.
        if let problems = build?.problems, !problems.isEmpty { try GlobalOptions.stop(with: problems) }
        // The diagnosis on screen at the end (started here or in the browser): its transcript path, or how to continue.
        if sessions != nil, let session = ended.state.diagnosis?.session {
            let recording = ended.state.diagnosis?.recording
            let context = TranscriptHeader.context(session, recorder: nil, ticket: recording?.ticket, id: recording?.id,
                                                   user: sessions?.user, started: nil)
            DiagnosisSessions.leave(session, savedAs: recording?.id, catalog: ended.state.catalog,
                                    transcriptGiven: transcriptFile != nil || !saved.paths.isEmpty,
                                    context: context, environment: environment)
        }
        if status != 0 { throw ExitCode(status) }
        return ended
    }
}

/// The transcript paths saved during a full-screen run (written from the UI's saver, read after it ends).
private final class SavedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func append(_ path: String) { lock.withLock { list.append(path) } }
    var paths: [String] { lock.withLock { list } }
}

/// Whether this run already wrote its `--transcript` file (so saving again may replace it).
final class WrittenFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
