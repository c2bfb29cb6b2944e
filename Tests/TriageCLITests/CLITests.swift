import Foundation
import Testing
import TestSupport

/// The `triage` command line as scripts use it: JSON shapes, exit codes, overrides and error messages.
@Suite struct CLITests {
    private func json(_ run: TriageRun) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    @Test func showJSONHasTheContractFields() throws {
        let run = try TriageProcess.run(["show", "install_not_found", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try json(run) as? [String: Any])
        for key in ["vendor", "category", "code", "numeric", "http_status", "message", "description", "hints", "related", "trees"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["vendor"] as? String == "sentiance")
        #expect(object["code"] as? String == "INSTALL_NOT_FOUND")
        #expect(object["http_status"] as? Int == 404)
        #expect(object["numeric"] is NSNull)
        #expect(object["message"] is NSNull)
        let hints = try #require(object["hints"] as? [String: [String]])
        #expect(!(hints["causes"] ?? []).isEmpty && !(hints["checks"] ?? []).isEmpty)
        #expect((object["trees"] as? [String])?.contains("sentiance-user-linking") == true)
    }

    @Test func numericCodesAreStringsWithANumber() throws {
        let run = try TriageProcess.run(["show", "-1", "--vendor", "sentori", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try json(run) as? [String: Any])
        #expect(object["code"] as? String == "-1")
        #expect(object["numeric"] as? Int == -1)
        #expect(object["http_status"] as? Int == 400)
        #expect(object["message"] as? String == "Bad request")
    }

    @Test func listJSONIsEveryEntry() throws {
        let all = try #require(try json(try TriageProcess.run(["list", "--json"])) as? [[String: Any]])
        #expect(all.count == 143)
        let linking = try #require(try json(try TriageProcess.run(["list", "--vendor", "sentiance", "--category", "user-linking", "--json"])) as? [[String: Any]])
        #expect(linking.count == 9)
        #expect(linking.allSatisfy { $0["category"] as? String == "user-linking" })
    }

    @Test func searchJSONAndExitCodes() throws {
        let found = try TriageProcess.run(["search", "install", "not", "found", "--json", "--limit", "3"])
        #expect(found.status == 0)
        let hits = try #require(try json(found) as? [[String: Any]])
        #expect(hits.count == 3)
        #expect(hits.first?["code"] as? String == "INSTALL_NOT_FOUND")
        #expect(Set(hits.first?.keys.map { $0 } ?? []) == ["vendor", "code", "category", "message", "summary", "score", "chosen_before"])
        #expect(hits.allSatisfy { $0["chosen_before"] as? Bool == false }, "nothing was chosen before in a fresh home")
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let nothing = try TriageProcess.run(["search", "zzqqxx"])
        #expect(nothing.status == 1)
        #expect(nothing.stdout.isEmpty)
        #expect(nothing.stderr.contains("nothing matches"))
        // A huge query that matches nothing is echoed cut, on one line.
        let huge = try TriageProcess.run(["search"] + Array(repeating: "zzqqxx", count: 3000) + ["zzqq\nxxzz"])
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("nothing matches 'zzqqxx zzqqxx"), "\(huge.stderr.prefix(300))")
        #expect(huge.stderr.contains("…'"))
        #expect(huge.stderr.count < 300 && huge.stderr.split(separator: "\n").count == 1, "\(huge.stderr.count)")

        let badLimit = try TriageProcess.run(["search", "x", "--limit", "0"])
        #expect(badLimit.status == 2)
        let badVendor = try TriageProcess.run(["search", "x", "--vendor", "sentianse"])
        #expect(badVendor.status == 2)
        #expect(badVendor.stderr.contains("did you mean 'sentiance'"))
    }

    @Test func unknownCodeSuggestsTheClosest() throws {
        let run = try TriageProcess.run(["show", "INSTAL_NOT_FOUN"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("unknown code 'INSTAL_NOT_FOUN'"))
        #expect(run.stderr.contains("Did you mean:\n  INSTALL_NOT_FOUND  (sentiance)"))
    }

    @Test func sameCodeAtTwoVendorsListsTheCandidates() throws {
        let folder = TestPaths.catalogFolder(["acme.yaml": """
            vendor: {id: acme, name: Acme}
            categories: [{id: c, name: C}]
            codes:
              - {code: INSTALL_NOT_FOUND, category: c, description: Acme's own install error.}
            """])
        let ambiguous = try TriageProcess.run(["show", "install_not_found", "--catalog", folder.path])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("triage show INSTALL_NOT_FOUND --vendor sentiance"))
        #expect(ambiguous.stderr.contains("triage show INSTALL_NOT_FOUND --vendor acme"))
        let chosen = try TriageProcess.run(["--catalog", folder.path, "show", "INSTALL_NOT_FOUND", "--vendor", "acme", "--json"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect((try json(chosen) as? [String: Any])?["description"] as? String == "Acme's own install error.")
    }

    @Test func overridesFromEnvironmentThenOptionsAndVendorsShowSources() throws {
        let fromEnvironment = TestPaths.catalogFolder(["s.yaml": """
            vendor: {id: sentiance}
            codes:
              - {code: INSTALL_NOT_FOUND, category: user-linking, description: Team note from TRIAGE_CATALOG.}
              - {code: ONLY_IN_ENV, category: user-linking, description: Env-only code.}
            """])
        let fromOption = TestPaths.catalogFolder(["s.yaml": """
            vendor: {id: sentiance}
            codes:
              - {code: INSTALL_NOT_FOUND, category: user-linking, description: Personal note from --catalog.}
            """])
        let environment = ["TRIAGE_CATALOG": fromEnvironment.path]
        let both = try TriageProcess.run(["show", "INSTALL_NOT_FOUND", "--json", "--catalog", fromOption.path], environment: environment)
        #expect((try json(both) as? [String: Any])?["description"] as? String == "Personal note from --catalog.")
        let envOnly = try TriageProcess.run(["show", "only_in_env", "--json"], environment: environment)
        #expect((try json(envOnly) as? [String: Any])?["description"] as? String == "Env-only code.")
        let vendors = try TriageProcess.run(["vendors", "--json", "--catalog", fromOption.path], environment: environment)
        let list = try #require(try json(vendors) as? [[String: Any]])
        let sentiance = try #require(list.first { $0["id"] as? String == "sentiance" })
        #expect(sentiance["sources"] as? [String] == ["built-in", fromEnvironment.path, fromOption.path])
        #expect(sentiance["codes"] as? Int == 12)
        let text = try TriageProcess.run(["vendors"], environment: environment)
        #expect(text.stdout.contains("built-in + \(fromEnvironment.path)"))
    }

    @Test func globalOptionWorksBeforeOrAfterTheSubcommand() throws {
        let folder = TestPaths.catalogFolder(["x.yaml": "vendor: {id: extra, name: Extra}\ncategories: [{id: c, name: C}]\ncodes:\n  - {code: X1, category: c, description: One.}\n"])
        let before = try TriageProcess.run(["--catalog", folder.path, "list", "--vendor", "extra", "--json"])
        let after = try TriageProcess.run(["list", "--vendor", "extra", "--json", "--catalog", folder.path])
        let equals = try TriageProcess.run(["--catalog=\(folder.path)", "list", "--vendor", "extra", "--json"])
        #expect(before.status == 0 && after.status == 0 && equals.status == 0, "\(before.stderr)\(after.stderr)\(equals.stderr)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout == equals.stdout)
        #expect(before.stdout.contains("\"X1\""))
    }

    @Test func brokenUserCatalogStopsWithPositionsAndExit2() throws {
        let folder = TestPaths.catalogFolder([
            "bad.yaml": "vendor:\n  id: bad\n  name: Bad\ncodes:\n  - code: A\n    category: nope\n    description: x\n",
            "worse.yaml": "vendor: [unclosed\n",
        ])
        let run = try TriageProcess.run(["list", "--catalog", folder.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(folder.path)/bad.yaml:6:15: code 'A' names unknown category 'nope' of vendor 'bad'"))
        #expect(run.stderr.contains("\(folder.path)/worse.yaml:2:1: YAML syntax:"))
        #expect(run.stderr.contains("the catalog has 2 problems"))
        let missing = try TriageProcess.run(["list", "--catalog", "/no/such/dir"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/no/such/dir:1:1: no such catalog folder"))
    }

    @Test func lintReportsEveryProblemAndExit1() throws {
        let clean = try TriageProcess.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("built-in catalog: ok (3 vendors, 143 codes"))
        let folder = TestPaths.catalogFolder(["t.yaml": "id: t\ntitle: T\nvendors: [sentiance]\nstart: q\nnodes:\n  q:\n    question: Only one?\n    answers:\n      - {label: Yes, next: gone}\n"])
        let broken = try TriageProcess.run(["lint", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("\(folder.path)/t.yaml:7:5: question node 'q' has 1 answer; it needs at least two"))
        #expect(broken.stdout.contains("\(folder.path)/t.yaml:9:28: unknown node 'gone' in tree 't'"))
    }

    @Test func hostileTextCannotReachTheTerminal() throws {
        let folder = TestPaths.catalogFolder(["evil.yaml": """
            vendor: {id: evil, name: "Evil\\e]0;pwned\\a"}
            categories: [{id: c, name: C}]
            codes:
              - code: "EVIL\\e[2J"
                category: c
                description: "Clears your screen \\e[2J\\e]52;c;Y2xpcGJvYXJk\\a and \\u009b31m C1 too"
            """])
        for arguments in [["show", "EVIL\u{1B}[2J"], ["list", "--vendor", "evil"], ["search", "evil"], ["vendors"]] {
            let run = try TriageProcess.run(arguments + ["--catalog", folder.path])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{9B}") && !run.stdout.contains("\u{07}"), "\(arguments)")
            #expect(!run.stderr.contains("\u{1B}"), "\(arguments)")
        }
        let show = try TriageProcess.run(["show", "EVIL\u{1B}[2J", "--catalog", folder.path])
        #expect(show.stdout.contains("Clears your screen ^[[2J^[]52;c;Y2xpcGJvYXJk^G and \\u{9B}31m C1 too"))
    }

    @Test func humanOutputIsWrappedToTheWidthAndPlainWithoutATerminal() throws {
        let run = try TriageProcess.run(["show", "CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON"], environment: ["COLUMNS": "60"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not a terminal")
        for line in run.stdout.split(separator: "\n") where !line.hasPrefix("  triage diagnose") {
            #expect(line.count <= 60 || line.hasPrefix("CANNOT_LINK"), "too wide: \(line)")
        }
        #expect(run.stdout.contains("Likely causes"))
        #expect(run.stdout.contains("What to check"))
        #expect(run.stdout.contains("deprecated"))
    }

    @Test func helpAndUsageErrors() throws {
        let help = try TriageProcess.run(["--help"])
        #expect(help.status == 0)
        for command in ["browse", "show", "search", "list", "vendors", "diagnose", "trees", "lint"] {
            #expect(help.stdout.contains(command), "\(command) in help")
        }
        let unknown = try TriageProcess.run(["frobnicate"])
        #expect(unknown.status == 2)
        let missing = try TriageProcess.run(["show"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument"))
    }
}
