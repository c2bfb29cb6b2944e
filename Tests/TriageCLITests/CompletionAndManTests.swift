import Foundation
import Testing
import TestSupport

/// Shell completion (bash, zsh, fish) with the catalog's codes, vendors and trees, and the man page.
@Suite struct CompletionAndManTests {
    private func complete(_ words: [String], environment: [String: String] = [:]) throws -> [String] {
        let run = try TriageProcess.run(["---completion"] + words, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func scriptsCallTheCustomCompletionEntryPoint() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try TriageProcess.run(["--generate-completion-script", shell])
            #expect(run.status == 0, "\(shell): \(run.stderr)")
            #expect(run.stdout.contains("---completion show -- positional@0"), "\(shell) completes show's code")
            #expect(run.stdout.contains("---completion diagnose -- --tree"), "\(shell) completes --tree")
            #expect(run.stdout.contains("sessions"), "\(shell) knows the subcommands")
        }
    }

    @Test func codesVendorsAndTrees() throws {
        let codes = try complete(["show", "--", "positional@0", "0", "7", "INSTALL"])
        #expect(codes.contains("INSTALL_NOT_FOUND") && codes.contains("INSTALL_DELETED"), "\(codes)")
        #expect(codes.allSatisfy { $0.hasPrefix("INSTALL") }, "\(codes)")
        let lower = try complete(["docs", "--", "positional@0", "0", "7", "err_uid"])
        #expect(lower.contains("ERR_UID_NOT_FOUND"), "\(lower)")
        let vendors = try complete(["list", "--", "--vendor", "0", "0", ""])
        #expect(vendors == ["cometchat", "sentiance", "sentori"])
        let trees = try complete(["diagnose", "--", "--tree", "0", "9", "sentiance"])
        #expect(trees.contains("sentiance-wrong-environment") && trees.allSatisfy { $0.hasPrefix("sentiance") }, "\(trees)")
        let targets = try complete(["diagnose", "--", "positional@0", "0", "0", ""])
        #expect(targets.contains("cometchat-auth-keys") && targets.contains("INSTALL_NOT_FOUND"), "trees and codes")
    }

    @Test func completionReadsTheCatalogsTriageWouldLoad() throws {
        let folder = try Fixtures.acmeFolder("complete-catalog", code: "ACME_WIDGET_MISSING", description: "Indicates the widget is missing.")
        let fromEnvironment = try complete(["show", "--", "positional@0", "0", "4", "ACME"],
                                           environment: ["TRIAGE_CATALOG": folder.path])
        #expect(fromEnvironment == ["ACME_WIDGET_MISSING"])
        let fromLine = try complete(["list", "--", "--vendor", "2", "0", "--catalog", folder.path, ""])
        #expect(fromLine.contains("acme"), "\(fromLine)")
    }

    /// `man/triage.1` is generated from the command definitions; a stale page fails here.
    /// `TRIAGE_WRITE_MAN=1 swift test --skip-build --filter CompletionAndManTests` rewrites it.
    @Test func theManPageIsFresh() throws {
        let dump = try TriageProcess.run(["--experimental-dump-help"])
        let version = try TriageProcess.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let page = try ManPage.render(dumpHelp: Data(dump.stdout.utf8), version: version)
        let file = TestPaths.repositoryRoot.appendingPathComponent("man/triage.1")
        if ProcessInfo.processInfo.environment["TRIAGE_WRITE_MAN"] == "1" {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try page.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == page, "man/triage.1 is stale: run TRIAGE_WRITE_MAN=1 swift test --skip-build --filter CompletionAndManTests")
        for command in ["show", "search", "docs", "diagnose", "sessions list", "lint"] {
            #expect(page.contains(".SS triage \(command.replacingOccurrences(of: "-", with: "\\-"))"), "\(command)")
        }
    }
}
