import Foundation
import TerminalKit
import Testing
import TestSupport
import TriageCore
import TriageRuntime
import TriageStorage
@testable import TriageUI

/// Five tickets at once, in memory against a real SQLite file: three tickets with open diagnoses, the switcher
/// (`Ctrl-O`) lists all three with the question each waits at, switching back and forth and answering in each
/// leaves three rows with exactly their own steps, and a pause reason survives a restart.
@Suite("Sessions: switching between open diagnoses", .serialized)
struct SwitcherTests {
    /// The program, its effects performed against `store` by the binary's own performer.
    struct Driver {
        let store: SQLiteSessionStore
        let performer: SessionEffects
        var program: BrowserProgram
        var clock: Date

        init(store: SQLiteSessionStore) {
            self.store = store
            clock = Date(timeIntervalSince1970: 1_800_000_000)
            performer = SessionEffects(store: store, catalog: Fixtures.shipped.catalog, user: "alice",
                                       now: { Date(timeIntervalSince1970: 1_800_000_600) })
            program = Self.start()
            send(.resize(width: 120, height: 30))
        }

        static func start() -> BrowserProgram {
            var options = BrowserOptions(clock: { Date(timeIntervalSince1970: 1_800_000_900) })
            options.recordsSessions = true
            options.user = "alice"
            return BrowserProgram(catalog: Fixtures.shipped.catalog, options: options)
        }

        mutating func restart() {
            for effect in program.shutdown() { _ = performer.perform(effect) }
            program = Self.start()
            send(.resize(width: 120, height: 30))
        }

        mutating func send(_ event: InputEvent) {
            var pending = program.update(event).effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                let answer = performer.perform(effect) ?? ({ if case .copy = effect { true } else { false } }() ? .notCopied(reason: "test") : .memorySaved)
                pending += program.answer(answer).effects
            }
        }

        mutating func keys(_ keys: Key...) { for key in keys { send(.key(key)) } }
        mutating func type(_ text: String) { for character in text { send(.key(.character(character))) } }
        var screen: String { program.view(RenderContext(width: 120, height: 30)).text }

        /// Sets the ticket new diagnoses take, then starts tree number `tree` of the tree list and answers 1.
        mutating func open(ticket: String, tree: Int) {
            keys(.character("T"), .control("u"))
            type(ticket)
            keys(.enter, .character("t"))
            for _ in 0..<tree { keys(.down) }
            keys(.enter)
            if program.state.mode == .prompt { keys(.character("n")) }
            keys(.character("1"))
            keys(.escape)
        }
    }

    static func store(_ name: String) throws -> SQLiteSessionStore {
        try SQLiteSessionStore(path: TestPaths.temporaryDirectory(name).appendingPathComponent("sessions.sqlite").path)
    }

    @Test("three tickets: the switcher lists them with their questions; switching and answering keeps each its own steps")
    func threeTickets() throws {
        var run = Driver(store: try Self.store("triage-switcher-three"))
        // Trees whose first question is a question (answer 1 moves on), so each stores a row.
        run.open(ticket: "ZD-1", tree: 0)
        run.open(ticket: "ZD-2", tree: 1)
        run.open(ticket: "ZD-3", tree: 2)
        let stored = try run.store.list(SessionFilter(status: .open))
        #expect(Set(stored.compactMap(\.ticket)) == ["ZD-1", "ZD-2", "ZD-3"])
        let steps = Dictionary(uniqueKeysWithValues: stored.map { ($0.ticket ?? "", $0.diagnosis.path.count) })

        run.keys(.control("o"))
        #expect(run.program.state.mode == .switcher)
        let listed = run.screen
        for session in stored {
            let question = try #require(session.diagnosis.current(in: Fixtures.shipped.catalog)?.prompt)
            let row = try #require(listed.split(separator: "\n").first { $0.contains(session.ticket ?? "?") })
            #expect(row.contains("#\(session.id)"))
            #expect(row.contains(String(question.prefix(20))), "\(session.ticket ?? ""): \(row)")
        }
        // Filter to ZD-1, resume it, answer once more; then ZD-2, answer; then back to ZD-1.
        run.type("ZD-1")
        run.keys(.enter)
        #expect(run.program.state.diagnosis?.recording.ticket == "ZD-1")
        #expect(run.screen.contains("ZD-1 #"))
        run.keys(.character("1"))
        run.keys(.control("o"))
        run.type("ZD-2")
        run.keys(.enter)
        #expect(run.program.state.diagnosis?.recording.ticket == "ZD-2")
        run.keys(.character("1"))
        run.keys(.control("o"), .escape, .escape)
        #expect(run.program.state.mode == .browse)

        let after = Dictionary(uniqueKeysWithValues: try run.store.list(SessionFilter()).map { ($0.ticket ?? "", $0) })
        #expect(after.count == 3, "three rows, no new ones")
        #expect(after["ZD-1"].map { $0.diagnosis.path.count > steps["ZD-1"] ?? 0 } == true)
        #expect(after["ZD-2"].map { $0.diagnosis.path.count > steps["ZD-2"] ?? 0 } == true)
        #expect(after["ZD-3"]?.diagnosis.path.count == steps["ZD-3"], "ZD-3 was not touched")
    }

    @Test("p pauses with a reason; the switcher shows it after a restart; the next answer resumes it")
    func pauseWithAReason() throws {
        var run = Driver(store: try Self.store("triage-switcher-pause"))
        run.open(ticket: "ZD-7", tree: 0)
        run.keys(.character("D"), .character("p"))
        #expect(run.program.state.mode == .prompt)
        run.type("waiting for the customer's logs")
        run.keys(.enter)
        let paused = try #require(try run.store.list(SessionFilter(ticket: "ZD-7")).first)
        #expect(paused.pausedReason == "waiting for the customer's logs")
        run.restart()
        run.keys(.control("o"))
        #expect(run.screen.contains("paused: waiting for the customer's logs"))
        run.keys(.enter, .character("1"))
        #expect(try run.store.load(id: paused.id)?.pausedReason == nil, "answering resumes it")
    }

    @Test("a key typed into the pause reason is masked on screen and in the store")
    func aSecretInTheReasonIsMasked() throws {
        var run = Driver(store: try Self.store("triage-switcher-secret"))
        run.open(ticket: "ZD-8", tree: 0)
        run.keys(.character("D"), .character("p"))
        run.type("customer sent Bearer sk-live-0123456789abcdef")
        run.keys(.enter)
        let stored = try #require(try run.store.list(SessionFilter(ticket: "ZD-8")).first)
        #expect(stored.pausedReason == "customer sent Bearer [secret]")
        #expect(!run.screen.contains("sk-live"))
    }

    @Test("p before anything is stored says so; Esc at the reason changes nothing")
    func pauseNeedsAStoredDiagnosis() throws {
        var run = Driver(store: try Self.store("triage-switcher-nothing"))
        run.keys(.character("t"), .enter, .character("p"))
        #expect(run.program.state.mode == .diagnosis)
        #expect(run.program.state.diagnosis?.message == "Nothing is stored to pause yet: answer a question first")
    }
}
