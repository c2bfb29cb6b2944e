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

    @Option(help: ArgumentHelp("The ticket the diagnosis is for (diagnose, sessions, reply).", valueName: "ticket"))
    var ticket: String?

    func validate() throws {
        if catalogs.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("--catalog needs a folder name, but got an empty one")
        }
    }

    /// The catalog sources in override order: built-in, then TRIAGE_CATALOG folders, then --catalog folders.
    func sources(environment: [String: String]) -> (sources: [CatalogSource], problems: [CatalogProblem]) {
        CatalogSources.standard(builtIn: BuiltinCatalog.files, environment: environment, folders: catalogs)
    }

    /// Loads the catalog; on any problem prints every one as `file:line:column: message` and exits 2.
    /// The built-in catalog alone is decoded from its build-time compiled form (no YAML); with user folders the
    /// merged catalog comes from the cache (`CatalogCache`), rebuilt from the YAML when a file changed.
    func loadCatalog() throws -> Catalog {
        let environment = ProcessEnvironment.current
        let folders = userFolders(environment)
        if folders.isEmpty, let catalog = BuiltinCatalog.catalog() {
            return catalog
        }
        let catalog: Catalog
        let all: [CatalogProblem]
        if let directory = TriagePaths.cacheDirectory(environment: environment) {
            let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
            let key = Self.builtInKey
            let line = BuildProgressLine()
            let loaded = CatalogCache(directory: directory).load(builtIn: builtIn, builtInKey: key, folders: folders,
                                                                 progress: { line.note($0) })
            line.clear()
            // A cache that cannot be written (a full disk, `ulimit -f`) costs only speed: said, not fatal.
            if case let .uncached(reason) = loaded.outcome, reason.hasPrefix(CatalogCache.unwritten) {
                Console.error("triage: " + TextLayout.cell(reason))
            }
            (catalog, all) = (loaded.catalog, loaded.problems)
        } else {
            let (sources, readProblems) = sources(environment: environment)
            let loaded = CatalogLoader.load(sources)
            (catalog, all) = (loaded.catalog, readProblems + loaded.problems)
        }
        if !all.isEmpty { try Self.stop(with: all) }
        return catalog
    }

    /// For the full screen: the catalog at once when it is ready (built-in only, or a current cache), else a
    /// stand-in (the built-in catalog) and the build running in the background, so the first frame does not
    /// wait for a cold build. Problems found before the screen opens stop here, as in `loadCatalog`.
    func catalogForScreen() throws -> (catalog: Catalog, build: BackgroundCatalogBuild?) {
        let environment = ProcessEnvironment.current
        let folders = userFolders(environment)
        guard !folders.isEmpty, let directory = TriagePaths.cacheDirectory(environment: environment) else {
            return (try loadCatalog(), nil)
        }
        let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
        let key = Self.builtInKey
        let cache = CatalogCache(directory: directory)
        switch BackgroundCatalogBuild.start({ progress in
            let loaded = cache.load(builtIn: builtIn, builtInKey: key, folders: folders, progress: progress)
            return (loaded.catalog, loaded.problems)
        }) {
        case let .ready(catalog, problems):
            if !problems.isEmpty { try Self.stop(with: problems) }
            return (catalog, nil)
        case let .building(build):
            let standIn = BuiltinCatalog.catalog() ?? CatalogLoader.load([builtIn]).catalog
            return (standIn, build)
        }
    }

    /// Where the user catalog's search index is kept (beside its cache file), so a search decodes it instead of
    /// building it; nil for the built-in catalog alone (its index builds in milliseconds) or without a cache.
    func searchIndexStore() -> SearchIndexStore? {
        let environment = ProcessEnvironment.current
        let folders = userFolders(environment)
        guard !folders.isEmpty, let directory = TriagePaths.cacheDirectory(environment: environment) else { return nil }
        return SearchIndexStore(catalogFile: CatalogCache(directory: directory).file(builtInKey: Self.builtInKey, folders: folders))
    }

    /// A searcher over `catalog` (as `loadCatalog` returned it), its index decoded from the store when current,
    /// or from the binary for the built-in catalog alone.
    func searcher(for catalog: Catalog) -> Searcher {
        Searcher(index: searchIndexStore()?.index(for: catalog).index ?? BuiltinCatalog.index(for: catalog))
    }

    /// The user catalog folders in override order: TRIAGE_CATALOG's, then --catalog's.
    func userFolders(_ environment: [String: String]) -> [String] {
        CatalogSources.userFolders(environment: environment, folders: catalogs)
    }

    /// Identifies the built-in catalog in cache keys: its compiled bytes, else its files.
    static var builtInKey: UInt64 {
        BuiltinCatalog.compiledKey ?? CompiledCatalog.key(of: BuiltinCatalog.files)
    }

    /// Prints every problem as `file:line:column: message` and exits 2.
    static func stop(with problems: [CatalogProblem]) throws -> Never {
        for problem in problems { Console.error(TextLayout.cell(problem.description)) }
        Console.error("triage: the catalog has \(problems.count) problem\(problems.count == 1 ? "" : "s"); fix \(problems.count == 1 ? "it" : "them") or check with 'triage lint DIR'")
        throw ExitCode(2)
    }
}
