import Foundation
import TerminalKit
import Testing
import TestSupport
import TriageCore
import TriageRuntime
import TriageStorage
@testable import TriageUI

/// The record of diagnoses, model-based: the real full-screen program (in memory) is driven through thousands of
/// seeded random actions (start from a code, the tree list or the paste box; answer, can't tell, back, note, `T`
/// in the browser and in a diagnosis, Esc and `D`, `S` and resume, quit and restart, a simulated kill), its
/// effects performed against a real SQLite file by the binary's own performer. After every action the sessions
/// table must equal what a simple reference model says: one row per started diagnosis that was answered,
/// carrying the ticket current when it started (changed only by `T` typed in that diagnosis), with exactly the
/// steps taken, applied by the model to its own copy of the session through the engine.
@Suite("Sessions record: model-based")
struct SessionRecordModelTests {
    static let catalog = Fixtures.shipped.catalog

    /// `TRIAGE_RECORD_ROUNDS` sets how many sequences run (seeds 1...N, default 200; CI runs 1,000), each of
    /// 10 to 60 actions drawn from its seed.
    static let seeds: [UInt64] = {
        let rounds = ProcessInfo.processInfo.environment["TRIAGE_RECORD_ROUNDS"].flatMap { UInt64($0) } ?? 200
        return Array(1...max(1, rounds))
    }()

    @Test("random action sequences keep the sessions table equal to the reference model", arguments: seeds)
    func randomSequences(seed: UInt64) throws {
        var run = try ModelRun(seed: seed, catalog: Self.catalog)
        let length = 10 + Int(run.random.next() % 51)
        for _ in 0..<length {
            let action = run.step()
            let problems = try run.check()
            if !problems.isEmpty {
                Issue.record("seed \(seed), after \(run.log.suffix(12).joined(separator: " | ")) [\(action)]: \(problems.joined(separator: "; "))")
                return
            }
        }
    }

    @Test("the sequences together reach every kind of action and store rows")
    func sequencesCoverTheActions() throws {
        var actions = Set<String>()
        var rows = 0
        for seed in Self.seeds.prefix(40) {
            var run = try ModelRun(seed: seed, catalog: Self.catalog, name: "record-coverage")
            for _ in 0..<40 { actions.insert(run.step()) }
            rows += run.rows.count
        }
        #expect(actions.isSuperset(of: ["code", "trees", "paste", "answer", "cant-tell", "back", "note", "ticket-browse",
                                        "ticket-diagnosis", "leave", "resume-D", "sessions", "quit", "kill"]), "\(actions.sorted())")
        #expect(rows > 20)
    }
}

/// One seeded run: the program, the store, and the reference model beside them.
struct ModelRun {
    /// What the model expects of one stored row.
    struct Row {
        var ticket: String?
        var tree: TreeID
        var session: DiagnosisSession
    }

    /// The diagnosis shown or kept, as the model follows it.
    struct Live {
        var row: Int?
        var session: DiagnosisSession
        var ticket: String?
    }

    let catalog: Catalog
    let store: SQLiteSessionStore
    let performer: SessionEffects
    let options: BrowserOptions
    let startTicket = "ZD-100"
    var program: BrowserProgram
    var random: SplitMix64
    var rows: [Row] = []
    var live: Live?
    var ticket: String?
    var log: [String] = []
    var ticketNumber = 200
    let diagnosable: [CodeReference]
    let pastes: [String]

    init(seed: UInt64, catalog: Catalog, name: String = "record") throws {
        self.catalog = catalog
        let folder = TestPaths.temporaryDirectory("triage-\(name)-\(seed)")
        store = try SQLiteSessionStore(path: folder.appendingPathComponent("sessions.sqlite").path)
        performer = SessionEffects(store: store, catalog: catalog, user: "alice",
                                   now: { Date(timeIntervalSince1970: 1_800_000_000) })
        var options = BrowserOptions(clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        options.recordsSessions = true
        options.user = "alice"
        options.ticket = startTicket
        self.options = options
        program = BrowserProgram(catalog: catalog, options: options)
        random = SplitMix64(seed: seed)
        ticket = startTicket
        diagnosable = catalog.entries.map(\.reference).filter { !DiagnosisSession.trees(for: $0, in: catalog).isEmpty }
        pastes = catalog.examples.compactMap(\.ticket).filter { PasteBox.looksLikeResponse($0) }
        send(.resize(width: 100, height: 30))
    }

    // MARK: - Driving the program

    mutating func send(_ event: InputEvent) {
        var pending = program.update(event).effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            let answer: BrowserAnswer
            if let session = performer.perform(effect) {
                answer = session
            } else if case .saveMemory = effect {
                answer = .memorySaved
            } else if case .copy = effect {
                answer = .notCopied(reason: "no terminal in the test")
            } else {
                answer = .transcriptNotSaved(reason: nil)
            }
            pending += program.answer(answer).effects
        }
    }

