import Foundation
import GRDB
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// The SQLite session store: round trips, filters, outcomes and stats, and every way a database can be unusable.
@Suite struct SQLiteSessionStoreTests {
    let catalog = Fixtures.shipped.catalog
    let secretKey = "0c7a2b9e-5d1f-4e8a-9b3c-abcdefabcdef"

    func databasePath(_ name: String = "sessions.sqlite") -> String {
        TestPaths.temporaryDirectory("triage-store").appendingPathComponent("state/triage/\(name)").path
    }

    /// Sentori's key tree from code 1: the first step asks for the ApiKey, which is secret.
    func keySession() throws -> DiagnosisSession {
        try DiagnosisSession.start(tree: "sentori-key-account", from: CodeReference(vendor: "sentori", code: "1"),
                                   in: catalog)
    }

    func walk(_ session: inout DiagnosisSession, answers: [String]) throws {
        for answer in answers {
            guard let step = session.current(in: catalog) else { return }
            switch step.kind {
            case .question: try session.choose(Int(answer)! - 1, in: catalog)
            case .ask: try session.provide(answer, in: catalog)
            case .conclusion, .notDetermined: return
            }
        }
    }

    func finishedSession(_ tree: TreeID, code: CodeReference? = nil) throws -> DiagnosisSession {
        var session = try DiagnosisSession.start(tree: tree, from: code, in: catalog)
        var guard_ = 0
        while !session.isFinished, guard_ < 50, let step = session.current(in: catalog) {
            switch step.kind {
            case .question: try session.choose(0, in: catalog)
            case .ask: try session.provide("value", in: catalog)
            case .conclusion, .notDetermined: break
            }
            guard_ += 1
        }
        return session
    }

    @Test func savesEveryStepWithSecretsMaskedAndContinuesFromIt() throws {
        let store = try SQLiteSessionStore(path: databasePath())
        var session = try keySession()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let stored = try store.create(SessionSnapshot(session, catalog: catalog), user: "alice", ticket: "T-1", at: start)
        #expect(stored.status == .open)
        try walk(&session, answers: [secretKey])
        session.setNote("key copied from the ticket")
        try store.save(SessionSnapshot(session, catalog: catalog), id: stored.id, at: start.addingTimeInterval(60))

        let loaded = try #require(try store.load(id: stored.id))
        #expect(loaded.user == "alice")
        #expect(loaded.ticket == "T-1")
        #expect(loaded.startCode == "sentori:1")
        #expect(loaded.diagnosis.path.count == session.path.count)
        #expect(loaded.diagnosis.currentNode == session.currentNode)
        #expect(loaded.diagnosis.note == "key copied from the ticket")
        #expect(loaded.diagnosis.values.values.allSatisfy { !$0.contains("abcdef") }, "the secret is stored masked")
        #expect(loaded.updatedAt == start.addingTimeInterval(60))
        // The stored session continues: the next question is the same as the live session's.
        #expect(loaded.diagnosis.current(in: catalog)?.prompt == session.current(in: catalog)?.prompt)

        // Nothing in the file holds the secret.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: store.path + "-wal"))) ?? Data()
        #expect(bytes.range(of: Data("abcdefabcdef".utf8)) == nil)
        #expect(wal.range(of: Data("abcdefabcdef".utf8)) == nil)
    }

