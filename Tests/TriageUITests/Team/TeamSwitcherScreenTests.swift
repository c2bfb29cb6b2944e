import Foundation
import Testing
import TerminalKit
import TriageCore
@testable import TriageUI

/// The switcher's team tab, in the in-memory buffer: `Tab` asks for the team's open sessions (an effect the runner
/// performs off the UI thread), shows them when the result arrives as a message, says `offline` plainly, and
/// `Enter` on a teammate's session asks for the take-over and resumes what comes back.
@Suite struct TeamSwitcherScreenTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func opened() -> BrowserProgram {
        var program = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(clock: { now }))
        program.send(.control("o"))
        _ = program.answer(.sessionsListed([]))
        return program
    }

    static func screen(_ program: BrowserProgram) -> String { program.render().lines.joined(separator: "\n") }

    static let rows = [
        Switcher.TeamRow(session: "0190-a", ticket: "ZD-4711", tree: "acme-keys", engineer: "bob", host: "web-3",
                         updatedAt: now.addingTimeInterval(-300), pausedReason: "waiting for logs"),
        Switcher.TeamRow(session: "0190-b", ticket: "ZD-12", tree: "acme-keys", engineer: "carol", host: "web-7",
                         updatedAt: now.addingTimeInterval(-7200)),
    ]

    @Test func tabAsksForTheTeamListAndShowsItWhenItArrives() {
        var program = Self.opened()
        let update = program.update(.key(.tab))
        #expect(update.effects == [.team(.list)])
        _ = program.answer(.team(.pending))
        #expect(Self.screen(program).contains("Loading from the team store"))
        let arrived = program.receive(.team(.listed(Self.rows)))
        #expect(arrived.effects.isEmpty)
        let screen = Self.screen(program)
        #expect(screen.contains("Team's open sessions (2)"))
        let first = screen.split(separator: "\n").first { $0.contains("ZD-4711") }
        #expect(first != nil)
        #expect(first?.contains("acme-keys") == true)
        #expect(first?.contains("bob@web-3") == true)
        #expect(first?.contains("paused: waiting for logs") == true)
        #expect(first?.contains("5m") == true)
        #expect(screen.contains("carol@web-7"))
        // Typing filters the team's list too.
        program.send(.character("c"))
        program.send(.character("a"))
        program.send(.character("r"))
        #expect(!Self.screen(program).contains("ZD-4711"))
        #expect(Self.screen(program).contains("ZD-12"))
        // Tab goes back to this host's list, asking for nothing.
        #expect(program.update(.key(.tab)).effects.isEmpty)
        #expect(Self.screen(program).contains("Open diagnoses"))
        #expect(program.state.invariantViolations().isEmpty)
    }

    @Test func offlineIsSaidPlainly() {
        var program = Self.opened()
        program.send(.tab)
        _ = program.answer(.team(.unavailable("team store offline: cannot connect to postgres://triage@db:5432/triage")))
        let screen = Self.screen(program)
        #expect(screen.contains("team: offline (team store offline: cannot connect"))
        // Enter on an empty, offline list takes nothing over.
        #expect(program.update(.key(.enter)).effects.isEmpty)
        // Without a team store the runner answers at once, the same way.
        var none = Self.opened()
        none.send(.tab)
        _ = none.answer(BrowserEffect.team(.list).perform(transcripts: nil))
        #expect(Self.screen(none).contains("team: offline (no team store)"))
    }

    @Test func enterTakesTheTeammatesSessionOverAndResumesIt() throws {
        var program = Self.opened()
        program.send(.tab)
        _ = program.receive(.team(.listed(Self.rows)))
        let update = program.update(.key(.enter))
        #expect(update.effects == [.team(.takeOver(session: "0190-a", ticket: "ZD-4711"))])
        #expect(Self.screen(program).contains("Taking over ZD-4711 from bob@web-3"))
        let catalog = Fixtures.catalog()
        let diagnosis = try DiagnosisSession.start(tree: "acme-keys", in: catalog)
        let stored = StoredSession(id: 9, user: "alice", ticket: "ZD-4711", tree: "acme-keys", startCode: nil, status: .open,
                                   diagnosis: diagnosis, createdAt: Self.now, updatedAt: Self.now, endedAt: nil,
                                   conclusion: nil, outcome: nil)
        _ = program.receive(.team(.takenOver(stored)))
        guard case .diagnosis = program.state.active else {
            Issue.record("the taken-over session is resumed: \(program.state.active)")
            return
        }
        #expect(program.state.diagnosis?.recording.id == 9)
    }

    @Test func aFailedTakeOverIsSaid() {
        var program = Self.opened()
        program.send(.tab)
        _ = program.receive(.team(.listed(Self.rows)))
        program.send(.enter)
        _ = program.receive(.team(.notTakenOver("this session was deleted (redacted) in the team store")))
        #expect(Self.screen(program).contains("Cannot take it over: this session was deleted"))
        guard case .switcher = program.state.active else {
            Issue.record("the switcher stays open")
            return
        }
    }
}