    mutating func key(_ key: Key) { send(.key(key)) }

    mutating func type(_ text: String) {
        for character in text { key(.character(character)) }
    }

    var state: BrowserState { program.state }
    var screen: DiagnosisScreen? { state.mode == .diagnosis ? state.diagnosis : nil }

    // MARK: - Actions

    /// One random action the current screen allows; returns its name for the log.
    mutating func step() -> String {
        var choices: [String] = ["quit", "kill"]
        if state.mode == .browse {
            choices += ["code", "code", "trees", "paste", "ticket-browse", "sessions"]
            if live != nil { choices.append("resume-D") }
        }
        if screen != nil {
            choices += ["answer", "answer", "answer", "answer", "cant-tell", "back", "note", "ticket-diagnosis", "leave"]
        }
        if state.mode != .browse, screen == nil { choices = ["escape", "quit"] }
        let action = choices[Int(random.next() % UInt64(choices.count))]
        log.append(action)
        switch action {
        case "code": startFromCode()
        case "trees": startFromTreeList()
        case "paste": startFromPaste()
        case "ticket-browse": typeTicket(inDiagnosis: false)
        case "ticket-diagnosis": typeTicket(inDiagnosis: true)
        case "sessions": resumeFromSessions()
        case "resume-D":
            key(.character("D"))
        case "answer": answer()
        case "cant-tell": cantTell()
        case "back": back()
        case "note": note()
        case "leave":
            leaveField()
            key(.escape)
        case "escape": key(.escape)
        case "quit":
            key(.control("c"))
            for effect in program.shutdown() { _ = performer.perform(effect) }
            restart()
        default: restart()  // kill: no shutdown at all
        }
        return action
    }

    mutating func restart() {
        program = BrowserProgram(catalog: catalog, options: options)
        send(.resize(width: 100, height: 30))
        live = nil
        ticket = startTicket
    }

