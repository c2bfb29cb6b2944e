import BuiltinCatalog
import CatalogGenerator
import Foundation
import TriageCore
import TerminalKit
import TriageUI

/// Measures one catalog size: through the real `triage` binary (cold and warm load from files, start to first
/// frame on a pseudo terminal, one-shot search, peak memory of each process) and in process (per-keystroke
/// latency, full frames), and against fzf on the same entries when fzf is installed.
struct Benchmark {
    var triage: String
    var fzf: String?
    var workDirectory: String
    var smoke: Bool
    var seed: UInt64
    /// Set when a child process failed or the generated catalog did not load: the benchmark itself is broken.
    var brokenReasons: [String] = []

    /// `codes == nil` measures the built-in catalog alone.
    mutating func measure(codes: Int?) throws -> SizeReport {
        let label = codes.map { "\($0) codes" } ?? "built-in"
        let base = (workDirectory as NSString).appendingPathComponent(codes.map { "codes-\($0)" } ?? "built-in")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        var catalogArguments: [String] = []
        var report = SizeReport(name: label, codes: 0)
        if let codes {
            let catalogDirectory = (base as NSString).appendingPathComponent("catalog")
            // Folders stay under triage's per-folder cap; a 100,000-code catalog is several --catalog folders.
            let summary = try CatalogGenerator(codes: codes, seed: seed)
                .write(to: catalogDirectory, folderLimit: CatalogLimits.maximumFolderBytes - (1 << 20))
            report.distinctWords = summary.distinctWords
            catalogArguments = summary.folders.flatMap { ["--catalog", $0] }
        }
        let runs = smoke ? 1 : ((codes ?? 0) >= 50_000 ? 2 : 5)

        let home = (base as NSString).appendingPathComponent("home")
        let cache = (base as NSString).appendingPathComponent("cache")
        try? FileManager.default.removeItem(atPath: cache)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let environment = ["HOME": home, "XDG_CACHE_HOME": cache, "XDG_STATE_HOME": (base as NSString).appendingPathComponent("state"),
                           "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"]

        // Cold (no cache) and warm load through the binary.
        let cold = ChildProcess.run(triage, ["vendors"] + catalogArguments, environment: environment, discardOutput: true)
        check(cold, "\(label): triage vendors")
        report.figures.append(Figure(name: "cold load (triage vendors, no cache)", value: cold.milliseconds, unit: "ms",
                                     target: 5000, targetNote: "cold 100k build"))
        let warm = (0..<runs).map { _ in ChildProcess.run(triage, ["vendors"] + catalogArguments, environment: environment, discardOutput: true) }
        warm.forEach { check($0, "\(label): triage vendors (warm)") }
        report.figures.append(Figure(name: "warm load (triage vendors)", value: percentile(warm.map(\.milliseconds), 0.5), unit: "ms"))

        // In process, exactly as triage loads: the compiled built-in catalog, or the (now warm) cache.
        let loadStart = ChildProcess.now()
        let catalog: Catalog
        if !catalogArguments.isEmpty {
            let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
            let key = BuiltinCatalog.compiledKey ?? CompiledCatalog.key(of: builtIn.files)
            let loaded = CatalogCache(directory: cache + "/triage").load(builtIn: builtIn, builtInKey: key,
                                                                         folders: catalogArguments.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
            if let problem = loaded.problems.first { brokenReasons.append("\(label): the catalog has problems: \(problem)") }
            if loaded.outcome != .hit { brokenReasons.append("\(label): the cache triage wrote was not used: \(loaded.outcome)") }
            catalog = loaded.catalog
        } else {
            catalog = BuiltinCatalog.catalog() ?? CatalogLoader.load(
                [CatalogSource.builtIn(BuiltinCatalog.files)]).catalog
        }
        report.figures.append(Figure(name: "warm load in process", value: ChildProcess.elapsed(since: loadStart), unit: "ms"))
        report.codes = catalog.entries.count

        // Start to first frame at 80x24, and fzf's first frame on the same entries.
        let lines = (base as NSString).appendingPathComponent("entries.txt")
        try entryLines(catalog).write(toFile: lines, atomically: true, encoding: .utf8)
        var fzfFrame: Double?
        if let fzf {
            let frames = (0..<runs).compactMap { _ in
                ChildProcess.runOnTerminal(fzf, [], environment: environment, width: 80, height: 24, input: lines).firstFrameMilliseconds
            }
            if !frames.isEmpty { fzfFrame = percentile(frames, 0.5) }
        }
        let starts = (0..<runs).map { _ in
            ChildProcess.runOnTerminal(triage, catalogArguments, environment: environment, width: 80, height: 24)
        }
        // Memory in separate runs (through GNU time when installed), so the wrapper never counts in the times.
        let memoryStart = ChildProcess.runOnTerminal(triage, catalogArguments, environment: environment, width: 80,
                                                     height: 24, measureMemory: true)
        let frames = starts.compactMap(\.firstFrameMilliseconds)
        if frames.count != starts.count { brokenReasons.append("\(label): triage drew no first frame") }
        let frameTarget: Double
        let frameNote: String
        if codes == nil {
            frameTarget = fzfFrame.map { 1.5 * $0 } ?? 30
            frameNote = fzfFrame == nil ? "goal without fzf" : "1.5x fzf's first frame (issue 25)"
        } else {
            frameTarget = 2 * (fzfFrame ?? 48)
            frameNote = fzfFrame == nil ? "2x fzf's 48 ms measured at 100k" : "2x fzf's first frame"
        }
        report.figures.append(Figure(name: "start to first frame (80x24)", value: percentile(frames, 0.5), unit: "ms",
                                     target: frameTarget, goal: codes == nil ? 30 : nil, targetNote: frameNote))
        if let fzfFrame {
            report.figures.append(Figure(name: "fzf first frame, same entries", value: fzfFrame, unit: "ms"))
        }
        report.figures.append(Figure(name: "peak memory, browser start", value: memoryStart.peakMegabytes,
                                     unit: "MB", target: 150))

        // One-shot search through the binary against fzf --filter.
        let queries = Self.queries(for: catalog, builtIn: codes == nil)
        let oneShot = Array(queries.prefix(3))
        var searchTime = 0.0, searchPeak = 0.0
        for query in oneShot {
            let words = query.split(separator: " ").map(String.init)
            let times = (0..<runs).map { _ -> Double in
                let run = ChildProcess.run(triage, ["search"] + words + ["--limit", "20"] + catalogArguments,
                                           environment: environment, discardOutput: true)
                if run.status != 0, run.status != 1 { brokenReasons.append("\(label): triage search \(query) exited \(run.status)") }
                return run.milliseconds
            }
            searchTime += percentile(times, 0.5)
            let measured = ChildProcess.run(triage, ["search"] + words + ["--limit", "20"] + catalogArguments,
                                            environment: environment, discardOutput: true, measureMemory: true)
            searchPeak = max(searchPeak, measured.peakMegabytes)
        }
        searchTime /= Double(oneShot.count)
        report.figures.append(Figure(name: "triage search, whole process", value: searchTime, unit: "ms"))
        report.figures.append(Figure(name: "peak memory, triage search", value: searchPeak, unit: "MB",
                                     target: codes == nil ? 150 : 100 * max(1, Double(codes!) / 100_000)))
        if let fzf {
            var fzfTime = 0.0
            for query in oneShot {
                let times = (0..<runs).map { _ in
                    ChildProcess.run(fzf, ["--filter", query], environment: environment, input: lines, discardOutput: true).milliseconds
                }
                fzfTime += percentile(times, 0.5)
            }
            fzfTime /= Double(oneShot.count)
            report.figures.append(Figure(name: "fzf --filter, same entries", value: fzfTime, unit: "ms"))
            // Issue 25: the built-in catalog within 2x of fzf (process start dominates); at sizes, 1x, goal 0.5x.
            report.figures.append(Figure(name: "triage search / fzf --filter", value: searchTime / fzfTime, unit: "x",
                                         target: codes == nil ? 2 : 1, goal: 0.5))
        }

        // Issue 25's comparisons: start, and each kind of one-shot query, interleaved with fzf's.
        let comparison = FzfComparison(triage: triage, fzf: fzf, environment: environment,
                                       catalogArguments: catalogArguments, lines: lines, runs: runs)
        var comparisonBroken: [String] = []
        report.figures += comparison.figures(kinds: FzfComparison.queryKinds(for: catalog, builtIn: codes == nil),
                                             builtIn: codes == nil, broken: &comparisonBroken)
        brokenReasons += comparisonBroken.map { "\(label): \($0)" }

        // In process: typing each query a character at a time into the browser, and whole frames. The search
        // index comes as triage has it: from the store beside the cache file, made ahead once the first frame is
        // up (`.prepareSearch`, performed here as the runner does); the first key comes after the engineer's
        // pause, by when it is made.
        var options = BrowserOptions()
        let makeIndex: @Sendable (Catalog) -> SearchIndex
        if !catalogArguments.isEmpty {
            let store = SearchIndexStore(catalogFile: CatalogCache(directory: cache + "/triage").file(
                builtInKey: BuiltinCatalog.compiledKey ?? CompiledCatalog.key(of: BuiltinCatalog.files),
                folders: catalogArguments.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)))
            makeIndex = { store.index(for: $0).index }
        } else {
            makeIndex = BuiltinCatalog.index(for:)
        }
        let prefetch = SearchIndexPrefetch(make: makeIndex)
        options.makeSearchIndex = { prefetch.index(for: $0) }
        var browser = BrowserProgram(catalog: catalog, options: options)
        let ahead = ChildProcess.now()
        for effect in browser.update(.resize(width: 80, height: 24)).effects where effect == .prepareSearch {
            prefetch.start(for: catalog)
        }
        prefetch.waitUntilMade()
        report.figures.append(Figure(name: "index made ahead (after the first frame)",
                                     value: ChildProcess.elapsed(since: ahead), unit: "ms"))
        if prefetch.counts.started != 1 { brokenReasons.append("\(label): the index was not made ahead") }
        var keystrokes: [Double] = []
        for query in queries {
            _ = browser.update(.key(.escape))
            _ = browser.update(.key(.character("/")))
            for character in query {
                let start = ChildProcess.now()
                _ = browser.update(.key(.character(character)))
                _ = browser.view(RenderContext(width: 80, height: 24))
                keystrokes.append(ChildProcess.elapsed(since: start))
            }
        }
        if prefetch.counts.handedOver != 1 { brokenReasons.append("\(label): the index made ahead was not used") }
        report.figures.append(Figure(name: "first keystroke (index made ahead)", value: keystrokes.first ?? 0,
                                     unit: "ms", target: 16))
        report.figures.append(Figure(name: "keystroke median (search + 80x24 frame)", value: percentile(keystrokes, 0.5),
                                     unit: "ms", target: 16, goal: 5))
        report.figures.append(Figure(name: "keystroke p99", value: percentile(keystrokes, 0.99), unit: "ms",
                                     target: 16, goal: 5))
        for (width, height) in [(80, 24), (200, 60)] {
            _ = browser.update(.resize(width: width, height: height))
            let times = (0..<(smoke ? 2 : 30)).map { _ in
                let start = ChildProcess.now()
                _ = browser.view(RenderContext(width: width, height: height))
                return ChildProcess.elapsed(since: start)
            }
            report.figures.append(Figure(name: "full frame \(width)x\(height) (median)", value: percentile(times, 0.5),
                                         unit: "ms", target: 16, goal: 2))
        }
        if smoke { report.figures = report.figures.map { var figure = $0; figure.target = nil; figure.goal = nil; return figure } }
        return report
    }

