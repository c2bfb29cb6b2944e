import BuiltinCatalog
import CatalogGenerator
import Foundation
import SearchOracle
import TerminalKit
import TriageCore
import TriageUI

/// `triage-bench keystrokes --codes N [--seed S] [--work DIR] [--limit L] [--only new|legacy]`: the search index
/// alone, in process, on a generated catalog (loaded through the catalog cache, which the first run builds in
/// DIR): index build time and memory, then each benchmark query typed a character at a time into the `Searcher`
/// (all hits, as the browser asks today, and the first `L` rows), for the flat index and the index before issue 12
/// (`legacy`, the SearchOracle target's). Made for quick iterations and for callgrind
/// (`--toggle-collect='*typeAllQueries*'`).
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
            let heapBefore = Self.heapMegabytes()
            let start = ChildProcess.now()
            let cpuStart = Self.cpuNow()
            let search: (String, Int?) -> [SearchHit]
            var storage = ""
            var built: SearchIndex?
            if variant == "legacy" {
                let searcher = Self.buildLegacy(catalog)
                search = { searcher.search($0, limit: $1) }
            } else {
                let searcher = Self.buildIndex(catalog)
                storage = String(format: ", arrays %.1f MB", Double(searcher.index.storageBytes) / 1_048_576)
                search = { searcher.search($0, limit: $1) }
                built = searcher.index
            }
            let build = ChildProcess.elapsed(since: start)
            let buildCPU = Self.cpuNow() - cpuStart
            let after = Self.residentMegabytes()
            let heap = Self.heapMegabytes() - heapBefore
            print(String(format: "%@: index build %.0f ms (CPU %.0f ms), heap in use +%.1f MB, resident +%.1f MB%@", variant,
                         build, buildCPU, heap, after - before, storage))
            if let built {
                let encodeStart = ChildProcess.now()
                let bytes = built.encoded()
                let encodeTime = ChildProcess.elapsed(since: encodeStart)
                let decodeStart = ChildProcess.now()
                let decoded = SearchIndex(decoding: bytes, catalog: catalog)
                let decodeTime = ChildProcess.elapsed(since: decodeStart)
                print(String(format: "  encoded: %.1f MB in %.0f ms; decoded and checked in %.0f ms%@", Double(bytes.count) / 1_048_576,
                             encodeTime, decodeTime, decoded == nil ? " (REJECTED)" : ""))
            }
            for rows in [nil, limit] {
                var times: [Double] = []
                var cpu: [Double] = []
                var typed: [String] = []
                var results = 0
                Self.typeAllQueries(queries, rows: rows, search: search, times: &times, cpu: &cpu, typed: &typed, results: &results)
                print(String(format: "  typing, %@: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d keystrokes, %d results)",
                             rows.map { "first \($0) rows" } ?? "all hits", percentile(times, 0.5), percentile(times, 0.9),
                             percentile(times, 0.99), times.max() ?? 0, times.count, results))
                print(String(format: "    CPU time: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(cpu, 0.5),
                             percentile(cpu, 0.9), percentile(cpu, 0.99), cpu.max() ?? 0))
                let slowest = cpu.indices.sorted { cpu[$0] > cpu[$1] }.prefix(4)
                print("    slowest (CPU): " + slowest.map { String(format: "'%@' %.1f ms", typed[$0], cpu[$0]) }.joined(separator: ", "))
            }
        }
    }

    @inline(never)
    static func buildIndex(_ catalog: Catalog) -> Searcher { Searcher(index: SearchIndex(catalog: catalog)) }

    @inline(never)
    static func buildLegacy(_ catalog: Catalog) -> LegacySearcher { LegacySearcher(index: LegacySearchIndex(catalog: catalog)) }

    @inline(never)
    static func typeAllQueries(_ queries: [String], rows: Int?, search: (String, Int?) -> [SearchHit], times: inout [Double],
                               cpu: inout [Double], typed: inout [String], results: inout Int) {
        for query in queries {
            var text = ""
            for character in query {
                text.append(character)
                let start = ChildProcess.now()
                let cpuStart = cpuNow()
                results &+= search(text, rows).count
                cpu.append(cpuNow() - cpuStart)
                times.append(ChildProcess.elapsed(since: start))
                typed.append(text)
            }
        }
    }

    /// This thread's CPU time in milliseconds: on a loaded machine, what the work itself cost.
    static func cpuNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
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
        let key = BuiltinCatalog.compiledKey ?? CompiledCatalog.key(of: builtIn.files)
        let start = ChildProcess.now()
        let loaded = CatalogCache(directory: (base as NSString).appendingPathComponent("cache")).load(
            builtIn: builtIn, builtInKey: key, folders: folders)
        FileHandle.standardError.write(Data(String(format: "catalog loaded in %.0f ms (%@)\n", ChildProcess.elapsed(since: start),
                                                   "\(loaded.outcome)").utf8))
        return loaded.catalog
    }

    /// Heap in use (malloc's arenas and its mmapped blocks) from glibc's `mallinfo2`, 0 where that cannot be
    /// called (Swift does not import malloc.h: it is found with dlsym, and its 80-byte result comes back through
    /// the hidden pointer of the x86-64 calling convention).
    static func heapMegabytes() -> Double {
        #if os(Linux) && arch(x86_64)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallinfo2") else { return 0 }
        typealias MallInfo2 = @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?
        let function = unsafeBitCast(symbol, to: MallInfo2.self)
        var fields = [Int](repeating: 0, count: 10)  // arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost
        fields.withUnsafeMutableBytes { _ = function($0.baseAddress!) }
        return Double(fields[7] + fields[4]) / 1_048_576
        #else
        return 0
        #endif
    }

    /// This process's resident set size.
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
