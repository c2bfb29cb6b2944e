import ArgumentParser
import BuiltinCatalog
import Foundation
import TriageCore

/// `triage test [DIR]`: walks every example ticket (`catalog/tests/*.yaml`) and reports each mismatch as
/// `file:line: expected conclusion X, reached Y after N answers`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Walk the example tickets of the catalog and check their conclusions.",
        discussion: """
            Without DIR, walks every example of the catalog triage loads: the built-in one, TRIAGE_CATALOG and
            --catalog folders. With DIR, walks that folder's examples, loaded on top of the built-in catalog (as
            'triage lint DIR' checks it). Each example gives answers in order (a number, a typed value, or
            cant_tell) and names the conclusion it must reach.

            Exit status: 0 when every example reaches its conclusion, 1 on a mismatch or when there are no
            examples, 2 when the catalog is broken.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A catalog folder whose examples to walk (on top of the built-in catalog).") var directory: String?
    @Flag(help: "Print the results as JSON.") var json = false

    struct ResultJSON: Encodable {
        let name: String
        let file: String
        let line: Int
        let expect: NodeID
        @NullIfAbsent var reached: NodeID?
        let answers: Int
        let passed: Bool
        @NullIfAbsent var message: String?
    }

    struct ReportJSON: Encodable {
        let examples: Int
        let passed: Int
        let failed: Int
        let results: [ResultJSON]
    }

    func run() throws {
        let catalog: Catalog
        var examples: [ExampleTicket]
        if let directory {
            let read = CatalogSource.directory(directory)
            let (loaded, problems) = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files), read.source])
            try Self.refuse(read.problems + problems)
            catalog = loaded
            examples = loaded.examples.filter { $0.source == read.source.name }
        } else {
            catalog = try global.loadCatalog()
            examples = catalog.examples
        }
        let searcher = examples.contains { $0.paste != nil } ? Searcher(catalog: catalog) : nil
        let results = examples.map { ExampleRunner.run($0, in: catalog, searcher: searcher) }
        let failed = results.filter { !$0.passed }
        if json {
            try JSONOutput.print(ReportJSON(
                examples: results.count, passed: results.count - failed.count, failed: failed.count,
                results: results.map { result in
                    ResultJSON(name: result.example.name, file: result.example.location.file,
                               line: result.example.location.line, expect: result.example.expect,
                               reached: result.reached, answers: result.answersUsed, passed: result.passed,
                               message: result.message)
                }))
        } else {
            for result in failed { Console.out(TerminalSafe.sanitize(result.message ?? "")) }
            if results.isEmpty {
                Console.error("triage: no example tickets found (catalog/tests/*.yaml files with a top-level 'tests:' list)")
            } else {
                Console.out("\(results.count) example\(results.count == 1 ? "" : "s"): \(results.count - failed.count) passed, \(failed.count) failed")
            }
        }
        if results.isEmpty || !failed.isEmpty { throw ExitCode(1) }
    }

    private static func refuse(_ problems: [CatalogProblem]) throws {
        guard !problems.isEmpty else { return }
        for problem in problems { Console.error(TerminalSafe.sanitize(problem.description)) }
        throw TriageError("the catalog has \(problems.count) problem\(problems.count == 1 ? "" : "s"); check with 'triage lint DIR'", exitCode: 2)
    }
}
