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
            --answer gives answers in advance, in order. --json prints the path and conclusion as JSON on stdout,
            with the saved session's id (questions then go to stderr). --transcript FILE saves the Markdown
            transcript (JSON if FILE ends in .json).

            Every diagnosis is saved after each step in the sessions database (see 'triage sessions'); --ticket T
            ties it to a ticket. When the ticket already has an open diagnosis, line mode asks whether to continue
            it or start a new one; with --answer or without a terminal, say so with --resume or --new. At a
            conclusion, line mode asks whether it solved the ticket. On leaving, the transcript's path is printed.

            --from FILE (or '-' for standard input) starts from what the customer pasted: the response, error body,
            curl -v output or log line is explained as 'triage explain' does, the diagnosis of the recognised code
            starts (give TREE|CODE too to choose), and the questions and values the paste answers are filled in
            "from the pasted response" (shown in the path, changeable with b). With '-' the paste is read to its end
            and the questions are asked on the terminal (/dev/tty); with no terminal, give the answers with --answer.

            Exit status: 0 when a conclusion was reached, 1 when the diagnosis stopped before one or ended "not
            determined" (the ticket does not tell the cause), 2 on errors.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A tree id or an error code (optional with --from).", completion: Completions.treesAndCodes)
    var target: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("Start from a pasted response in this file ('-': standard input); its evidence fills the answers it gives.", valueName: "file"))
    var from: String?
    @Option(help: "The vendor of the code, when several vendors have it.", completion: Completions.vendors) var vendor: String?
    @Option(help: "The tree to use when several diagnose the code.", completion: Completions.trees) var tree: String?
    @Flag(help: "Line mode: plain questions on stdin/stdout (for dumb terminals, screen readers, scripts).")
    var plain = false
    @Option(name: .customLong("answer"), help: ArgumentHelp("Answer the next question in advance (repeatable; ? for can't tell).", valueName: "N|value|?"))
    var answers: [String] = []
    @Flag(help: "Print the path and conclusion as JSON.") var json = false
    @Option(help: ArgumentHelp("Save the transcript to this file.", valueName: "file")) var transcript: String?
    @Flag(help: "Overwrite the --transcript file if it exists (its mode and owner are kept).") var force = false
    @Flag(help: "Full screen: report mouse clicks and the wheel.") var mouse = false
    @Flag(help: "Continue the ticket's open diagnosis (with --ticket).") var resume = false
    @Flag(help: "Start a new diagnosis even if the ticket has an open one (which is marked abandoned).") var new = false

    func run() throws {
        let startedAt = Date()
        let catalog = try global.loadCatalog(checking: vendor)
        if let long = answers.first(where: { $0.count > TypedValue.maximumLength }) {
            throw TriageError("an --answer may be at most \(TypedValue.maximumLength) characters; got \(long.count)", exitCode: 2)
        }
        let started: DiagnosisSession
        if let from {
            started = try DiagnosisStart.session(fromPaste: from, target: target, vendor: vendor, tree: tree.map { TreeID($0) },
                                                 in: catalog)
        } else if let target {
            started = try DiagnosisStart.session(for: target, vendor: vendor, tree: tree.map { TreeID($0) }, in: catalog)
        } else {
            throw TriageError("give a tree id or a code, or --from FILE with a pasted response", exitCode: 2)
        }
        // Before anything is saved: where the answers will come from.
        let input = try answerInput()
        let environment = ProcessEnvironment.current
        let write = LineModeRun.writer(toStandardError: json)
        let recorded = try DiagnosisSessions.start(
            started, catalog: catalog, global: global, resume: resume, new: new,
            interactive: answers.isEmpty && input.isTerminal, write: write, readLine: input.readLine,
            environment: environment)
        let session = recorded.session
        if !plain, !json, answers.isEmpty,
           FullScreen.unavailableReason(environment: environment, pasteOnStandardInput: pasteOnStandardInput) == nil {
            let program = try FullScreen.run(catalog: catalog, diagnosis: session, transcriptFile: transcript,
                                             overwrite: force, mouse: mouse, environment: environment,
                                             recorder: recorded.recorder, searchIndexStore: global.searchIndexStore())
            if !program.finishedDiagnosis { throw ExitCode(1) }
            return
        }
        let dialogue = LineModeRun.dialogue(catalog: catalog, session: session, answers: answers, json: json,
                                            input: input, recorder: recorded.recorder, environment: environment)
        let finished = dialogue.run()
        recorded.recorder.record(finished)
        if finished.isFinished, !json {
            DiagnosisSessions.askOutcome(recorded.recorder, write: write, readLine: input.readLine)
        }
        defer {
            DiagnosisSessions.leave(finished, recorder: recorded.recorder, catalog: catalog, started: startedAt,
                                    transcriptGiven: transcript != nil, environment: environment)
        }
        let record = Transcript(session: finished, catalog: catalog, date: Date(),
                                context: TranscriptHeader.context(finished, recorder: recorded.recorder,
                                                                  started: startedAt))
        if json {
            let id = recorded.recorder.isSaved ? recorded.recorder.id : nil
            try JSONOutput.print(record.document, extra: ["session_id": id])
        }
        if let transcript {
            let text = transcript.hasSuffix(".json") ? try JSONOutput.text(Versioned(value: record.document)) + "\n" : record.markdown
            do {
                let created = try TranscriptFile.write(text, to: transcript, overwrite: force)
                for folder in created { Console.error("Created the folder \(TextLayout.cell(folder))") }
                Console.error("Transcript saved to \(TerminalSafe.sanitize(transcript, keepNewlines: false))")
            } catch {
                throw TriageError("cannot save the transcript: \(TerminalSafe.sanitize("\(error)", keepNewlines: false))", exitCode: 2)
            }
        }
        if !finished.reachedDetermined { throw ExitCode(1) }
    }

    /// Whether the paste comes on standard input (`--from -`), so that the engineer is asked on the terminal.
    private var pasteOnStandardInput: Bool { from.map(PasteFile.isStandardInput) ?? false }

    /// Where the answers come from: standard input, or the terminal (`/dev/tty`) when standard input carried the
    /// paste. With the paste on standard input and no terminal, only `--answer` can answer; without it, exit 2
    /// before anything is saved.
    private func answerInput() throws -> AnswerInput {
        guard pasteOnStandardInput else { return .standardInput }
        if let terminal = AnswerInput.terminal() { return terminal }
        guard answers.isEmpty else { return .standardInput }
        throw TriageError("""
            the paste came on standard input, and there is no terminal (/dev/tty) to ask the questions on.
            Save the paste to a file and give it with --from FILE (answers are then read from standard input), \
            or answer in advance with --answer.
            """, exitCode: 2)
    }
}
