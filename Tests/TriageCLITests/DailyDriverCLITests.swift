import Foundation
import Testing
import TestSupport

/// The command line's manners (issue 13): the top level forgives, tables never cut codes, piped output is
/// never cut, summaries instead of boilerplate, docs URLs, shell completion and the man page.
@Suite struct DailyDriverCLITests {
    private static let longest = "CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON"

    private func rows(_ run: TriageRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("VENDOR") }
    }

    // MARK: The top level

    @Test func aMistypedSubcommandSuggestsTheRightOne() throws {
        let run = try TriageProcess.run(["shwo", "INSTALL_NOT_FOUND"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean 'show'?"), "\(run.stderr)")
        #expect(!run.stderr.contains("USAGE"), "browse's usage must not be shown: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let sessions = try TriageProcess.run(["sesions", "list"])
        #expect(sessions.status == 2)
        #expect(sessions.stderr.contains("did you mean 'sessions'?"), "\(sessions.stderr)")
    }

    @Test func aCodeAsTheFirstWordIsShow() throws {
        let run = try TriageProcess.run(["INSTALL_NOT_FOUND"])
        #expect(run.status == 0, "\(run.stderr)")
        let shown = try TriageProcess.run(["show", "INSTALL_NOT_FOUND"])
        #expect(run.stdout == shown.stdout)
        #expect(run.stdout.hasPrefix("INSTALL_NOT_FOUND"))
        let lower = try TriageProcess.run(["install_not_found", "--json"])
        #expect(lower.status == 0 && lower.stdout.contains("\"code\" : \"INSTALL_NOT_FOUND\""), "\(lower.stdout)")
        let negative = try TriageProcess.run(["-1", "--vendor", "sentori", "--json"])
        #expect(negative.status == 0 && negative.stdout.contains("\"code\" : \"-1\""), "\(negative.stderr)")
        let withCatalog = try TriageProcess.run(["--catalog", TestPaths.catalogDirectory.path, "USER_NOT_FOUND"])
        #expect(withCatalog.status == 0 && withCatalog.stdout.hasPrefix("USER_NOT_FOUND"), "\(withCatalog.stderr)")
    }

    @Test func anUnknownWordIsAUsageError() throws {
        let run = try TriageProcess.run(["zzqqxx"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown command 'zzqqxx'"), "\(run.stderr)")
    }

    @Test func versionInEveryForm() throws {
        let version = try TriageProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        #expect(try TriageProcess.run(["version"]).stdout == version.stdout)
        #expect(try TriageProcess.run(["--catalog", TestPaths.catalogDirectory.path, "--version"]).stdout == version.stdout)
    }

    @Test func helpForAnUnknownTopicIsAUsageError() throws {
        let run = try TriageProcess.run(["help", "foo"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no help topic 'foo'"), "\(run.stderr)")
        let typo = try TriageProcess.run(["help", "serch"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'search'?"), "\(typo.stderr)")
        let good = try TriageProcess.run(["help", "search"])
        #expect(good.status == 0 && good.stdout.contains("USAGE: triage search"), "\(good.stdout)")
    }

    @Test func globalOptionsBeforeLint() throws {
        let folder = try Fixtures.acmeFolder("lint-global", code: "BROKEN", category: "nope", description: "Broken.")
        let run = try TriageProcess.run(["--catalog", folder.path, "lint"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("acme.yaml:") && run.stdout.contains("unknown category 'nope'"), "\(run.stdout)")
        let clean = try TriageProcess.run(["--catalog", TestPaths.catalogDirectory.path, "lint"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }

    /// Every option that takes a value must be in ArgumentOrder's list, or `--opt -1` and the top level's
    /// reading of the first word go wrong; the list is checked against the command definitions.
    @Test func argumentOrderKnowsEveryValueOption() throws {
        let run = try TriageProcess.run(["--experimental-dump-help"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        var valueOptions = Set<String>()
        func collect(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option" {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    valueOptions.insert("--" + (name["name"] as? String ?? ""))
                }
            }
            (command["subcommands"] as? [[String: Any]] ?? []).forEach(collect)
        }
        collect(try #require(root["command"] as? [String: Any]))
        #expect(valueOptions.contains("--vendor") && valueOptions.contains("--catalog"))
        let source = try String(contentsOf: TestPaths.repositoryRoot
            .appendingPathComponent("Sources/triage/Support/ArgumentOrder.swift"), encoding: .utf8)
        let listStart = try #require(source.range(of: "static let valueOptions"))
        let listEnd = try #require(source.range(of: "]", range: listStart.upperBound..<source.endIndex))
        let listed = Set(source[listStart.upperBound..<listEnd.lowerBound]
            .matches(of: /"(--[a-z-]+)"/).map { String($0.output.1) })
        #expect(valueOptions.subtracting(listed).isEmpty, "missing from ArgumentOrder.valueOptions: \(valueOptions.subtracting(listed).sorted())")
        #expect(listed.subtracting(valueOptions).isEmpty, "not options that take a value: \(listed.subtracting(valueOptions).sorted())")
    }

    // MARK: Width rules

    @Test func codesAreNeverCutAt200Columns() throws {
        let run = try TriageProcess.run(["list", "--vendor", "sentiance"], environment: ["COLUMNS": "200"])
        #expect(run.status == 0)
        let row = try #require(rows(run).first { $0.contains(Self.longest) }, "\(run.stdout)")
        #expect(row.contains("The external_id already has a linked install_id"), "the summary fits at 200: \(row)")
        #expect(rows(run).allSatisfy { $0.count <= 200 })
    }

    @Test func at80ColumnsTheMessageGivesWay() throws {
        let run = try TriageProcess.run(["list"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let lines = rows(run)
        #expect(lines.count == 143)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines.contains { $0.contains(Self.longest + " ") }, "the longest code is whole")
        // Every code of the catalog appears whole: two codes never look the same.
        let list = try TriageProcess.run(["list", "--json"])
        let codes = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            .compactMap { $0["code"] as? String }
        for code in codes {
            #expect(lines.contains { $0.split(separator: " ").contains(Substring(code)) }, "\(code) is cut")
        }
    }

    @Test func pipedOutputIsNeverCut() throws {
        let run = try TriageProcess.run(["list", "--vendor", "cometchat"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("…"), "piped output is not cut")
        let lines = rows(run)
        #expect(lines.count == 116, "one record per line")
        #expect(lines.contains { $0.count > 80 }, "long descriptions are whole, past 80 columns")
        let search = try TriageProcess.run(["search", "install"])
        #expect(!search.stdout.contains("…"))
    }

    @Test func searchResultsShowTheVendor() throws {
        let run = try TriageProcess.run(["search", "not", "found"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let vendors = Set(rows(run).compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(vendors.isSuperset(of: ["sentiance", "cometchat"]), "\(run.stdout)")
    }

    @Test func showsDiagnoseBlockWrapsAndListsTheMostSpecificTreeFirst() throws {
        let run = try TriageProcess.run(["show", "INSTALL_DOES_NOT_BELONG_TO_APP"], environment: ["COLUMNS": "60"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Diagnose"))
        let block = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(block.allSatisfy { $0.count <= 60 }, "\(block)")
        let first = try #require(block.first)
        #expect(first.hasPrefix("  triage diagnose sentiance-wrong-environment"), "\(block)")
        let json = try TriageProcess.run(["show", "INSTALL_DOES_NOT_BELONG_TO_APP", "--json"])
        #expect(json.stdout.contains("\"trees\" : [\n    \"sentiance-wrong-environment\""), "\(json.stdout)")
    }

    // MARK: Summaries

    @Test func listsShowSummariesNotBoilerplate() throws {
        let list = try TriageProcess.run(["list", "--vendor", "sentiance"])
        #expect(!list.stdout.contains("This error code will be returned"), "\(list.stdout)")
        #expect(list.stdout.contains("One of the given users cannot be found"))
        let search = try TriageProcess.run(["search", "install", "deleted"])
        #expect(!search.stdout.contains("This error code will be returned"), "\(search.stdout)")
        let json = try TriageProcess.run(["show", "INSTALL_DELETED", "--json"])
        #expect(json.stdout.contains("\"summary\" : \"The install_id is deleted by the platform\""), "\(json.stdout)")
        let hits = try TriageProcess.run(["search", "INSTALL_DELETED", "--json", "--limit", "1"])
        #expect(hits.stdout.contains("\"summary\" : \"The install_id is deleted by the platform\""), "\(hits.stdout)")
    }

    @Test func lintRequiresASummaryForBoilerplate() throws {
        let folder = TestPaths.temporaryDirectory("lint-summary")
        try """
            vendor:
              id: acme
              name: Acme
            categories:
              - id: api
                name: API
            codes:
              - code: NEEDS_SUMMARY
                category: api
                description: This error code will be returned when the widget is missing.
              - code: HAS_SUMMARY
                category: api
                summary: The widget is missing
                description: This error code will be returned when the widget is missing.
              - code: PLAIN
                category: api
                description: Indicates the widget is missing.
            """.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        let run = try TriageProcess.run(["lint", folder.path])
        #expect(run.status == 1)
        let problems = run.stdout.split(separator: "\n").filter { $0.contains("acme.yaml:") }
        #expect(problems.count == 1, "\(run.stdout)")
        #expect(problems.first?.contains("acme.yaml:8:") == true && problems.first?.contains("'summary:'") == true, "\(problems)")
        let list = try TriageProcess.run(["list", "--vendor", "acme", "--catalog", folder.path])
        #expect(list.status == 0, "a missing summary is a lint finding; the catalog still loads: \(list.stderr)")
        #expect(list.stdout.contains("The widget is missing\n"))
    }

    // MARK: Docs

    @Test func docsURLs() throws {
        let show = try TriageProcess.run(["show", "INSTALL_NOT_FOUND"])
        #expect(show.stdout.contains("Docs: https://docs.sentiance.com\n"), "\(show.stdout)")
        #expect(!show.stdout.contains("\u{1B}"), "no hyperlink escape when piped")
        let docs = try TriageProcess.run(["docs", "AUTH_ERR_INVALID_APPID"])
        #expect(docs.status == 0 && docs.stdout == "https://www.cometchat.com/docs\n", "\(docs.stdout)\(docs.stderr)")
        let none = try TriageProcess.run(["docs", "1", "--vendor", "sentori"])
        #expect(none.status == 1 && none.stderr.contains("no URL"), "\(none.stdout)\(none.stderr)")
        let unknown = try TriageProcess.run(["docs", "NOPE_NOT_A_CODE"])
        #expect(unknown.status == 1)
    }

    @Test func docsOpenUsesXdgOpen() throws {
        let bin = TestPaths.temporaryDirectory("opener")
        let log = bin.appendingPathComponent("opened")
        let script = bin.appendingPathComponent("xdg-open")
        try "#!/bin/sh\necho \"$1\" > '\(log.path)'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let run = try TriageProcess.run(["docs", "INSTALL_NOT_FOUND", "--open"], environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: log, encoding: .utf8) == "https://docs.sentiance.com\n")
        let without = try TriageProcess.run(["docs", "INSTALL_NOT_FOUND", "--open"], environment: ["PATH": "/nonexistent"])
        #expect(without.status == 0 && without.stdout == "https://docs.sentiance.com\n", "\(without.stderr)")
    }
}
