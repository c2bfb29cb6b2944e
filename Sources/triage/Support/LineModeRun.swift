import Foundation
import TriageCore

/// The line-mode dialogue as `diagnose` and `sessions resume` run it: answers read from `input` (typed values
/// cleaned, secrets read without echo on a terminal), lines wrapped to the terminal (not for JSON), and the session
/// saved after every step.
enum LineModeRun {
    static func dialogue(catalog: Catalog, session: DiagnosisSession, answers: [String], json: Bool,
                         input: AnswerInput, recorder: SessionRecorder,
                         environment: [String: String]) -> LineModeDiagnosis {
        let terminal = OutputTerminal.current(environment: environment)
        var dialogue = LineModeDiagnosis(
            catalog: catalog, session: session, presetAnswers: answers.map(TypedValue.clean),
            readLine: { input.readLine().map(TypedValue.clean) },
            readSecret: input.isTerminal ? { input.readSecret().map(TypedValue.clean) } : nil,
            width: !json && terminal.isTerminal ? terminal.width : nil,
            write: writer(toStandardError: json))
        dialogue.afterStep = { recorder.record($0) }
        recorder.record(session)
        return dialogue
    }

    /// Where the dialogue writes: stdout, or stderr when stdout carries JSON.
    static func writer(toStandardError: Bool) -> (String) -> Void {
        { text in Console.raw(text, toStandardError: toStandardError) }
    }
}
