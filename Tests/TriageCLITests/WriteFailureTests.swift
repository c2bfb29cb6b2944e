import Foundation
import Testing
import TestSupport

/// Closed and full stdout/stderr: a failed write is reported (when stderr still works) and exits 2, never a
/// trap and never a silent success. The full device is made with mknod in a temporary folder.
@Suite struct WriteFailureTests {
    @Test func aClosedStandardErrorExits2WithoutATrap() throws {
        let run = try TriageProcess.shell(#""$TRIAGE" show NOPE 2>&-"#)
        #expect(run.status == 2, "exit \(run.status)")
        let help = try TriageProcess.shell(#""$TRIAGE" show 2>&-"#)
        #expect(help.status == 2, "a usage error with stderr closed: exit \(help.status)")
    }

    @Test func aClosedStandardOutputIsReported() throws {
        let run = try TriageProcess.shell(#""$TRIAGE" list --json >&-"#)
        #expect(run.status == 2, "exit \(run.status)")
        #expect(run.stderr.contains("triage: cannot write to standard output: Bad file descriptor"), "\(run.stderr)")
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "mknod needs root"))
    func aFullDiskIsReportedWithExit2() throws {
        let folder = TestPaths.temporaryDirectory()
        _ = try SpecialFiles.fullDevice(in: folder)
        let out = try TriageProcess.shell(#""$TRIAGE" list --json > full"#, directory: folder)
        #expect(out.status == 2, "exit \(out.status)")
        #expect(out.stderr.contains("cannot write to standard output: No space left on device"), "\(out.stderr)")
        let err = try TriageProcess.shell(#""$TRIAGE" show NOPE 2> full"#, directory: folder)
        #expect(err.status == 2, "exit \(err.status)")
        let help = try TriageProcess.shell(#""$TRIAGE" --help > full"#, directory: folder)
        #expect(help.status == 2, "exit \(help.status)")
    }

    @Test func smallMessagesAreClear() throws {
        let empty = try TriageProcess.run(["list", "--catalog", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("--catalog needs a folder name"), "\(empty.stderr)")
        let limit = try TriageProcess.run(["search", "install", "--limit", "-1"])
        #expect(limit.status == 2)
        #expect(limit.stderr.contains("--limit must be from 1 to 1000000, but got -1"), "\(limit.stderr)")
        #expect(!limit.stderr.contains("Missing value"))
        let answer = try TriageProcess.run(["diagnose", "sentori-key-account", "--answer", "-1"], input: "")
        #expect(!answer.stderr.contains("Missing value"), "\(answer.stderr)")
    }

    @Test func builtInFilesAreNamedAsBuiltIn() throws {
        let run = try TriageProcess.run(["show", "INSTALL_NOT_FOUND", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "[built-in] vendors/sentiance.yaml")
    }

    @Test func typedValuesAreCappedAndHideNothing() throws {
        let long = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--answer", String(repeating: "a", count: 501)])
        #expect(long.status == 2)
        #expect(long.stderr.contains("an --answer may be at most 500 characters"), "\(long.stderr)")

        let file = TestPaths.temporaryDirectory().appendingPathComponent("t.md")
        // The install id is free text (no pattern): a bidi control in it is kept, but only as visible text.
        let run = try TriageProcess.run(["diagnose", "INSTALL_DOES_NOT_BELONG_TO_APP", "--plain", "--transcript", file.path],
                                        input: "app\u{202E}321\n?\n?\n?\n\n")
        #expect(run.status == 1, "can't tell at every step ends not determined: \(run.stderr)")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.contains("app\\u{202E}321"), "\(markdown)")
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x202E })
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x202E })
    }
}
