import Foundation
import TriageCore

/// The figures issue 25 compares with fzf, each run interleaved with fzf's counterpart (triage, fzf, triage,
/// fzf, ...) so a machine that gets busier part way through weighs on both alike: process start (`--version`),
/// and one-shot search by query kind (a broad word, an exact code, a vendor's exact message, no match) against
/// `fzf --filter` on the same entries. Without fzf only triage's figures are taken.
struct FzfComparison {
    var triage: String
    var fzf: String?
    var environment: [String: String]
    var catalogArguments: [String]
    /// One line per entry, what fzf reads.
    var lines: String
    var runs: Int

    /// The kinds of one-shot query, made from the catalog's own entries.
    static func queryKinds(for catalog: Catalog, builtIn: Bool) -> [(kind: String, query: String)] {
        let entries = catalog.entries
        guard !entries.isEmpty else { return [] }
        func at(_ fraction: Double) -> Int { min(entries.count - 1, Int(Double(entries.count) * fraction)) }
        let messageEntry = entries.indices.lazy.map { (at(0.37) + $0) % entries.count }
            .first { entries[$0].message != nil } ?? at(0.37)
        return [
            ("broad word", builtIn ? "token" : "invalid"),
            ("exact code", entries.code(at: at(0.61))),
            ("exact message", entries[messageEntry].message ?? entries.code(at: messageEntry)),
            ("no match", "qzxjvw"),
        ]
    }

    /// Medians of `triage --version` and `fzf --version`, interleaved.
    func start() -> (triage: Double, fzf: Double?) {
        var ours: [Double] = [], theirs: [Double] = []
        for _ in 0..<max(5, runs) {
            ours.append(ChildProcess.run(triage, ["--version"], environment: environment, discardOutput: true).milliseconds)
            if let fzf { theirs.append(ChildProcess.run(fzf, ["--version"], environment: environment, discardOutput: true).milliseconds) }
        }
        return (percentile(ours, 0.5), theirs.isEmpty ? nil : percentile(theirs, 0.5))
    }

    /// Medians of `triage search QUERY --limit 20` and `fzf --filter QUERY`, interleaved; broken runs reported.
    func search(_ query: String, broken: inout [String]) -> (triage: Double, fzf: Double?) {
        var ours: [Double] = [], theirs: [Double] = []
        let words = query.split(separator: " ").map(String.init)
        for _ in 0..<runs {
            let run = ChildProcess.run(triage, ["search"] + words + ["--limit", "20"] + catalogArguments,
                                       environment: environment, discardOutput: true)
            if run.status != 0, run.status != 1 { broken.append("triage search \(query) exited \(run.status)") }
            ours.append(run.milliseconds)
            if let fzf {
                theirs.append(ChildProcess.run(fzf, ["--filter", query], environment: environment, input: lines,
                                               discardOutput: true).milliseconds)
            }
        }
        return (percentile(ours, 0.5), theirs.isEmpty ? nil : percentile(theirs, 0.5))
    }

    /// The figures: start, and per query kind triage's time, fzf's and their ratio (target: issue 25's).
    func figures(kinds: [(kind: String, query: String)], builtIn: Bool, broken: inout [String]) -> [Figure] {
        var figures: [Figure] = []
        let start = start()
        figures.append(Figure(name: "process start (--version)", value: start.triage, unit: "ms",
                              target: start.fzf.map { 2 * $0 }, targetNote: start.fzf == nil ? nil : "2x fzf's start"))
        if let theirs = start.fzf { figures.append(Figure(name: "fzf --version", value: theirs, unit: "ms")) }
        for (kind, query) in kinds {
            let timed = search(query, broken: &broken)
            let target = timed.fzf.map { (builtIn ? 2 : 0.5) * $0 }
            figures.append(Figure(name: "search, \(kind)", value: timed.triage, unit: "ms", target: target,
                                  targetNote: target == nil ? nil : builtIn ? "2x fzf --filter" : "0.5x fzf --filter"))
            if let theirs = timed.fzf { figures.append(Figure(name: "fzf --filter, \(kind)", value: theirs, unit: "ms")) }
        }
        return figures
    }
}
