import ArgumentParser
import Foundation
import TriageCore

/// `triage diagnose TREE|CODE`: a guided diagnosis, in line mode (stdin/stdout) or full screen.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose", abstract: "Walk a decision tree for a code or a tree to a resolution.",
        discussion: """
            Give a tree id (see 'triage trees') or a code. A code diagnosed by several trees starts the most specific
            one (the tree covering the fewest codes); choose another with --tree.

            On a terminal the diagnosis opens full screen (press ? for the keys; 's' saves the transcript).
            Line mode (--plain, --answer, --json, or no terminal) asks on stdin/stdout: answer with the number,
            or type the value when one is asked for; '?' answers "I can't tell from the ticket", 'b' goes back,
            'n TEXT' adds a note, 'q' stops. A secret value is not echoed while typed on a terminal.
            --answer gives answers in advance, in order. --json prints the path and conclusion as JSON on stdout
            (questions then go to stderr). --transcript FILE saves the Markdown transcript (JSON if FILE ends in .json).

            Every diagnosis is saved after each step in the sessions database (see 'triage sessions'); --ticket T
            ties it to a ticket. When the ticket already has an open diagnosis, line mode asks whether to continue
            it or start a new one; with --answer or without a terminal, say so with --resume or --new. At a
            conclusion, line mode asks whether it solved the ticket. On leaving, the transcript's path is printed.

            Exit status: 0 when a conclusion was reached, 1 when the diagnosis stopped before one or ended "not
            determined" (the ticket does not tell the cause), 2 on errors.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A tree id or an error code.") var target: String
    @Option(help: "The vendor of the code, when several vendors have it.") var vendor: String?
    @Option(help: "The tree to use when several diagnose the code.") var tree: String?
    @Flag(help: "Line mode: plain questions on stdin/stdout (for dumb terminals, screen readers, scripts).")
    var plain = false
    @Option(name: .customLong("answer"), help: ArgumentHelp("Answer the next question in advance (repeatable; ? for can't tell).", valueName: "N|value|?"))
    var answers: [String] = []
    @Flag(help: "Print the path and conclusion as JSON.") var json = false
    @Option(help: ArgumentHelp("Save the transcript to this file.", valueName: "file")) var transcript: String?
    @Flag(help: "Full screen: report mouse clicks and the wheel.") var mouse = false
    @Flag(help: "Continue the ticket's open diagnosis (with --ticket).") var resume = false
    @Flag(help: "Start a new diagnosis even if the ticket has an open one (which is marked abandoned).") var new = false

    func run() throws {
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        let started = try DiagnosisStart.session(for: target, vendor: vendor, tree: tree, in: catalog)
        let environment = ProcessInfo.processInfo.environment
        let toStderr = json
        let write = { (text: String) in
            if toStderr { FileHandle.standardError.write(Data(text.utf8)) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
        }
        let recorded = try DiagnosisSessions.start(
            started, catalog: catalog, global: global, resume: resume, new: new,
            interactive: answers.isEmpty && isatty(STDIN_FILENO) == 1, write: write,
            readLine: { Swift.readLine(strippingNewline: true) }, environment: environment)
        let session = recorded.session
        if !plain, !json, answers.isEmpty, FullScreen.unavailableReason(environment: environment) == nil {
            let program = try FullScreen.run(catalog: catalog, diagnosis: session, transcriptFile: transcript,
                                             mouse: mouse, environment: environment, recorder: recorded.recorder)
            if program.state.diagnosis?.session.reachedDetermined != true { throw ExitCode(1) }
            return
        }
        let terminal = OutputTerminal.current(environment: environment)
        var dialogue = LineModeDiagnosis(
            catalog: catalog, session: session, presetAnswers: answers,
            readLine: { Swift.readLine(strippingNewline: true) },
            readSecret: isatty(STDIN_FILENO) == 1 ? { SecretInput.readLine() } : nil,
            width: !json && terminal.isTerminal ? terminal.width : nil,
            write: write)
        dialogue.afterStep = { recorded.recorder.record($0) }
        recorded.recorder.record(session)
        let finished = dialogue.run()
        recorded.recorder.record(finished)
        if finished.isFinished, !json {
            DiagnosisSessions.askOutcome(recorded.recorder, write: write, readLine: { Swift.readLine(strippingNewline: true) })
        }
        defer {
            DiagnosisSessions.leave(finished, recorder: recorded.recorder, catalog: catalog,
                                    transcriptGiven: transcript != nil, environment: environment)
        }
        let record = Transcript(session: finished, catalog: catalog, date: Date())
        if json { Console.out(record.json) }
        if let transcript {
            let text = transcript.hasSuffix(".json") ? record.json + "\n" : record.markdown
            do {
                try TranscriptFile.write(text, to: transcript)
                Console.error("Transcript saved to \(URL(fileURLWithPath: transcript).standardizedFileURL.path)")
            } catch {
                Console.error("triage: cannot save the transcript to \(transcript): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if !finished.reachedDetermined { throw ExitCode(1) }
    }
}

/// Starting a diagnosis from what a person typed: a tree id, or a code.
enum DiagnosisStart {
    static func session(for target: String, vendor: String?, tree: String?, in catalog: Catalog) throws -> DiagnosisSession {
        do {
            if catalog.tree(id: target) != nil, vendor == nil {
                return try DiagnosisSession.start(tree: target, in: catalog)
            }
            if catalog.entries(code: target, vendor: vendor).isEmpty, tree == nil {
                var message = "triage: '\(TerminalSafe.sanitize(target))' is neither a tree nor a code"
                let treeGuesses = Suggestions.closest(to: target, among: catalog.trees.map(\.id), limit: 3)
                let codeGuesses = catalog.suggestions(for: target, vendor: vendor, limit: 3).map(\.code)
                let guesses = treeGuesses + codeGuesses
                if !guesses.isEmpty { message += "; did you mean \(guesses.map { "'\($0)'" }.joined(separator: ", "))?" }
                Console.error(message + "\nSee the trees with 'triage trees'.")
                throw ExitCode(2)
            }
            let entry = try CodeLookup.single(target, vendor: vendor, in: catalog)
            let candidates = DiagnosisSession.trees(for: entry.reference, in: catalog)
            if let tree {
                guard candidates.contains(where: { $0.id == tree }) else {
                    Console.error("triage: tree '\(TerminalSafe.sanitize(tree))' does not diagnose \(entry.code); trees for it: \(candidates.map(\.id).joined(separator: ", "))")
                    throw ExitCode(2)
                }
                return try DiagnosisSession.start(tree: tree, from: entry.reference, in: catalog)
            }
            guard let best = candidates.first else {
                Console.error("triage: no decision tree diagnoses \(entry.reference) yet")
                throw ExitCode(1)
            }
            return try DiagnosisSession.start(tree: best.id, from: entry.reference, in: catalog)
        } catch let error as DiagnosisError {
            Console.error("triage: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Writes transcripts without ever leaving a half-written file.
enum TranscriptFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((text.hasSuffix("\n") ? text : text + "\n").utf8).write(to: url, options: .atomic)
    }
}
