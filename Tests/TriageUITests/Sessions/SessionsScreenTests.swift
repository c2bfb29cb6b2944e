import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The sessions screen, the continue-or-new question, the outcome keys and the copy effect, driven through
/// `update` and answered as the runner would (the effects and their answers are the whole contract).
@Suite("Sessions in the browser")
struct SessionsScreenTests {
    static let catalog = DiagnosisFixtures.catalog()

    static func stored(_ id: Int64, ticket: String?, user: String, status: SessionStatus,
                       updated: Date = DiagnosisFixtures.date) throws -> StoredSession {
        let session = try DiagnosisSession.start(tree: "acme-rejected", from: DiagnosisFixtures.keyMissing, in: catalog)
        return StoredSession(id: id, user: user, ticket: ticket, tree: "acme-rejected", startCode: "acme:KEY_MISSING",
                             status: status, diagnosis: session, createdAt: updated, updatedAt: updated,
                             endedAt: nil, conclusion: nil, outcome: nil)
    }

    static func recording() -> BrowserProgram {
        var options = BrowserOptions(clock: { DiagnosisFixtures.date })
        options.recordsSessions = true
        return BrowserProgram.sized(catalog, width: 100, height: 24, options: options)
    }

    /// `S` asks the store for the sessions; the list, the filter, open only, delete after y, the outcome.
    @Test("S lists, filters, toggles open only, deletes after y, sets the outcome")
    func screen() throws {
        var program = Self.recording()
        let update = program.update(.key(.character("S")))
        #expect(program.state.mode == .sessions)
        #expect(update.effects == [.listSessions(SessionsScreen.storeFilter)])
        let list = [try Self.stored(3, ticket: "T-9", user: "bob", status: .open),
                    try Self.stored(2, ticket: "T-7", user: "alice", status: .finished),
                    try Self.stored(1, ticket: nil, user: "alice", status: .open)]
        _ = program.answer(.sessionsListed(list))
        let lines = program.view(RenderContext(width: 100, height: 24)).lines
        #expect(lines[0].hasPrefix(" Diagnosis sessions (3 of 3)"))
        #expect(lines[1].contains("ticket") && lines[1].contains("outcome") && lines[1].contains("updated"))
        #expect(lines[2].contains("#3") && lines[2].contains("T-9") && lines[2].contains("bob") && lines[2].contains("open"))
        #expect(lines[3].contains("T-7") && lines[3].contains("finished"))
        #expect(lines[2].contains("2026-11-23 08:51Z"))

        for key: Key in [.character("/"), .character("a"), .character("l"), .character("i"), .enter] { _ = program.update(.key(key)) }
        #expect(program.state.sessionsScreen?.shown.map(\.id) == [2, 1])
        _ = program.update(.key(.tab))
        #expect(program.state.sessionsScreen?.shown.map(\.id) == [1])
        _ = program.update(.key(.tab))

        // x asks; another key keeps it; x then y deletes through the store.
        _ = program.update(.key(.character("x")))
        #expect(program.view(RenderContext(width: 100, height: 24)).lines[23].contains("Delete session #2? y deletes"))
        #expect(program.update(.key(.character("n"))).effects.isEmpty)
        #expect(program.state.sessionsScreen?.message == "Session #2 not deleted")
        _ = program.update(.key(.character("x")))
        #expect(program.update(.key(.character("y"))).effects == [.deleteSession(2)])
        _ = program.answer(.sessionDeleted(id: 2))
        #expect(program.state.sessionsScreen?.shown.map(\.id) == [1])

        _ = program.update(.key(.character("o")))
        #expect(program.update(.key(.character("3"))).effects == [.setOutcome(.escalated, id: 1)])
        _ = program.answer(.outcomeSet(.escalated, id: 1))
        #expect(program.state.sessionsScreen?.sessions?.first { $0.id == 1 }?.outcome == .escalated)
        _ = program.update(.key(.escape))
        #expect(program.state.mode == .browse)
    }

