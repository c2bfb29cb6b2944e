import Foundation
import TriageCore
import TriageStorage
#if canImport(Glibc)
import Glibc
#endif

/// `triage-bench sessions`: a diagnosis of N steps recorded into a real SQLite file after every step, as line mode
/// does with N `--answer` values. Saving appends the step instead of rewriting the session, so the time per step
/// stays flat: the figure is the time per step over the first and the last tenth, and the total.
enum SessionStoreBench {
    static let vendor = "vendor:\n  id: acme\n  name: Acme\ncategories:\n  - {id: auth, name: Auth}\ncodes:\n  - {code: E1, category: auth, description: x}\n"

    /// A chain of `count` asks ending in a conclusion.
    static func chain(_ count: Int) -> String {
        var text = "id: chain\ntitle: A long chain\nvendors: [acme]\nstart: n0\nnodes:\n"
        for index in 0..<count {
            text += "  n\(index):\n    ask: Value \(index)\n    var: V\(index)\n    next: \(index + 1 == count ? "done" : "n\(index + 1)")\n"
        }
        text += "  done:\n    conclusion: Done\n    steps: [Stop.]\n"
        return text
    }

    static func catalog(steps: Int) throws -> Catalog {
        let loaded = CatalogLoader.load([CatalogSource(name: "bench", files: [("v.yaml", vendor), ("chain.yaml", chain(steps))])])
        guard loaded.problems.isEmpty else { throw BenchError("chain catalog: \(loaded.problems.prefix(2))") }
        return loaded.catalog
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func run(steps: Int, work: String) throws {
        let catalog = try catalog(steps: steps)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let path = (work as NSString).appendingPathComponent("sessions-\(getpid())-\(steps).sqlite")
        let store = try SQLiteSessionStore(path: path)
        let recorder = SessionRecorder(store: store, catalog: catalog, user: "bench", ticket: "BENCH") {
            FileHandle.standardError.write(Data("triage-bench: \($0)\n".utf8))
        }
        var session = try DiagnosisSession.start(tree: "chain", in: catalog)
        let clock = ContinuousClock()
        let tenth = max(1, steps / 10)
        var firstTenth = Duration.zero
        var lastTenth = Duration.zero
        let total = try clock.measure {
            for index in 0..<steps {
                let step = try clock.measure {
                    try session.provide("value \(index) with a few more words", in: catalog)
                    recorder.record(session)
                }
                if index < tenth { firstTenth += step }
                if index >= steps - tenth { lastTenth += step }
            }
        }
        guard recorder.isSaved, try store.load(id: recorder.id ?? 0)?.diagnosis.stepCount == steps else {
            throw BenchError("the session was not saved whole")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        func perStep(_ duration: Duration) -> String {
            String(format: "%.3f ms", Double(duration.components.attoseconds) / 1e15 / Double(tenth) + Double(duration.components.seconds) * 1000 / Double(tenth))
        }
        print("sessions: \(steps) steps saved one by one in \(total); per step: first tenth \(perStep(firstTenth)), last tenth \(perStep(lastTenth)); database \(size / 1024) KiB")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
