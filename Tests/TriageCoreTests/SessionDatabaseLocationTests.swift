import Foundation
import Testing
import TriageCore

/// Where the sessions database is: --db, TRIAGE_DB, XDG_STATE_HOME, HOME, in that order.
@Suite struct SessionDatabaseLocationTests {
    @Test func theOptionWinsThenTheEnvironmentThenTheStateFolder() {
        let environment = ["TRIAGE_DB": "/team/sessions.sqlite", "XDG_STATE_HOME": "/state", "HOME": "/home/a"]
        #expect(TriagePaths.sessionsDatabase(option: "/tmp/x.sqlite", environment: environment) == "/tmp/x.sqlite")
        #expect(TriagePaths.sessionsDatabase(option: nil, environment: environment) == "/team/sessions.sqlite")
        #expect(TriagePaths.sessionsDatabase(option: nil, environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/a"])
            == "/state/triage/sessions.sqlite")
        #expect(TriagePaths.sessionsDatabase(option: nil, environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"])
            == "/home/a/.local/state/triage/sessions.sqlite", "a relative XDG_STATE_HOME is ignored, as the spec says")
        #expect(TriagePaths.sessionsDatabase(option: "~/s.sqlite", environment: ["HOME": "/home/a"]) == "/home/a/s.sqlite")
        #expect(TriagePaths.sessionsDatabase(option: nil, environment: [:]) == nil)
        let relative = TriagePaths.sessionsDatabase(option: "team.sqlite", environment: [:])
        #expect(relative == FileManager.default.currentDirectoryPath + "/team.sqlite")
    }

    @Test func theUserIsUserElseLogname() {
        #expect(SessionDatabaseLocation.user(environment: ["USER": "alice", "LOGNAME": "bob"]) == "alice")
        #expect(SessionDatabaseLocation.user(environment: ["LOGNAME": "bob"]) == "bob")
        #expect(SessionDatabaseLocation.user(environment: [:]) == "unknown")
    }

    @Test func outcomesReadWhatPeopleType() {
        #expect(SessionOutcome(argument: "not-solved") == .notSolved)
        #expect(SessionOutcome(argument: "Not Solved") == .notSolved)
        #expect(SessionOutcome(argument: "ESCALATED") == .escalated)
        #expect(SessionOutcome(argument: "fixed") == nil)
        #expect(SessionOutcome.notSolved.label == "not solved")
    }
}
