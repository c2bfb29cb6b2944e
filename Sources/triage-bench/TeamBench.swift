import Foundation
import TriageCore
import TriageStorage
import TriageTeam
#if canImport(Glibc)
import Glibc
#endif

/// `triage-bench team --url postgres://...`: 8 hosts × 500 sessions × 10 steps, each host its own SQLite file,
/// pushed to the team store at once; then a new host pulls every event. Prints events per second and the
/// process's peak memory after each phase. Needs a PostgreSQL it may fill (an empty database).
enum TeamBench {
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    static func run(url: String, hosts: Int, sessions: Int, steps: Int, work: String) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TRIAGE_TEAM_DB"] = url
        let config = try TeamConfig.from(environment: environment) ?? TeamConfig.parse(url)
        let catalog = try SessionStoreBench.catalog(steps: steps)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        var stores: [SQLiteSessionStore] = []
        for host in 0..<hosts {
            let path = (work as NSString).appendingPathComponent("host-\(getpid())-\(host).sqlite")
            let store = try SQLiteSessionStore(path: path)
            for index in 0..<sessions {
                let recorder = SessionRecorder(store: store, catalog: catalog, user: "bench\(host)", ticket: "B-\(host)-\(index)") { _ in }
                var session = try DiagnosisSession.start(tree: "chain", in: catalog)
                for step in 0..<steps {
                    try session.provide("value \(step)", in: catalog)
                    recorder.record(session)
                }
            }
            stores.append(store)
        }
        let hostStores = stores
        let events = try hostStores.map { try $0.events(after: 0, limit: Int.max).count }.reduce(0, +)
        let memoryBefore = peakMemory()
        let clock = ContinuousClock()
        let pushTime = try clock.measure {
            _ = try TeamBlocking.run {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for (index, store) in hostStores.enumerated() {
                        group.addTask {
                            var sync = TeamSync(store: store, config: config)
                            sync.hostName = "bench-host-\(index)"
                            return try await sync.run(timeout: .seconds(30)).pushed
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
        }
        let memoryAfterPush = peakMemory()
        var pulled = 0
        let pullTime = try clock.measure {
            pulled = try TeamBlocking.run {
                let server = try await TeamServer.connect(config, timeout: .seconds(30))
                var cursor: Int64 = 0
                var count = 0
                while true {
                    let page = try await server.events(after: cursor, limit: 5000)
                    if page.events.isEmpty { break }
                    count += page.events.count
                    cursor = page.last
                }
                await server.close()
                return count
            }
        }
        let memoryAfterPull = peakMemory()
        func rate(_ count: Int, _ duration: Duration) -> Int {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return Int(Double(count) / max(seconds, 0.001))
        }
        print("team: \(hosts) hosts × \(sessions) sessions × \(steps) steps = \(events) events")
        print("  push, all hosts at once: \(pushTime), \(rate(events, pushTime)) events/s, peak memory \(memoryAfterPush / 1_048_576) MB (\(memoryBefore / 1_048_576) MB before)")
        print("  a new host pulling all \(pulled): \(pullTime), \(rate(pulled, pullTime)) events/s, peak memory \(memoryAfterPull / 1_048_576) MB")
        for store in stores { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) } }
    }
}