    @Test("Enter resumes a stored diagnosis; its next step saves into the same session")
    func resume() throws {
        var program = Self.recording()
        _ = program.update(.key(.character("S")))
        _ = program.answer(.sessionsListed([try Self.stored(7, ticket: "T-1", user: "alice", status: .open)]))
        #expect(program.update(.key(.enter)).effects.isEmpty, "nothing changed yet: nothing to save")
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.message == "Resumed session #7 for ticket T-1")
        let step = program.update(.key(.character("1")))
        guard case let .saveSession(save)? = step.effects.first else {
            Issue.record("no save after the step: \(step.effects)")
            return
        }
        #expect(save.id == 7 && save.session.path.count == 2)
        #expect(program.state.diagnosis?.recording.ticket == "T-1")
    }

    @Test("a new diagnosis is saved after each step: created once, then saved under its id")
    func recordsEveryStep() throws {
        var program = Self.recording()
        _ = program.update(.key(.character("t")))
        _ = program.update(.key(.down))
        _ = program.update(.key(.enter))
        #expect(program.state.mode == .diagnosis)
        let first = program.update(.key(.character("1")))
        guard case let .saveSession(save)? = first.effects.first else {
            Issue.record("no save: \(first.effects)")
            return
        }
        #expect(save.id == nil)
        _ = program.answer(.sessionSaved(id: 41))
        guard case let .saveSession(next)? = program.update(.key(.character("1"))).effects.first else {
            Issue.record("no second save")
            return
        }
        #expect(next.id == 41)
    }

    @Test("starting another diagnosis while one is open asks: c continues it, n starts the new one")
    func continueOrNew() throws {
        var program = Self.recording()
        _ = program.update(.key(.character("t")))
        _ = program.update(.key(.down))
        _ = program.update(.key(.enter))
        _ = program.update(.key(.character("1")))
        let open = try #require(program.state.diagnosis?.session)
        #expect(!open.isFinished)
        _ = program.update(.key(.escape))
        _ = program.update(.key(.character("t")))
        _ = program.update(.key(.enter))
        #expect(program.state.prompt?.text.hasSuffix("is open: c continues it, n starts a new one") == true)
        #expect(program.state.diagnosis?.session == open, "not replaced while asking")
        _ = program.update(.key(.character("c")))
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session == open)

        _ = program.update(.key(.escape))
        _ = program.update(.key(.character("t")))
        _ = program.update(.key(.enter))
        _ = program.update(.key(.character("n")))
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session != open)
        #expect(program.state.diagnosis?.recording.id == nil, "the new one gets its own session")
        #expect(program.state.diagnosis?.message == "New diagnosis (the open one stays saved: S lists it)")
    }

    @Test("at a conclusion 1 2 3 set the outcome of the stored session")
    func outcomeKeys() throws {
        var program = Self.recording()
        _ = program.update(.key(.character("S")))
        var stored = try Self.stored(5, ticket: nil, user: "alice", status: .open)
        var screen = DiagnosisScreen(session: stored.diagnosis, catalog: Self.catalog)
        screen.send(.character("1"))
        screen.type("sk-live-1")
        screen.send(.enter)
        screen.type("acct-1")
        screen.send(.enter, .character("2"))
        stored.diagnosis = screen.session
        _ = program.answer(.sessionsListed([stored]))
        _ = program.update(.key(.enter))
        #expect(program.state.diagnosis?.isConclusion == true)
        let lines = program.view(RenderContext(width: 100, height: 24)).lines
        #expect(lines[23].contains("1 2 3 solved / not / escalated"))
        #expect(program.update(.key(.character("2"))).effects == [.setOutcome(.notSolved, id: 5)])
        _ = program.answer(.outcomeSet(.notSolved, id: 5))
        #expect(program.state.diagnosis?.message == "Outcome: not solved (saved in session #5; o in S changes it)")
    }

    @Test("y copies the transcript in a diagnosis and the code in the browser; the answer is said")
    func copy() throws {
        var program = Self.recording()
        _ = program.update(.key(.tab))
        #expect(program.update(.key(.character("y"))).effects == [.copy(.line("KEY_MISSING"))])
        _ = program.answer(.copied(bytes: 11, via: "OSC 52"))
        #expect(program.state.browse.message == "Copied KEY_MISSING (11 bytes) to the clipboard (OSC 52)")

        _ = program.update(.key(.character("t")))
        _ = program.update(.key(.enter))
        let copy = program.update(.key(.character("y"))).effects.first
        guard case let .copy(clip)? = copy else {
            Issue.record("no copy: \(String(describing: copy))")
            return
        }
        let text = clip.text
        #expect(clip.kind == .transcript)
        #expect(text.hasPrefix("# Diagnosis: "))
        #expect(text.contains("Is the header there?"))
        _ = program.answer(.notCopied(reason: "this terminal (TERM=linux) cannot set the clipboard"))
        #expect(program.state.diagnosis?.message == "Cannot copy: this terminal (TERM=linux) cannot set the clipboard; s saves the transcript to a file, triage sessions export prints it")
    }

    @Test("at start, the user's open diagnoses of the last day are offered, without blocking")
    func resumeOffer() throws {
        var options = BrowserOptions(clock: { DiagnosisFixtures.date })
        options.recordsSessions = true
        options.user = "alice"
        var program = BrowserProgram(catalog: Self.catalog, options: options)
        let first = program.update(.resize(width: 100, height: 24))
        #expect(first.effects == [.listSessions(SessionFilter(user: "alice", status: .open, limit: 200))])
        let old = try Self.stored(1, ticket: nil, user: "alice", status: .open, updated: DiagnosisFixtures.date.addingTimeInterval(-200_000))
        _ = program.answer(.sessionsListed([try Self.stored(3, ticket: nil, user: "alice", status: .open),
                                            try Self.stored(2, ticket: nil, user: "alice", status: .open), old]))
        #expect(program.state.browse.message == "2 open diagnoses from the last day: S to resume")
        #expect(program.state.mode == .browse)
        #expect(program.update(.resize(width: 100, height: 24)).effects.isEmpty, "asked once")
    }

    @Test("T sets the ticket of the diagnosis shown and of the next ones; a stored one is updated")
    func ticket() throws {
        var options = BrowserOptions(clock: { DiagnosisFixtures.date })
        options.recordsSessions = true
        options.ticket = "ZD-1"
        var program = BrowserProgram.sized(Self.catalog, width: 100, height: 24, options: options)
        _ = program.update(.key(.character("t")))
        _ = program.update(.key(.enter))
        guard case let .saveSession(save)? = program.update(.key(.character("1"))).effects.first else {
            Issue.record("no save")
            return
        }
        #expect(save.ticket == "ZD-1", "triage --ticket: new diagnoses take it")
        _ = program.answer(.sessionSaved(id: 9))
        _ = program.update(.key(.character("T")))
        #expect(program.view(RenderContext(width: 100, height: 24)).lines[23].hasPrefix(" Ticket: ZD-1"))
        for _ in 0..<4 { _ = program.update(.key(.backspace)) }
        for character in "ZD-2" { _ = program.update(.key(.character(character))) }
        #expect(program.update(.key(.enter)).effects == [.setTicket("ZD-2", id: 9)])
        #expect(program.state.sessions.ticket == "ZD-2")
        #expect(program.state.diagnosis?.message == "Ticket ZD-2: this diagnosis and the next ones")
        #expect(program.state.mode == .diagnosis)
    }
}
