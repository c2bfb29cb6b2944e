// Writes sessions into one database as a diagnosing engineer would: create on the first step, save after each
// later one. The concurrency test starts several of these at once on one file and counts what arrived.
//
// Usage: session-store-stress DB_PATH WORKER SESSIONS
import BuiltinCatalog
import Foundation
import TriageCore
import TriageStorage

let arguments = CommandLine.arguments
guard arguments.count == 4, let sessions = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: session-store-stress DB_PATH WORKER SESSIONS\n".utf8))
    exit(2)
}
let path = arguments[1], worker = arguments[2]
let (catalog, _) = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files)])
guard let tree = catalog.trees.first(where: { $0.id == "sentori-key-account" }) ?? catalog.trees.first else { exit(2) }

do {
    let store = try SQLiteSessionStore(path: path)
    for number in 0..<sessions {
        var session = try DiagnosisSession.start(tree: tree.id, in: catalog)
        let stored = try store.create(SessionSnapshot(session, catalog: catalog), user: "worker-\(worker)",
                                      ticket: "W\(worker)-\(number)", at: Date())
        // Two more steps, each saved as line mode saves them.
        for step in 0..<2 where !session.isFinished {
            guard let current = session.current(in: catalog) else { break }
            switch current.kind {
            case .question: try session.choose(0, in: catalog)
            case .ask: try session.provide("value-\(worker)-\(number)-\(step)", in: catalog)
            case .conclusion, .notDetermined: break
            }
            try store.save(SessionSnapshot(session, catalog: catalog), id: stored.id, at: Date())
        }
    }
} catch {
    FileHandle.standardError.write(Data("worker \(worker): \(error)\n".utf8))
    exit(1)
}
