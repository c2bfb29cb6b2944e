import Foundation
import Testing
import TestSupport

/// `triage diagnose` in line mode and `triage trees`, driven as a script or a screen reader would.
@Suite struct DiagnoseCLITests {
    @Test func presetAnswersReachTheConclusionAndSaveATranscript() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("ticket/transcript.md")
        let run = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--answer", "app123",
                                         "--answer", "eu", "--answer", "1", "--transcript", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("In the CometChat dashboard, which region was app app123 created in?"))
        #expect(run.stdout.contains("https://app123.api-"))
        #expect(run.stderr.contains("Transcript saved to \(file.path)"))
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.hasPrefix("# Diagnosis: "))
        #expect(markdown.contains("Answer: app123"))
        #expect(markdown.contains("## Conclusion"))
    }

    @Test func badAnswersAreAskedAgainAndEndOfInputStopsCleanly() throws {
        let run = try TriageProcess.run(["diagnose", "sentori-key-account", "--plain"], input: "9\nabc\n")
        #expect(run.status == 1, "stopped before a conclusion")
        #expect(run.stdout.components(separatedBy: "answer [").count >= 3, "asked again after each bad answer")
        #expect(!run.stderr.contains("triage:"), "no error: \(run.stderr)")
        #expect(run.stderr.contains("continue it with: triage sessions resume 1"), "saved, and says how to go on")
    }

    @Test func jsonPrintsThePathAndConclusionOnStdout() throws {
        let run = try TriageProcess.run(["diagnose", "CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON", "--json",
                                         "--answer", "customer-42", "--answer", "install-9", "--answer", "1", "--answer", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let conclusion = try #require(object["conclusion"] as? [String: Any])
        #expect(conclusion["node"] as? String == "hard-linked-legacy-user")
        #expect((conclusion["steps"] as? [String])?.contains { $0.contains("different Sentiance id") } == true)
        #expect(((object["steps"] as? [Any])?.count ?? 0) >= 4)
        #expect(run.stderr.contains("Was user customer-42 first created"), "questions go to stderr with --json")
    }

    @Test func secretValuesNeverReachTheTranscript() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("t.json")
        let trees = try TriageProcess.run(["trees", "--json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(trees.stdout.utf8)) as? [[String: Any]])
        #expect(all.count >= 21)
        // Sentori's key tree asks for the ApiKey, which is secret.
        let run = try TriageProcess.run(["diagnose", "1", "--vendor", "sentori", "--plain", "--transcript", file.path],
                                        input: "0c7a2b9e-5d1f-4e8a-9b3c-abcdefabcdef\n3\n")
        #expect(run.status == 1, "input ends before a conclusion")
        let transcript = try String(contentsOf: file, encoding: .utf8)
        #expect(transcript.contains("[secret]"))
        #expect(!transcript.contains("abcdefabcdef"))
        #expect(!run.stdout.contains("abcdefabcdef"), "not echoed after the step where it was typed")
    }

    @Test func unknownTargetsSuggest() throws {
        let run = try TriageProcess.run(["diagnose", "sentiance-legacy-usr"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean 'sentiance-legacy-user'"))
        let wrongTree = try TriageProcess.run(["diagnose", "INSTALL_NOT_FOUND", "--tree", "sentori-lists"])
        #expect(wrongTree.status == 2)
        #expect(wrongTree.stderr.contains("does not diagnose INSTALL_NOT_FOUND"))
    }

    @Test func treesListsEveryTreeWithItsCodes() throws {
        let run = try TriageProcess.run(["trees", "--vendor", "sentiance"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("sentiance-wrong-environment"))
        #expect(run.stdout.contains("INSTALL_DOES_NOT_BELONG_TO_APP"))
        #expect(!run.stdout.contains("cometchat-"))
    }
}
