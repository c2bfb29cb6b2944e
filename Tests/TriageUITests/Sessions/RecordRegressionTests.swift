import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// One screen test per record bug of the "one of each" step (issue 17), driven through `update` with the
/// session effects answered as a store would (ids 1, 2, ...). The model-based `SessionRecordTests` covers them
/// together against a real SQLite file.
@Suite("Sessions record: each bug that lost or mislabelled a diagnosis")
struct RecordRegressionTests {
    /// A program that saves every step, and what it asked the store to write.
    struct Recorder {
        var program: BrowserProgram
        var writes: [SessionWrite] = []
        var retags: [(ticket: String?, id: Int64)] = []
        var nextID: Int64 = 1

        init(ticket: String? = "ZD-100") {
            var options = BrowserOptions(clock: { DiagnosisFixtures.date })
            options.recordsSessions = true
            options.ticket = ticket
            program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 30, options: options)
        }

        mutating func send(_ event: InputEvent) {
            var pending = program.update(event).effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                let answer: BrowserAnswer
                switch effect {
                case let .saveSession(write):
                    writes.append(write)
                    if let id = write.id {
                        answer = .sessionSaved(id: id)
                    } else {
                        answer = .sessionSaved(id: nextID)
                        nextID += 1
                    }
                case let .setTicket(ticket, id):
                    retags.append((ticket, id))
                    answer = .ticketSet(ticket, id: id)
                default: answer = effect.perform(transcripts: nil)
                }
                pending += program.answer(answer).effects
            }
        }

        mutating func keys(_ keys: Key...) { for key in keys { send(.key(key)) } }
        mutating func type(_ text: String) { for character in text { send(.key(.character(character))) } }

        /// Searches `code` and starts its diagnosis with `d`.
        mutating func diagnose(_ code: String) {
            keys(.character("/"))
            type(code)
            keys(.enter, .character("d"))
        }
    }

    @Test("a diagnosis from the paste box gets its own row: the previous diagnosis of the run is not overwritten")
    func pasteBoxDiagnosisIsANewRow() throws {
        var run = Recorder()
        run.diagnose("AUTH_ERR_INVALID_APPID")
        if run.program.state.mode == .trees { run.keys(.enter) }
        #expect(run.program.state.mode == .diagnosis)
        run.type("2a4f9c81e3b7d605")
        run.keys(.enter)
        let first = try #require(run.writes.last)
        #expect(first.id == nil && first.ticket == "ZD-100", "the first answer creates row 1")
        run.keys(.escape, .escape, .character("e"))
        run.send(.paste(PasteBoxTests.curl))
        run.keys(.character("d"))
        #expect(run.program.state.mode == .prompt, "the open diagnosis is not replaced without asking")
        run.keys(.character("n"))
        #expect(run.program.state.mode == .diagnosis)
        let pasted = try #require(run.program.state.diagnosis)
        #expect(pasted.session.evidence != nil)
        #expect(pasted.recording.id == 2, "the paste's answers from the evidence created row 2 at once")
        run.keys(.character("1"))
        #expect(run.writes.filter { $0.id == nil }.count == 2, "two rows created, one per diagnosis")
        #expect(!run.writes.contains { $0.id == 1 && $0.session.evidence != nil },
                "row 1 never gets the pasted diagnosis's steps")
        #expect(run.writes.last?.id == 2)
    }

    @Test("a diagnosis from the paste box carries the ticket set with --ticket or T")
    func pasteBoxDiagnosisHasTheTicket() throws {
        var run = Recorder(ticket: "ZD-4711")
        run.keys(.character("e"))
        run.send(.paste(PasteBoxTests.curl))
        run.keys(.character("d"))
        #expect(run.program.state.diagnosis?.recording.ticket == "ZD-4711")
        run.keys(.character("1"))
        let write = try #require(run.writes.first)
        #expect(write.ticket == "ZD-4711")
    }

    @Test("T in the browser sets the ticket of new diagnoses only; T in a diagnosis retags that one")
    func ticketInTheBrowserDoesNotRetag() throws {
        var run = Recorder(ticket: "ZD-100")
        run.diagnose("AUTH_ERR_INVALID_APPID")
        if run.program.state.mode == .trees { run.keys(.enter) }
        run.type("2a4f9c81e3b7d605")
        run.keys(.enter)
        #expect(run.program.state.diagnosis?.recording.id == 1)
        run.keys(.escape, .escape)
        #expect(run.program.state.mode == .browse)
        run.keys(.character("T"), .control("u"))
        run.type("ZD-200")
        run.keys(.enter)
        #expect(run.retags.isEmpty, "the kept diagnosis keeps ZD-100")
        #expect(run.program.state.diagnosis?.recording.ticket == "ZD-100")
        #expect(run.program.state.browse.message == "Ticket ZD-200: the next diagnoses take it")
        // Back in the diagnosis, T is an explicit retag of that one.
        run.keys(.character("D"))
        run.keys(.escape, .character("T"), .control("u"))
        run.type("ZD-300")
        run.keys(.enter)
        #expect(run.retags.count == 1 && run.retags.first?.ticket == "ZD-300" && run.retags.first?.id == 1)
        #expect(run.program.state.diagnosis?.recording.ticket == "ZD-300")
    }

    @Test("a not-determined conclusion says \"What to collect\" on screen, as line mode and Markdown do")
    func notDeterminedSaysWhatToCollect() throws {
        let code = CodeReference(vendor: "cometchat", code: "AUTH_ERR_INVALID_APPID")
        var screen = try DiagnosisScreen.start(tree: "cometchat-wrong-region", from: code, catalog: Fixtures.shipped,
                                               width: 100, height: 30)
        screen.type("2a4f9c81e3b7d605")
        screen.send(.enter)
        screen.type("us")
        screen.send(.enter, .character("0"), .end, .enter)
        #expect(screen.session.isFinished && !screen.session.isDetermined)
        var text = ""
        for _ in 0..<6 {
            text += screen.render().text
            screen.send(.pageDown)
        }
        #expect(text.contains("What to collect"))
        #expect(!text.contains("Steps"), "the step pane's heading is the summary's")
        let markdown = Transcript(session: screen.session, catalog: Fixtures.shipped, date: DiagnosisFixtures.date).markdown
        #expect(markdown.contains("What to collect:"))
    }

    @Test("? over the tree list lists the tree list's keys; ? on the sessions screen lists the sessions keys")
    func helpPerContext() {
        var program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 40)
        program.send(.character("t"), .character("?"))
        #expect(program.state.mode == .help)
        let trees = program.render().text
        #expect(trees.contains("Start the selected tree"))
        #expect(!trees.contains("Diagnose / every tree / resume"), "not the browser's keys")
        program.send(.escape)
        #expect(program.state.mode == .trees, "closing the help returns to the tree list")
        program.send(.escape, .character("S"), .character("?"))
        #expect(program.state.mode == .help)
        let sessions = program.render().text
        #expect(sessions.contains("Resume the selected diagnosis where it stopped"))
        program.send(.escape)
        #expect(program.state.mode == .sessions)
    }

    @Test("the paste box stops scrolling at the end: after 100 Down, one Up moves")
    func pasteBoxScrollIsBounded() throws {
        var program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 30)
        program.send(.character("e"))
        _ = program.update(.paste(PasteBoxTests.curl))
        for _ in 0..<100 { program.send(.down) }
        let bottom = try #require(program.state.pasteBox?.scroll)
        let before = program.render().text
        program.send(.up)
        #expect(program.state.pasteBox?.scroll == max(0, bottom - 1))
        if bottom > 0 { #expect(program.render().text != before, "Up moved the text") }
    }

    @Test("the ticket prompt, the continue-or-new question and the sessions questions answer from key tables")
    func promptsAreKeyTables() {
        #expect(Prompt.ticketKeys.action(for: .enter) == .accept)
        #expect(Prompt.ticketKeys.action(for: .escape) == .cancel)
        #expect(Prompt.continueKeys.action(for: .character("c")) == .continueOpen)
        #expect(Prompt.continueKeys.action(for: .character("n")) == .startNew)
        #expect(SessionsScreen.deleteKeys.action(for: .character("y")) == .confirmDelete)
        #expect(SessionsScreen.outcomeKeys.action(for: .character("2")) == .setOutcome(.notSolved))
        #expect(DiagnosisScreen.restartKeys.action(for: .character("r")) == .confirmRestart)
    }
}
