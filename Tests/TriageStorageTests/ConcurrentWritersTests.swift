import Foundation
import Synchronization
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// Several processes writing into one database at once, as engineers sharing a team file do.
@Suite struct ConcurrentWritersTests {
    @Test func eightProcessesWritingTwoHundredSessionsEachLoseNone() throws {
        let path = TestPaths.temporaryDirectory("triage-concurrent").appendingPathComponent("sessions.sqlite").path
        let stress = TestPaths.triageBinary.deletingLastPathComponent().appendingPathComponent("session-store-stress")
        try #require(FileManager.default.isExecutableFile(atPath: stress.path), "built with the tests: \(stress.path)")
        let workers = 8, sessions = 200
        var processes: [(Process, Pipe)] = []
        for worker in 1...workers {
            let process = Process()
            process.executableURL = stress
            process.arguments = [path, "\(worker)", "\(sessions)"]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            processes.append((process, errors))
        }
        for (process, errors) in processes {
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(message)")
            #expect(!message.contains("locked"))
        }
        let store = try SQLiteSessionStore(path: path)
        let all = try store.list(SessionFilter())
        #expect(all.count == workers * sessions)
        #expect(Set(all.compactMap(\.ticket)).count == workers * sessions)
        for worker in 1...workers {
            let mine = try store.list(SessionFilter(user: "worker-\(worker)"))
            #expect(mine.count == sessions)
            #expect(mine.allSatisfy { $0.diagnosis.path.count >= 2 }, "every step saved")
        }
    }

    /// The race the stress test once lost in CI: several connections creating the same new file at the same
    /// moment. Every one must open it, whichever commits each migration first.
    @Test func connectionsCreatingOneNewFileAtOnceAllOpenIt() throws {
        let folder = TestPaths.temporaryDirectory("triage-migrate-race")
        for round in 0..<40 {
            let path = folder.appendingPathComponent("sessions-\(round).sqlite").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do { _ = try SQLiteSessionStore(path: path) } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "round \(round)")
        }
    }
}
