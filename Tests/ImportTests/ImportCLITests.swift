import Foundation
import Testing
import TestSupport

/// `triage import` as the real binary runs it: dry run, --write, the second run, JSON, errors.
@Suite struct ImportCLITests {
    private let seed = ImportFixtures.path("002_01a7586a40bad1f4.txt")
    private let rules = ["--category", "request-auth=..99", "--category", "contacts=100..199", "--category", "lists=200..299",
                         "--category", "documents=300..399", "--category", "emails=400..499", "--category", "audiences=500..599"]

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func dryRunPrintsTheDiffAndWritesNothing() throws {
        let folder = TestPaths.temporaryDirectory("import-cli-dry")
        let run = try TriageProcess.run(["import", "table", seed, "--vendor", "sentori", "--into", folder.path, "--date", "2026-12-01"] + rules)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(folder.path)/vendors/sentori.yaml (new file) from 002_01a7586a40bad1f4.txt (table)"))
        #expect(run.stdout.contains("+ -1\n    category: request-auth\n    http: 400\n    message: \"Bad request\""))
        #expect(run.stdout.contains("Dry run: 16 added, 0 changed, 0 deprecated, 0 unchanged. Nothing written; add --write to apply."))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("vendors").path))
    }

    @Test func writeThenImportAgainChangesNothing() throws {
        let folder = TestPaths.temporaryDirectory("import-cli-write")
        let arguments = ["import", "table", seed, "--vendor", "sentori", "--into", folder.path] + rules
        let first = try TriageProcess.run(arguments + ["--write", "--date", "2026-12-01"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Wrote \(folder.path)/vendors/sentori.yaml: 16 added"))
        let file = folder.appendingPathComponent("vendors/sentori.yaml").path
        #expect(try mode(file) == 0o600)
        #expect(try mode(folder.appendingPathComponent("vendors").path) == 0o700)
        let written = try String(contentsOfFile: file, encoding: .utf8)

        let second = try TriageProcess.run(arguments + ["--write", "--date", "2027-01-01"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("No changes (0 added, 0 changed, 0 deprecated, 16 unchanged)."))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written)

        // The imported folder works as a catalog: lint is clean and show --json has the provenance.
        let lint = try TriageProcess.run(["lint", folder.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let show = try TriageProcess.run(["--catalog", folder.path, "show", "101", "--vendor", "sentori", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["since"] as? String == "2026-12-01")
        #expect(object["deprecated"] is NSNull)
        let provenance = try #require(object["provenance"] as? [String: [String: Any]])
        #expect(provenance["message"]?["file"] as? String == "002_01a7586a40bad1f4.txt")
        #expect(provenance["message"]?["date"] as? String == "2026-12-01")
        #expect((provenance["message"]?["sha256"] as? String)?.count == 64)
    }

    @Test func aChangedPageFromStdinAsJSON() throws {
        let folder = TestPaths.temporaryDirectory("import-cli-json")
        let base = ["import", "table", "--vendor", "sentori", "--into", folder.path] + rules
        _ = try TriageProcess.run(base + [seed, "--write", "--date", "2026-12-01"])
        let changed = try String(contentsOfFile: ImportFixtures.path("changed/002_01a7586a40bad1f4.txt"), encoding: .utf8)
        let run = try TriageProcess.run(base + ["-", "--source", "002_01a7586a40bad1f4.txt", "--json", "--date", "2027-02-01"], input: changed)
        #expect(run.status == 0, "\(run.stderr)")
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((diff["added"] as? [[String: Any]])?.map { $0["code"] as? String } == ["600"])
        #expect((diff["deprecated"] as? [[String: Any]])?.map { $0["code"] as? String } == ["301"])
        let changes = try #require((diff["changed"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]])
        #expect(changes.first?["field"] as? String == "message" && changes.first?["new"] as? String == "Contact does not exist")
        #expect(diff["written"] as? Bool == false)
        // Text output for the same change, field by field.
        let text = try TriageProcess.run(base + ["-", "--source", "002_01a7586a40bad1f4.txt", "--date", "2027-02-01"], input: changed)
        #expect(text.stdout.contains("~ 101\n    message: \"Contact not found\" -> \"Contact does not exist\""))
        #expect(text.stdout.contains("- 301  (no longer in the document: kept, deprecated 2027-02-01)"))
    }

    @Test func errorsSayWhereAndSuggest() throws {
        let folder = TestPaths.temporaryDirectory("import-cli-errors")
        let unknown = try TriageProcess.run(["import", "tabel", seed, "--vendor", "x", "--into", folder.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown format 'tabel'; did you mean 'table'?"), "\(unknown.stderr)")
        let json = folder.appendingPathComponent("bad.json")
        try "{\n  \"errors\": [\n    {\"code\": 1 \"x\": 2}\n  ]\n}".write(to: json, atomically: true, encoding: .utf8)
        let invalid = try TriageProcess.run(["import", "json", json.path, "--vendor", "x", "--into", folder.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.hasPrefix("triage import: \(json.path):3:16: not valid JSON"), "\(invalid.stderr)")
        let vendor = try TriageProcess.run(["import", "table", seed, "--vendor", "Sentori!", "--into", folder.path])
        #expect(vendor.status == 2 && vendor.stderr.contains("(e.g. sentori)"), "\(vendor.stderr)")
        let missing = try TriageProcess.run(["import", "table", "/nonexistent/page.md", "--vendor", "x", "--into", folder.path])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/page.md:1:1: cannot read the file"), "\(missing.stderr)")
    }

    @Test func hostileTextNeverReachesTheTerminal() throws {
        let folder = TestPaths.temporaryDirectory("import-cli-hostile")
        let page = "| Code | Message | Description |\n|---|---|---|\n| EVIL_ONE | \u{1B}]0;owned\u{07}Boom\u{1B}[2J | Moves \u{202E}text\u{202C} and rings\u{07}. |\n"
        let run = try TriageProcess.run(["import", "table", "-", "--vendor", "acme", "--into", folder.path], input: page)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(run.stdout.contains("message: \"Boom\""))
        #expect(run.stdout.contains("description: \"Moves text and rings.\""))
    }
}

extension ImportCLITests {
    @Test func aDocumentWithoutCodesIsAnErrorNotAnEmptyVendor() throws {
        let folder = TestPaths.temporaryDirectory("import-cli-empty")
        let run = try TriageProcess.run(["import", "markdown", "-", "--vendor", "acme", "--into", folder.path, "--write"],
                                        input: "# Our API\n\nSome prose, no codes.\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("<stdin>:1:1: found no codes in the document; a markdown page needs a heading per code"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("vendors").path))
    }
}