    @Test func twoOpenTicketsStayTwoSessionsAndListFilters() throws {
        let store = try SQLiteSessionStore(path: databasePath())
        let first = try store.create(SessionSnapshot(try keySession(), catalog: catalog), user: "alice", ticket: "T-1", at: Date())
        let second = try store.create(SessionSnapshot(try keySession(), catalog: catalog), user: "bob", ticket: "T-2", at: Date())
        let done = try store.create(SessionSnapshot(try finishedSession("sentori-lists"), catalog: catalog), user: "alice",
                                    ticket: "T-1", at: Date())
        #expect(first.id != second.id)
        #expect(try store.list(SessionFilter()).count == 3)
        #expect(try store.list(SessionFilter(status: .open)).map(\.id).sorted() == [first.id, second.id])
        #expect(try store.list(SessionFilter(ticket: "T-1")).map(\.id).sorted() == [first.id, done.id])
        #expect(try store.list(SessionFilter(user: "bob")).map(\.id) == [second.id])
        #expect(try store.list(SessionFilter(ticket: "T-1", status: .open)).map(\.id) == [first.id])
        #expect(try store.load(id: done.id)?.status == .finished)
        #expect(try store.load(id: done.id)?.conclusion != nil)

        #expect(try store.abandon(id: first.id, at: Date()))
        #expect(try store.load(id: first.id)?.status == .abandoned)
        #expect(try store.delete(id: second.id))
        #expect(try store.delete(id: second.id) == false)
        #expect(try store.load(id: second.id) == nil)
    }

