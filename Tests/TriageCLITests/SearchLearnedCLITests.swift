import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// `triage search` lifts what search learned from use, as the full screen does: a code chosen before after a
/// similar query ranks higher and is marked (`chosen_before` in `--json`); with learning off it is not; and a
/// search never creates the sessions database.
@Suite struct SearchLearnedCLITests {
    let home = TestPaths.temporaryDirectory("search-learned-home")
    var database: String { home.appendingPathComponent("state/sessions.sqlite").path }
    var environment: [String: String] { ["HOME": home.path, "TRIAGE_DB": database, "USER": "alice"] }

    /// The codes `triage search --json QUERY` lists, in order, with their `chosen_before`.
    func search(_ query: String) throws -> [(code: String, chosenBefore: Bool?)] {
        let run = try TriageProcess.run(["search", "--json", "--limit", "5", query], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return rows.map { ("\($0["vendor"] ?? ""):\($0["code"] ?? "")", $0["chosen_before"] as? Bool) }
    }

    @Test func learnedPairingsLiftAndMarkACodeUnlessLearningIsOff() throws {
        let query = "user not found"
        let before = try search(query)
        #expect(!FileManager.default.fileExists(atPath: database), "a search created the sessions database")
        #expect(before.allSatisfy { $0.chosenBefore == false })
        // A code of the results that is not first: chosen three times after this query.
        let chosen = try #require(before.dropFirst().last?.code)
        let store = try SQLiteSessionStore(path: database)
        let reference = CodeReference(parsing: chosen, defaultVendor: "")
        for _ in 0..<3 { try store.remember(.init(words: SearchMemory.words(of: query), code: reference), at: Date()) }

        let after = try search(query)
        let was = try #require(before.firstIndex { $0.code == chosen })
        let now = try #require(after.firstIndex { $0.code == chosen }, "\(after)")
        #expect(now < was, "lifted: \(after)")
        #expect(after[now].chosenBefore == true)
        #expect(after.filter { $0.chosenBefore == true }.count == 1, "\(after)")
        let text = try TriageProcess.run(["search", query], environment: environment)
        #expect(text.stdout.contains("chosen before after a similar search: \(chosen)"), "\(text.stdout)")

        try store.setLearnsSearches(false)
        let off = try search(query)
        #expect(off.map(\.code) == before.map(\.code))
        #expect(off.allSatisfy { $0.chosenBefore == false })
    }
}
