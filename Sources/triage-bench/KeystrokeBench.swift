import BuiltinCatalog
import CatalogGenerator
import Foundation
@_spi(Benchmark) import TriageCore
import TerminalKit
import TriageUI

/// `triage-bench keystrokes --codes N [--seed S] [--work DIR] [--limit L] [--only new|legacy]`: the search index
/// alone, in process, on a generated catalog (loaded through the catalog cache, which the first run builds in
/// DIR): index build time and memory, then each benchmark query typed a character at a time into the `Searcher`
/// (all hits, as the browser asks today, and the first `L` rows), for the flat index and the index before issue 12
/// (`legacy`). Made for quick iterations and for callgrind (`--toggle-collect='*typeAllQueries*'`).
struct KeystrokeBench {
    var codes: Int
    var seed: UInt64
    var work: String
    var limit: Int
    var variants: [String]

    func run() throws {
        let catalog = try loadCatalog()
        let queries = Benchmark.queries(for: catalog, builtIn: false)
        print("catalog: \(catalog.entries.count) entries; queries: \(queries.map { "\"\($0)\"" }.joined(separator: ", "))")
        for variant in variants {
            let before = Self.residentMegabytes()
            let start = ChildProcess.now()
            let search: (String, Int?) -> [SearchHit]
            var storage = ""
            if variant == "legacy" {
                let searcher = Self.buildLegacy(catalog)
                search = { searcher.search($0, limit: $1) }
            } else {
                let searcher = Self.buildIndex(catalog)
                storage = String(format: ", arrays %.1f MB", Double(searcher.index.storageBytes) / 1_048_576)
                search = { searcher.search($0, limit: $1) }
            }
            let build = ChildProcess.elapsed(since: start)
            let after = Self.residentMegabytes()
            print(String(format: "%@: index build %.0f ms, resident memory +%.1f MB%@", variant, build, after - before, storage))
            for rows in [nil, limit] {
                var times: [Double] = []
                var results = 0
                Self.typeAllQueries(queries, rows: rows, search: search, times: &times, results: &results)
                print(String(format: "  typing, %@: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d keystrokes, %d results)",
                             rows.map { "first \($0) rows" } ?? "all hits", percentile(times, 0.5), percentile(times, 0.9),
                             percentile(times, 0.99), times.max() ?? 0, times.count, results))
            }
        }
    }

    @inline(never)
    static func buildIndex(_ catalog: Catalog) -> Searcher { Searcher(index: SearchIndex(catalog: catalog)) }

    @inline(never)
    static func buildLegacy(_ catalog: Catalog) -> LegacySearcher { LegacySearcher(index: LegacySearchIndex(catalog: catalog)) }

    @inline(never)
    static func typeAllQueries(_ queries: [String], rows: Int?, search: (String, Int?) -> [SearchHit], times: inout [Double],
                               results: inout Int) {
        for query in queries {
            var typed = ""
            for character in query {
                typed.append(character)
                let start = ChildProcess.now()
                results &+= search(typed, rows).count
                times.append(ChildProcess.elapsed(since: start))
            }
        }
    }

    /// The generated catalog, from the cache in `work` (built on the first run).
    private func loadCatalog() throws -> Catalog {
        let base = (work as NSString).appendingPathComponent("codes-\(codes)-seed-\(seed)")
        let catalogDirectory = (base as NSString).appendingPathComponent("catalog")
        let folders: [String]
        let foldersFile = (base as NSString).appendingPathComponent("folders.txt")
        if let listed = try? String(contentsOfFile: foldersFile, encoding: .utf8) {
            folders = listed.split(separator: "\n").map(String.init)
        } else {
            let summary = try CatalogGenerator(codes: codes, seed: seed)
                .write(to: catalogDirectory, folderLimit: CatalogLimits.maximumFolderBytes - (1 << 20))
            folders = summary.folders
            try folders.joined(separator: "\n").write(toFile: foldersFile, atomically: true, encoding: .utf8)
        }
        let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
        let key = BuiltinCatalog.compiled.map(CompiledCatalog.key(of:)) ?? CompiledCatalog.key(of: builtIn.files)
        let start = ChildProcess.now()
        let loaded = CatalogCache(directory: (base as NSString).appendingPathComponent("cache")).load(
            builtIn: builtIn, builtInKey: key, folders: folders)
        FileHandle.standardError.write(Data(String(format: "catalog loaded in %.0f ms (%@)\n", ChildProcess.elapsed(since: start),
                                                   "\(loaded.outcome)").utf8))
        return loaded.catalog
    }

    /// This process's resident set size.
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