    @Test func aPauseReasonIsKeptUntilTheNextStepTheHostIsRecordedAndAnOldDatabaseGainsThem() throws {
        let path = databasePath()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        // A database of schema version 1 (before pauses), as an older Triage left it.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TABLE session (id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, ticket TEXT,
                  tree TEXT NOT NULL, start_code TEXT, status TEXT NOT NULL, steps INTEGER NOT NULL,
                  current_tree TEXT NOT NULL, current_node TEXT NOT NULL, state TEXT NOT NULL,
                  created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, ended_at DATETIME,
                  conclusion_tree TEXT, conclusion_node TEXT, conclusion_title TEXT,
                  conclusion_undetermined BOOLEAN NOT NULL DEFAULT 0, outcome TEXT, outcome_at DATETIME);
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1-sessions');
                PRAGMA user_version = 1;
                """)
        }
        let store = try SQLiteSessionStore(path: path)
        var session = try keySession()
        let stored = try store.create(SessionSnapshot(session, catalog: catalog), user: "alice", ticket: "T-1", at: Date())
        #expect(try store.load(id: stored.id)?.pausedReason == nil)
        #expect(try store.load(id: stored.id)?.host == TranscriptContext.currentHost, "the host it was started on")
        #expect(try store.pause(id: stored.id, reason: "waiting for the customer's logs", at: Date()))
        #expect(try store.list(SessionFilter(ticket: "T-1")).first?.pausedReason == "waiting for the customer's logs")
        try walk(&session, answers: [secretKey])
        try store.save(SessionSnapshot(session, catalog: catalog), id: stored.id, at: Date())
        #expect(try store.load(id: stored.id)?.pausedReason == nil, "the next step resumes it")
        #expect(try store.pause(id: 999, reason: "x", at: Date()) == false)
        let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == SQLiteSessionStore.schemaVersion)
    }

    @Test func statsCountOutcomesPerTreeAndConclusion() throws {
        let store = try SQLiteSessionStore(path: databasePath())
        let outcomes: [SessionOutcome?] = [.solved, .solved, .notSolved, .escalated, nil]
        for outcome in outcomes {
            let stored = try store.create(SessionSnapshot(try finishedSession("sentori-lists"), catalog: catalog),
                                          user: "alice", ticket: nil, at: Date())
            if let outcome { #expect(try store.setOutcome(outcome, id: stored.id, at: Date())) }
        }
        let open = try store.create(SessionSnapshot(try keySession(), catalog: catalog), user: "bob", ticket: "X", at: Date())
        _ = try store.abandon(id: open.id, at: Date())
        // Changed later: one "solved" becomes "not solved".
        let first = try #require(try store.list(SessionFilter(user: "alice")).last)
        #expect(try store.setOutcome(.notSolved, id: first.id, at: Date()))

        let stats = try store.stats(since: nil)
        let lists = try #require(stats.trees.first { $0.tree == "sentori-lists" })
        #expect(lists.count == 5)
        #expect(lists.solved == 1)
        #expect(lists.notSolved == 2)
        #expect(lists.escalated == 1)
        #expect(lists.abandoned == 0)
        #expect(lists.undetermined == 0)
        let key = try #require(stats.trees.first { $0.tree == "sentori-key-account" })
        #expect(key.count == 1)
        #expect(key.abandoned == 1)
        #expect(stats.conclusions.count == 1)
        #expect(stats.conclusions.first?.count == 5)
        #expect(stats.conclusions.first?.node == (try finishedSession("sentori-lists")).currentNode)
        #expect(try store.stats(since: Date().addingTimeInterval(3600)).trees.isEmpty)
    }

    @Test func goingBackFromAConclusionReopensAndClearsTheOutcome() throws {
        let store = try SQLiteSessionStore(path: databasePath())
        var session = try finishedSession("sentori-lists")
        let stored = try store.create(SessionSnapshot(session, catalog: catalog), user: "a", ticket: nil, at: Date())
        #expect(try store.setOutcome(.solved, id: stored.id, at: Date()))
        session.back()
        try store.save(SessionSnapshot(session, catalog: catalog), id: stored.id, at: Date())
        let reopened = try #require(try store.load(id: stored.id))
        #expect(reopened.status == .open)
        #expect(reopened.outcome == nil)
        #expect(reopened.conclusion == nil)
        #expect(reopened.endedAt == nil)
    }

    @Test func newFilesArePrivateAndASharedFileKeepsItsMode() throws {
        let path = databasePath()
        _ = try SQLiteSessionStore(path: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try mode(folder) == 0o700)
        #expect(try mode(URL(fileURLWithPath: folder).deletingLastPathComponent().path) == 0o700)
        #expect(try mode(path) == 0o600)

        // A team's shared database: group-writable, in a group-writable folder. Opening it changes neither.
        let team = TestPaths.temporaryDirectory("triage-team")
        try FileManager.default.setAttributes([.posixPermissions: 0o2770], ofItemAtPath: team.path)
        let shared = team.appendingPathComponent("sessions.sqlite").path
        _ = try SQLiteSessionStore(path: shared)
        try FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: shared)
        let store = try SQLiteSessionStore(path: shared)
        _ = try store.create(SessionSnapshot(try keySession(), catalog: catalog), user: "a", ticket: nil, at: Date())
        #expect(try mode(shared) == 0o660)
        #expect(try mode(team.path) & 0o7777 == 0o2770)
        if FileManager.default.fileExists(atPath: shared + "-wal") { #expect(try mode(shared + "-wal") == 0o660) }
    }

    @Test func aDatabaseFromANewerTriageIsRefusedAndLeftUntouched() throws {
        let path = databasePath()
        let store = try SQLiteSessionStore(path: path)
        _ = try store.create(SessionSnapshot(try keySession(), catalog: catalog), user: "a", ticket: nil, at: Date())
        // A later version: a higher user_version.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 7") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            try SQLiteSessionStore(path: path)
        } throws: { error in
            guard case let .newerVersion(_, detail)? = error as? SessionStoreError else { return false }
            return detail.contains("schema version 7")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // Or a migration this build does not know.
        let other = databasePath()
        _ = try SQLiteSessionStore(path: other)
        try DatabaseQueue(path: other).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-teams')") }
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect {
            try SQLiteSessionStore(path: other)
        } throws: { error in
            "\(error)".contains("newer version of Triage") && "\(error)".contains("v9-teams")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore)
    }

    @Test func aCorruptFileIsRefusedAndLeftUntouched() throws {
        let path = databasePath()
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            try SQLiteSessionStore(path: path)
        } throws: { error in
            guard case .damaged? = error as? SessionStoreError else { return false }
            return "\(error)".contains("is damaged")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    /// The attack: a FIFO (or a link to one) where the database should be hung every sessions command.
    @Test func aFIFOOrALinkToOneIsRefusedAtOnce() throws {
        let base = TestPaths.temporaryDirectory("triage-fifo")
        let fifo = base.appendingPathComponent("sessions.sqlite").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = base.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        for path in [fifo, link] {
            #expect {
                try SQLiteSessionStore(path: path)
            } throws: { error in
                "\(error)".contains("it is not a regular file")
            }
        }
    }

    @Test func unusablePlacesSayWhy() throws {
        // The state folder is a file.
        let base = TestPaths.temporaryDirectory("triage-store")
        let file = base.appendingPathComponent("state")
        try Data("not a folder".utf8).write(to: file)
        #expect {
            try SQLiteSessionStore(path: file.appendingPathComponent("triage/sessions.sqlite").path)
        } throws: { error in
            "\(error)".contains("is a file, not a folder")
        }
        // A folder that cannot be written (as root, permissions do not stop a write: /proc does).
        let unwritable: String
        if geteuid() == 0 {
            unwritable = "/proc/triage-\(UUID().uuidString)/sessions.sqlite"
        } else {
            let folder = TestPaths.temporaryDirectory("triage-readonly")
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
            unwritable = folder.appendingPathComponent("sessions.sqlite").path
        }
        #expect {
            try SQLiteSessionStore(path: unwritable)
        } throws: { error in
            guard case .unavailable? = error as? SessionStoreError else { return false }
            return "\(error)".contains(unwritable)
        }
        // Another program's database.
        let foreign = databasePath()
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: foreign).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        // Opened read-only and never altered: listing says what it is.
        let opened = try SQLiteSessionStore(path: foreign)
        #expect {
            try opened.list(SessionFilter())
        } throws: { error in
            "\(error)".contains("not a Triage sessions database")
        }
    }

    @Test func aFullDatabaseFailsTheWriteWithoutLosingWhatWasSaved() throws {
        let path = databasePath()
        let first = try SQLiteSessionStore(path: path)
        let kept = try first.create(SessionSnapshot(try keySession(), catalog: catalog), user: "a", ticket: "T", at: Date())
        // max_page_count at the current size: the file cannot grow, like a full disk.
        let store = try SQLiteSessionStore(path: path, options: .init(maxPageCount: 1))
        var failure: Error?
        for _ in 0..<200 {
            do {
                _ = try store.create(SessionSnapshot(try finishedSession("sentori-lists"), catalog: catalog),
                                     user: "a", ticket: nil, at: Date())
            } catch {
                failure = error
                break
            }
        }
        let error = try #require(failure)
        #expect(error as? SessionStoreError == .full(path: path))
        #expect("\(error)".contains("is full"))
        #expect(try store.load(id: kept.id)?.ticket == "T", "what was saved before is still there")
    }

    @Test func theRecorderWarnsOnceAndNeverStopsTheDiagnosis() throws {
        var warnings: [String] = []
        let recorder = SessionRecorder(store: nil, unavailableReason: "the disk is full", catalog: catalog, user: "a",
                                       ticket: nil) { warnings.append($0) }
        var session = try keySession()
        recorder.record(session)
        try walk(&session, answers: [secretKey])
        recorder.record(session)
        #expect(warnings == ["this session is not being saved: the disk is full"])
        #expect(!recorder.isSaved)

        // A store that fills up mid-diagnosis: one warning, however many steps fail; the steps still happen.
        let path = databasePath()
        let opened = try SQLiteSessionStore(path: path)
        let full = try SQLiteSessionStore(path: path, options: .init(maxPageCount: 1))
        var fullWarnings: [String] = []
        let recorder2 = SessionRecorder(store: full, catalog: catalog, user: "a", ticket: "T") { fullWarnings.append($0) }
        var live = try keySession()
        for step in 0..<3 {
            live.setNote(String(repeating: "long note \(step) ", count: 800))
            recorder2.record(live)
        }
        #expect(fullWarnings.count == 1)
        #expect(fullWarnings.first?.contains("is full") == true)
        #expect(!recorder2.isSaved)
        #expect(try opened.list(SessionFilter()).isEmpty)
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o7777
    }
}
