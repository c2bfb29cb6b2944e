/// The catalog sources in override order (later wins): the built-in files, then the folders of TRIAGE_CATALOG
/// (colon-separated), then the folders given on the command line (`--catalog`). The one place they are put
/// together, for loading, the cache, lint and shell completion.
public enum CatalogSources {
    /// The built-in source, then every user folder (`userFolders`), read, with the problems reading found.
    /// `builtIn` is the binary's own files (TriageCore cannot name them: `BuiltinCatalog.files`).
    public static func standard(builtIn: [(path: String, text: String)], environment: [String: String],
                                folders: [String]) -> (sources: [CatalogSource], problems: [CatalogProblem]) {
        reading(.builtIn(builtIn), then: userFolders(environment: environment, folders: folders))
    }

    /// The user catalog folders in override order: TRIAGE_CATALOG's, then `folders`; empty names dropped.
    public static func userFolders(environment: [String: String], folders: [String]) -> [String] {
        ((environment["TRIAGE_CATALOG"] ?? "").split(separator: ":").map(String.init) + folders).filter { !$0.isEmpty }
    }

    /// `first`, then each of `folders` read (`CatalogSource.directory`), with the problems reading found.
    public static func reading(_ first: CatalogSource, then folders: [String])
        -> (sources: [CatalogSource], problems: [CatalogProblem]) {
        var sources = [first]
        var problems: [CatalogProblem] = []
        for folder in folders {
            let read = CatalogSource.directory(folder)
            sources.append(read.source)
            problems += read.problems
        }
        return (sources, problems)
    }
}
