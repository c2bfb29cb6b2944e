import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// `triage learned` through the real binary: lists what search learned (written here by the store, as the full
/// screen's effects write it), clears it, and turns learning off and on.
@Suite struct LearnedCLITests {
    let home = TestPaths.temporaryDirectory("learned-home")
    var database: String { home.appendingPathComponent("state/sessions.sqlite").path }
    var environment: [String: String] { ["HOME": home.path, "TRIAGE_DB": database, "USER": "alice"] }

    func run(_ arguments: [String]) throws -> TriageRun {
        try TriageProcess.run(arguments, environment: environment)
    }

    @Test func listsClearsAndTurnsLearningOff() throws {
        let store = try SQLiteSessionStore(path: database)
        try store.remember(.init(words: SearchMemory.words(of: "group is full"),
                                 code: CodeReference(vendor: "cometchat", code: "ERR_NO_VACANCY")), at: Date())
        let listed = try run(["learned"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Search learning is on; 1 learned pairing."), "\(listed.stdout)")
        #expect(listed.stdout.contains("full group -> cometchat:ERR_NO_VACANCY (1x)"), "\(listed.stdout)")

        let json = try run(["learned", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["learning"] as? Bool == true)
        #expect((object["pairings"] as? [[String: Any]])?.first?["code"] as? String == "ERR_NO_VACANCY")

        let off = try run(["learned", "--off"])
        #expect(off.stdout.contains("Search learning is off."), "\(off.stdout)")
        #expect(try store.learnsSearches() == false)

        let cleared = try run(["learned", "--clear"])
        #expect(cleared.stdout.contains("Forgot 1 learned search."), "\(cleared.stdout)")
        #expect(try store.searchMemory().pairings.isEmpty)

        _ = try run(["learned", "--on"])
        #expect(try store.learnsSearches())
        let both = try run(["learned", "--on", "--off"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give --on or --off, not both"), "\(both.stderr)")
    }
}
