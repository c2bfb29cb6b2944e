import Foundation
import Testing
import TriageCore

/// Line mode with the second tree format: `?`, typed values, evidence, not-determined conclusions, closing
/// lines, secrets read without echo, wrapping.
@Suite("Line-mode diagnosis, tree format v2")
struct LineModeV2Tests {
    let catalog = V2Fixtures.catalog

    func run(_ session: DiagnosisSession, presets: [String] = [], input: [String] = [], width: Int? = nil,
             secretReader: Bool = false) -> (session: DiagnosisSession, output: String, secretReads: Int) {
        final class Box { var lines: ArraySlice<String> = []; var output = ""; var secretReads = 0 }
        let box = Box()
        box.lines = input[...]
        let mode = LineModeDiagnosis(
            catalog: catalog, session: session, presetAnswers: presets, readLine: { box.lines.popFirst() },
            readSecret: secretReader ? { box.secretReads += 1; return box.lines.popFirst() } : nil,
            width: width, write: { box.output += $0 })
        let result = mode.run()
        return (result, box.output, box.secretReads)
    }

    @Test func questionMarkIsCantTellAndTheNotDeterminedEndSaysSo() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", in: catalog)
        let (session, output, _) = run(start, presets: ["?", " ? "], input: ["?", "?"])
        #expect(session.isFinished && !session.isDetermined)
        #expect(output.contains("?) I can't tell from the ticket\nanswer [1-2, ?=can't tell, b=back, n=note, q=quit]: ?\n"))
        #expect(output.contains("value [us/eu/in, ?=can't tell, b=back, n=note, q=quit]:  ? \n"))
        #expect(output.contains("  Expected: app- and 3 to 20 lowercase letters or digits\n"))
        #expect(output.contains("\nNot determined from the ticket: which app the install belongs to\n"))
        #expect(output.contains("\nWhat to collect:\n  1. Ask the customer for the SDK's app id.\n"))
        #expect(output.hasSuffix("\nNot determined: the ticket does not tell the cause. Collect what is listed above and ask Acme Cloud.\n"))
    }

    @Test func refusedValuesAreAskedAgainWithTheReason() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", from: V2Fixtures.code("E_APP"), in: catalog)
        let (session, output, _) = run(start, input: ["asia", "EU", "APP", "", "app-x12", "1"])
        #expect(session.reachedDetermined)
        #expect(session.values == ["REGION": "eu", "APP_ID": "app-x12"])
        #expect(output.contains("q=quit]: Please try again: answer one of us, eu or in.\n"))
        #expect(output.contains("q=quit]: Please try again: that does not have the expected form: app- and 3 to 20 lowercase letters or digits.\n"))
        #expect(output.contains("q=quit]: Please type a value, ? if you can't tell, or b, n or q.\n"))
        #expect(output.contains("Diagnosis: Wrong app app-x12 in eu"))
    }

    @Test func optionalValuesAreSkippedWithEnter() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", from: V2Fixtures.code("E_KEY"), in: catalog)
        let (session, output, _) = run(start, presets: ["3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b"], input: ["", "2"])
        #expect(session.currentNode == "key-missing")
        #expect(output.contains("value [text, Enter=skip, ?=can't tell, b=back, n=note, q=quit]: "))
        #expect(session.path.contains { $0.kind == .unknownValue(variable: "TICKET") })
    }

    @Test func aSecretIsReadWithTheSecretReaderAndNeverEchoed() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", from: V2Fixtures.code("E_KEY"), in: catalog)
        let key = "aaaabbbb-cccc-4ddd-8eee-ffff00001111"
        let (session, output, reads) = run(start, input: [key, "?", "2"], secretReader: true)
        #expect(reads == 1, "only the secret ask uses the secret reader")
        #expect(session.values["API_KEY"] == key)
        #expect(!output.contains("ffff0000"))
        #expect(output.contains("Is the key [secret] listed in the dashboard?"))
    }

    @Test func evidenceStepsAreShownAsFromThePaste() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", evidence: Evidence([.code: "E_APP", .region: "eu", .appID: "app-zz9"]), in: catalog)
        let (_, output, _) = run(start, input: ["b", "?", "1"])
        #expect(output.contains("Using facts from the pasted response.\n"))
        #expect(output.contains("\nWhich region is the app in?\n  -> eu (from the pasted response)\n"))
        #expect(output.contains("\nWhich app id did the request use?\n  -> app-zz9 (from the pasted response)\n"))
        // b returns to the last filled step; ? there leads to its cant_tell node.
        #expect(output.contains("Does the request's app id match the SDK's?"))
        // The app id was not known, so the conclusion is presumed and says why.
        #expect(output.contains("\nPresumed diagnosis: Wrong app (the request's app) in eu\n"))
        #expect(output.contains("  - You could not tell: Which app id did the request use?\n"))
    }

    @Test func quitAndEndOfInputSayWhereTheyStopped() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", in: catalog)
        let quit = run(start, input: ["1", "q"])
        #expect(quit.output.hasSuffix("q=quit]: Stopped before a conclusion, at step 2: Which region is the app in?\n"))
        let ended = run(start, input: ["1"])
        #expect(ended.output.hasSuffix("q=quit]: \nEnd of input: stopped before a conclusion, at step 2: Which region is the app in?\n"))
    }

    @Test func linesAreWrappedToTheWidth() throws {
        let start = try DiagnosisSession.start(tree: "acme-v2", from: V2Fixtures.code("E_APP"), in: catalog)
        let (_, wrapped, _) = run(start, input: ["eu", "app-abc", "1"], width: 30)
        let lines = wrapped.components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines.filter { $0.count > 30 })")
        // A numbered step continues under its text.
        #expect(wrapped.contains("  1. Use the app id of the\n     install's environment for\n"), "\(wrapped)")
        let (_, plain, _) = run(start, input: ["eu", "app-abc", "1"])
        #expect(plain.contains("  1. Use the app id of the install's environment for ticket this ticket.\n"))
    }

    @Test func commandsParse() {
        #expect(LineCommand(parsing: " ? ") == .cantTell)
        #expect(LineCommand(parsing: "Q") == .quit)
        #expect(LineCommand(parsing: "b") == .back)
        #expect(LineCommand(parsing: "n") == .note(nil))
        #expect(LineCommand(parsing: "n  from the ticket ") == .note("from the ticket"))
        #expect(LineCommand(parsing: "no") == .input("no"))
        #expect(!LineCommand(parsing: "app-1").isCommand && LineCommand(parsing: "?").isCommand)
    }
}
