import Foundation
import Testing
import TriageCore

@Suite("Line-mode diagnosis")
struct LineModeDiagnosisTests {
    let catalog = DiagnosisFixtures.catalog
    typealias F = DiagnosisFixtures

    /// Runs the dialogue on `input` lines (then end of input); returns the final session, everything written,
    /// and the input lines left unread.
    func run(_ session: DiagnosisSession, presets: [String] = [], input: [String] = [])
        -> (session: DiagnosisSession, output: String, unread: [String]) {
        final class Box { var lines: ArraySlice<String> = []; var output = "" }
        let box = Box()
        box.lines = input[...]
        let mode = LineModeDiagnosis(catalog: catalog, session: session, presetAnswers: presets,
                                     readLine: { box.lines.popFirst() }, write: { box.output += $0 })
        let result = mode.run()
        return (result, box.output, Array(box.lines))
    }

    @Test func presetAnswersRunToTheConclusion() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let (session, output, unread) = run(start, presets: ["1", "app-9", "1"], input: ["never read"])
        #expect(session.isFinished)
        #expect(session.values == ["APP_ID": "app-9"])
        #expect(unread == ["never read"])
        #expect(output == """
            Acme refuses the request

            Which error code did Acme return?
              Look at "code" in the JSON body.
            1) E_APP
            2) E_KEY
            3) Another code
            answer [1-3, b=back, n=note, q=quit]: 1

            Which app id does the SDK use?
              The appId passed to init.
            value [text, ?=can't tell, b=back, n=note, q=quit]: app-9

            Which environment does app app-9 belong to?
            1) Not the install's environment
            2) The install's environment
            answer [1-2, b=back, n=note, q=quit]: 1

            Diagnosis: App app-9 belongs to another environment
              The request used app id app-9.

            Steps:
              1. Use the app id of the install's environment instead of app-9.
              2. Retry the request.

            Related codes:
              acme:E_GONE: The install was deleted.

            Escalate to Acme Cloud when: The ids match and the error persists.
            Include in the escalation:
              - the app id app-9
              - the request id

            """)
    }

    @Test func impliedStepsAndLinksAreShownAndInputFollowsPresets() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        let (session, output, _) = run(start, presets: ["app-7"], input: ["2", "1"])
        #expect(session.isFinished)
        #expect(session.current(in: catalog)?.conclusion?.diagnosis == "Acme must look at it")
        #expect(output == """
            Acme refuses the request
            Started from code acme:E_APP.

            Which error code did Acme return?
              -> E_APP (implied by code acme:E_APP)

            Which app id does the SDK use?
              The appId passed to init.
            value [text, ?=can't tell, b=back, n=note, q=quit]: app-7

            Which environment does app app-7 belong to?
            1) Not the install's environment
            2) The install's environment
            answer [1-2, b=back, n=note, q=quit]: 
            Continued in tree Acme install state (acme-state).

            What does the install lookup say?
              -> The install belongs to another app (implied by code acme:E_APP)

            Does the install show in the dashboard?
            1) Yes
            2) No
            answer [1-2, b=back, n=note, q=quit]: 
            Diagnosis: Acme must look at it

            Steps:
              1. Open a ticket with Acme.

            """)
    }

    @Test func badAnswersAreAskedAgain() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let (session, output, _) = run(start, presets: ["0"], input: ["4", "two", "", "3"])
        #expect(session.isFinished)
        #expect(session.path.map(\.answer) == ["Another code"])
        let retry = "answer [1-3, b=back, n=note, q=quit]: Please answer with a number from 1 to 3, or b, n or q.\n"
        #expect(output.contains("answer [1-3, b=back, n=note, q=quit]: 0\nPlease answer with a number from 1 to 3, or b, n or q.\n"))
        #expect(output.components(separatedBy: retry).count == 4)  // "4", "two", ""
        #expect(output.hasSuffix("Diagnosis: Not an authentication error\n\nSteps:\n  1. Look the code up with triage search.\n"))

        // A blank value is asked again too.
        let ask = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        let (asked, askedOutput, _) = run(ask, input: ["   ", "app-1"])
        #expect(asked.values == ["APP_ID": "app-1"])
        #expect(askedOutput.contains("value [text, ?=can't tell, b=back, n=note, q=quit]: Please type a value, ? if you can't tell, or b, n or q.\nvalue [text"))
    }

    @Test func endOfInputEndsCleanly() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let (session, output, _) = run(start, input: ["1"])
        #expect(!session.isFinished)
        #expect(session.currentNode == "app-id")
        #expect(session.path.count == 1)
        #expect(output.hasSuffix("value [text, ?=can't tell, b=back, n=note, q=quit]: \nEnd of input: stopped before a conclusion, at step 2: Which app id does the SDK use?\n"))

        let (untouched, _, _) = run(start)
        #expect(untouched == start)
    }

    @Test func backAndQuit() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        let (session, output, unread) = run(start, input: ["b", "app-1", "b", "app-2", "q", "1"])
        #expect(output.contains("value [text, ?=can't tell, b=back, n=note, q=quit]: Nothing to go back to.\n"))
        #expect(session.values == ["APP_ID": "app-2"])
        #expect(session.currentNode == "environment")
        #expect(!session.isFinished)
        #expect(unread == ["1"])
        // After going back the question is shown again, the implied step is not repeated.
        #expect(output.components(separatedBy: "\nWhich app id does the SDK use?\n").count == 3)
        #expect(output.components(separatedBy: "-> E_APP (implied by code acme:E_APP)").count == 2)
    }

    @Test func notes() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let (session, output, _) = run(start, input: ["n from the ticket", "1", "n", "typed on its own line", "app-1",
                                                      "b", "n", ""])
        #expect(session.path.map(\.note) == ["from the ticket"])
        #expect(session.currentNode == "app-id")
        #expect(session.note == nil)
        #expect(output.contains("answer [1-3, b=back, n=note, q=quit]: Note saved.\n"))
        #expect(output.contains("value [text, ?=can't tell, b=back, n=note, q=quit]: note (empty removes it): Note saved.\n"))
        // Going back shows the step with its note, which an empty note then removes.
        #expect(output.contains("answer [1-2, b=back, n=note, q=quit]: \nWhich app id does the SDK use?\n  The appId passed to init.\nNote: typed on its own line\n"))
        #expect(output.hasSuffix("note (empty removes it): Note removed.\nvalue [text, ?=can't tell, b=back, n=note, q=quit]: \nEnd of input: stopped before a conclusion, at step 2: Which app id does the SDK use?\n"))
    }

    @Test func secretPresetsAreNotEchoed() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let (session, output, _) = run(start, presets: ["2", "sk_live_SECRET", "1"])
        #expect(session.isFinished)
        #expect(session.values["API_KEY"] == "sk_live_SECRET")
        #expect(!output.contains("SECRET"))
        #expect(output.contains("value [text, ?=can't tell, b=back, n=note, q=quit]: [secret]\n"))
        #expect(output.contains("Is the key [secret] listed in the dashboard?"))
        #expect(output.contains("Diagnosis: The key [secret] does not exist"))
    }

    /// A catalog written before "can't tell" existed still works: `?` on its questions is refused with a message,
    /// on its asks it leaves the value unknown.
    @Test func questionMarkOnAnOlderTree() throws {
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let (session, output, _) = run(start, input: ["?", "1", "?"])
        #expect(output.contains("answer [1-3, b=back, n=note, q=quit]: This question has no \"can't tell\" answer; please choose a number.\n"))
        #expect(session.currentNode == "environment")
        #expect(session.values.isEmpty)
        #expect(output.contains("Which environment does app @APP_ID@ belong to?"), "no fallback: shown as written (lint reports it)")
    }
}