    private mutating func check(_ run: ChildResult, _ what: String) {
        if run.status != 0 { brokenReasons.append("\(what) exited \(run.status)") }
    }

    /// One line per entry for fzf: the text triage searches (vendor, code, status, message, category,
    /// keywords, description, hints).
    private func entryLines(_ catalog: Catalog) -> String {
        var text = ""
        for entry in catalog.entries {
            var parts = [entry.vendor, entry.code]
            if let status = entry.httpStatus { parts.append(String(status)) }
            if let message = entry.message { parts.append(message) }
            parts.append(entry.category)
            parts += entry.keywords
            parts.append(entry.description)
            parts += entry.causes + entry.checks
            text += parts.joined(separator: " ").replacingOccurrences(of: "\n", with: " ") + "\n"
        }
        return text
    }

    /// Queries people type: for the built-in catalog the usual ones; for a generated catalog, made from its
    /// own entries (a message, a code as words, a typo, a status with a word, common words).
    static func queries(for catalog: Catalog, builtIn: Bool) -> [String] {
        if builtIn {
            return ["install not found", "instal not fund", "auth token", "403", "group member banned", "err too many requests"]
        }
        let entries = catalog.entries
        func entry(_ fraction: Double) -> CatalogEntry { entries[min(entries.count - 1, Int(Double(entries.count) * fraction))] }
        func firstWords(_ text: String, _ count: Int) -> String {
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(count).joined(separator: " ")
        }
        let message = firstWords(entry(0.37).message ?? entry(0.37).description, 3)
        let code = firstWords(entry(0.61).code.replacingOccurrences(of: "_", with: " "), 3)
        var typo = firstWords(entry(0.83).message ?? entry(0.83).description, 2)
        if let long = typo.split(separator: " ").first(where: { $0.count >= 5 }) {
            var broken = String(long)
            broken.remove(at: broken.index(broken.startIndex, offsetBy: 2))
            typo = typo.replacingOccurrences(of: String(long), with: broken)
        }
        let status = "\(entry(0.5).httpStatus ?? 404) \(firstWords(entry(0.5).description, 1))"
        return [message, code, typo, status, "invalid token", "expired session key"].filter { !$0.isEmpty }
    }
}
