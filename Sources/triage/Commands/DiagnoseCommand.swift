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
            or type the value when one is asked for; 'b' goes back, 'n TEXT' adds a note, 'q' stops.
            --answer gives answers in advance, in order. --json prints the path and conclusion as JSON on stdout
            (questions then go to stderr). --transcript FILE saves the Markdown transcript (JSON if FILE ends in .json).

            Exit status: 0 when a conclusion was reached, 1 when the diagnosis stopped before one, 2 on errors.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A tree id or an error code.") var target: String
    @Option(help: "The vendor of the code, when several vendors have it.") var vendor: String?
    @Option(help: "The tree to use when several diagnose the code.") var tree: String?
    @Flag(help: "Line mode: plain questions on stdin/stdout (for dumb terminals, screen readers, scripts).")
    var plain = false
    @Option(name: .customLong("answer"), help: ArgumentHelp("Answer the next question in advance (repeatable).", valueName: "N|value"))
    var answers: [String] = []
    @Flag(help: "Print the path and conclusion as JSON.") var json = false
    @Option(help: ArgumentHelp("Save the transcript to this file.", valueName: "file")) var transcript: String?
    @Flag(help: "Full screen: report mouse clicks and the wheel.") var mouse = false

    func run() throws {
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        let session = try DiagnosisStart.session(for: target, vendor: vendor, tree: tree, in: catalog)
        let environment = ProcessInfo.processInfo.environment
        if !plain, !json, answers.isEmpty, FullScreen.unavailableReason(environment: environment) == nil {
            let program = try FullScreen.run(catalog: catalog, diagnosis: session, transcriptFile: transcript,
                                             mouse: mouse, environment: environment)
            if !program.finishedDiagnosis { throw ExitCode(1) }
            return
        }
        let toStderr = json
        let dialogue = LineModeDiagnosis(
            catalog: catalog, session: session, presetAnswers: answers,
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { text in
                if toStderr { FileHandle.standardError.write(Data(text.utf8)) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
            })
        let finished = dialogue.run()
        let record = Transcript(session: finished, catalog: catalog, date: Date())
        if json { Console.out(record.json) }
        if let transcript {
            let text = transcript.hasSuffix(".json") ? record.json + "\n" : record.markdown
            do {
                try TranscriptFile.write(text, to: transcript)
                Console.error("Transcript saved to \(transcript)")
            } catch {
                Console.error("triage: cannot save the transcript to \(transcript): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if !finished.isFinished { throw ExitCode(1) }
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