    mutating func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }

    mutating func startFromCode() {
        let code = pick(diagnosable)
        key(.character("/"))
        type(code.code)
        key(.enter)
        guard state.browse.selectedEntry?.reference == code else {
            log.append("(\(code.code) not first)")
            return
        }
        key(.character("d"))
        if state.mode == .trees { key(.enter) }
        afterStart()
    }

    mutating func startFromTreeList() {
        key(.character("t"))
        for _ in 0..<Int(random.next() % UInt64(catalog.trees.count)) { key(.down) }
        key(.enter)
        afterStart()
    }

    mutating func startFromPaste() {
        guard !pastes.isEmpty else { return }
        key(.character("e"))
        send(.paste(pick(pastes)))
        guard let box = state.pasteBox, let chosen = box.chosen,
              !DiagnosisSession.trees(for: chosen, in: catalog).isEmpty else {
            key(.escape)
            return
        }
        key(.character("d"))
        afterStart()
    }

    /// After a way into a diagnosis: the model expects the question when one is open, a resume when it is the
    /// same tree from the same code, else a new diagnosis with the ticket current now.
    mutating func afterStart() {
        let open = live.map { !$0.session.isFinished && $0.session.path.contains(where: \.isAnswered) } ?? false
        if state.mode == .prompt {
            let answer = pick(["c", "n", "esc"])
            log.append("prompt:\(answer)")
            switch answer {
            case "c": key(.character("c"))
            case "n":
                key(.character("n"))
                if let shown = screen { begin(shown.session) }
            default: key(.escape)
            }
            return
        }
        guard let shown = screen else { return }
        if shown.session.evidence == nil, let current = live, current.session.tree == shown.session.tree, current.session.code == shown.session.code,
           current.session.path.contains(where: \.isAnswered) {
            return  // resumed
        }
        if open { log.append("(BUG: an open diagnosis was replaced without asking)") }
        begin(shown.session)
    }

    /// A new diagnosis with the ticket current now; a start that already answered something (from the paste's
    /// evidence) or reached a conclusion is stored at once.
    mutating func begin(_ session: DiagnosisSession) {
        live = Live(row: nil, session: session, ticket: ticket)
        model { _ in }
    }

    mutating func leaveField() {
        if screen?.isTyping == true { key(.escape) }
    }

    /// Applies `change` to the model's session (an engine error leaves it as it was, as the screen does), then
    /// keeps its row: created by the first answer, updated after.
    mutating func model(_ change: (inout DiagnosisSession) throws -> Void) {
        guard var current = live else { return }
        try? change(&current.session)
        let session = current.session
        if let row = current.row {
            rows[row].session = session
        } else if session.path.contains(where: \.isAnswered) || !session.path.isEmpty && session.isFinished {
            rows.append(Row(ticket: current.ticket, tree: session.tree, session: session))
            current.row = rows.count - 1
        }
        live = current
    }

    mutating func answer() {
        guard let step = screen?.current else { return }
        switch step.kind {
        case let .question(_, _, answers, _):
            leaveField()
            let index = Int(random.next() % UInt64(min(9, answers.count)))
            key(.character(Character(String(index + 1))))
            let catalog = self.catalog
            model { try $0.choose(index, in: catalog) }
        case .ask:
            guard let value = step.rules.flatMap(SampleValues.valid(for:)) else { return }
            if screen?.isTyping != true { key(.character("i")) }
            key(.control("u"))
            type(value)
            key(.enter)
            let catalog = self.catalog
            model { try $0.provide(value, in: catalog) }
        case .conclusion, .notDetermined:
            break
        }
    }

    mutating func cantTell() {
        guard let step = screen?.current else { return }
        let catalog = self.catalog
        switch step.kind {
        case .question:
            guard step.cantTell != nil else { return }
            leaveField()
            key(.character("0"))
            model { try $0.cantTell(in: catalog) }
        case .ask:
            if screen?.isTyping != true { key(.character("i")) }
            key(.control("t"))
            model { try $0.cantTell(in: catalog) }
        case .conclusion, .notDetermined: break
        }
    }

    mutating func back() {
        leaveField()
        key(.character("b"))
        model { session in
            if session.path.contains(where: \.isAnswered) { session.back() }
        }
    }

    mutating func note() {
        leaveField()
        let text = "note \(random.next() % 1000)"
        let step = live?.session.path.count ?? 0
        key(.character("n"))
        key(.control("u"))
        type(text)
        key(.enter)
        model { $0.setNote(text, forStep: step) }
    }

    mutating func typeTicket(inDiagnosis: Bool) {
        if inDiagnosis { leaveField() }
        ticketNumber += 1
        let new = "ZD-\(ticketNumber)"
        key(.character("T"))
        key(.control("u"))
        type(new)
        key(.enter)
        ticket = new
        if inDiagnosis, var current = live {
            current.ticket = new
            if let row = current.row { rows[row].ticket = new }
            live = current
        }
    }

    mutating func resumeFromSessions() {
        key(.character("S"))
        guard let shown = state.sessionsScreen?.shown, !shown.isEmpty else {
            key(.escape)
            return
        }
        let index = Int(random.next() % UInt64(shown.count))
        for _ in 0..<index { key(.down) }
        let chosen = shown[index]
        key(.enter)
        guard let row = Int(exactly: chosen.id - 1), rows.indices.contains(row) else {
            log.append("(BUG: session #\(chosen.id) is not a row of the model)")
            return
        }
        live = Live(row: row, session: rows[row].session, ticket: rows[row].ticket)
    }

    // MARK: - The check

    /// Every difference between the sessions table and the model, as sentences.
    func check() throws -> [String] {
        var problems = log.filter { $0.hasPrefix("(BUG") }
        let stored = try store.list(SessionFilter()).sorted { $0.id < $1.id }
        if stored.count != rows.count {
            problems.append("the table has \(stored.count) rows, the model \(rows.count)")
        }
        for (index, (row, model)) in zip(stored, rows).enumerated() {
            if row.id != Int64(index + 1) { problems.append("row \(index) has id \(row.id)") }
            if row.ticket != model.ticket {
                problems.append("row #\(row.id) has ticket \(row.ticket ?? "none"), the model \(model.ticket ?? "none")")
            }
            if row.tree != model.tree { problems.append("row #\(row.id) is of tree \(row.tree), the model \(model.tree)") }
            if row.diagnosis.path != model.session.redacted().path {
                problems.append("row #\(row.id) has \(row.diagnosis.path.count) steps, the model \(model.session.path.count)")
            }
        }
        if let shown = state.diagnosis, let current = live, shown.session.redacted().path != current.session.redacted().path {
            problems.append("the screen shows \(shown.session.path.count) steps, the model \(current.session.path.count)")
        }
        return problems
    }
}
