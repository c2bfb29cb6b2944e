import ArgumentParser
import BuiltinCatalog
import Foundation
import TriageCore

/// `triage lint`: validates catalog folders, reporting every problem as `file:line:column: message`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check catalog folders for errors (default: the built-in catalog).",
        discussion: """
            Each DIR is checked on top of the built-in catalog, as triage would load it, so an override folder may
            refer to built-in codes and trees. Exit 0 when clean, 1 when there are problems. Warnings (a code
            with no 'phrases:' and no example ticket) are printed but do not fail the check.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Catalog folders to check.", completion: .directory) var folders: [String] = []

    /// The folders named as arguments, after any `--catalog DIR` (`triage --catalog DIR lint` checks DIR).
    var directories: [String] { global.catalogs + folders }

    func run() throws {
        // Only the folders named here, never TRIAGE_CATALOG's.
        let read = CatalogSources.reading(.builtIn(BuiltinCatalog.files), then: directories)
        var problems = read.problems
        let (catalog, loadProblems) = CatalogLoader.lint(read.sources)
        problems += loadProblems
        for problem in problems { Console.out(TextLayout.cell(problem.description)) }
        // Warnings go to stderr and do not fail the check.
        for warning in PhraseRule.warnings(catalog) { Console.error(TextLayout.cell(warning.description)) }
        let checked = directories.isEmpty ? "built-in catalog" : directories.joined(separator: ", ")
        if problems.isEmpty {
            Console.out("\(TerminalSafe.sanitize(checked)): ok (\(catalog.vendors.count) vendors, \(catalog.entries.count) codes, \(catalog.trees.count) trees)")
        } else {
            Console.error("\(TerminalSafe.sanitize(checked)): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
