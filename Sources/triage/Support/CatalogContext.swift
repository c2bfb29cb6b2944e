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
    /// The built-in catalog alone is decoded from its build-time compiled form (no YAML); with user folders the
    /// merged catalog comes from the cache (`CatalogCache`), rebuilt from the YAML when a file changed.
    func loadCatalog() throws -> Catalog {
        let environment = ProcessInfo.processInfo.environment
        let folders = ((environment["TRIAGE_CATALOG"] ?? "").split(separator: ":").map(String.init) + catalogs)
            .filter { !$0.isEmpty }
        let compiled = BuiltinCatalog.compiled
        if folders.isEmpty, let compiled, let catalog = CompiledCatalog.decode(compiled) { return catalog }
        let catalog: Catalog
        let all: [CatalogProblem]
        if let directory = CatalogCache.defaultDirectory(environment: environment) {
            let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
            let key = compiled.map(CompiledCatalog.key(of:)) ?? CompiledCatalog.key(of: builtIn.files)
            let showProgress = isatty(STDERR_FILENO) == 1
            let loaded = CatalogCache(directory: directory).load(builtIn: builtIn, builtInKey: key, folders: folders) { note in
                if showProgress { Console.error("triage: \(note)...") }
            }
            (catalog, all) = (loaded.catalog, loaded.problems)
        } else {
            let (sources, readProblems) = sources(environment: environment)
            let loaded = CatalogLoader.load(sources)
            (catalog, all) = (loaded.catalog, readProblems + loaded.problems)
        }
        if !all.isEmpty {
            for problem in all { Console.error(TextLayout.cell(problem.description)) }
            Console.error("triage: the catalog has \(all.count) problem\(all.count == 1 ? "" : "s"); fix \(all.count == 1 ? "it" : "them") or check with 'triage lint DIR'")
            throw ExitCode(2)
        }
        return catalog
    }
}
