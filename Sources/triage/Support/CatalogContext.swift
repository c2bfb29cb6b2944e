import ArgumentParser
import BuiltinCatalog
import Foundation
import TriageCore

/// Options every subcommand accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: ArgumentHelp(
        "Add or override catalog entries from a folder of YAML files (repeatable; later wins).",
        valueName: "dir"), completion: .directory)
    var catalogs: [String] = []

    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The sessions database (default TRIAGE_DB, else $XDG_STATE_HOME/triage/sessions.sqlite).", valueName: "path"))
    var database: String?

    @Option(help: ArgumentHelp("The ticket the diagnosis is for (diagnose, sessions).", valueName: "ticket"))
    var ticket: String?

    func validate() throws {
        if catalogs.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--catalog needs a folder name, but got an empty one")
        }
    }

    /// The catalog sources in override order: built-in, then TRIAGE_CATALOG folders, then --catalog folders.
    func sources(environment: [String: String]) -> (sources: [CatalogSource], problems: [CatalogProblem]) {
        var sources = [CatalogSource.builtIn(BuiltinCatalog.files)]
        var problems: [CatalogProblem] = []
        let fromEnvironment = (environment["TRIAGE_CATALOG"] ?? "").split(separator: ":").map(String.init)
        for folder in fromEnvironment + catalogs where !folder.isEmpty {
            let read = CatalogSource.directory(folder)
            sources.append(read.source)
            problems += read.problems
        }
        return (sources, problems)
    }

    /// Loads the catalog; on any problem prints every one as `file:line:column: message` and exits 2.
    func loadCatalog() throws -> Catalog {
        let environment = ProcessInfo.processInfo.environment
        let (sources, readProblems) = sources(environment: environment)
        let (catalog, problems) = CatalogLoader.load(sources)
        let all = readProblems + problems
        if !all.isEmpty {
            for problem in all { Console.error(TextLayout.cell(problem.description)) }
            Console.error("triage: the catalog has \(all.count) problem\(all.count == 1 ? "" : "s"); fix \(all.count == 1 ? "it" : "them") or check with 'triage lint DIR'")
            throw ExitCode(2)
        }
        return catalog
    }
}
