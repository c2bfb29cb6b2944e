import Foundation
import Testing
import TestSupport

/// `triage reply` and `triage review` through the real binary, on sessions the test writes with `diagnose`.
@Suite struct ReplyReviewCLITests {
    typealias Place = SessionsCLITests.Place

    /// A diagnosis of Sentori's code 1 for `ticket`, typing a secret key: ends at key-not-current.
    func keyDiagnosis(_ place: Place, ticket: String) throws -> TriageRun {
        try place.run(["diagnose", "1", "--vendor", "sentori", "--plain", "--ticket", ticket, "--answer", "3f6d2c1a-8b4e-4f1a-9c2d-7e5b0a1f9c3d",
                       "--answer", "3", "--answer", "1"])
    }

    @Test func replyPrintsTheFilledReplyWithoutTheSecretInEveryFormat() throws {
        let place = Place()
        let diagnosis = try keyDiagnosis(place, ticket: "T-1")
        #expect(diagnosis.stdout.contains("does not give access to any Sentori account"), "\(diagnosis.stdout)\(diagnosis.stderr)")
        let md = try place.run(["reply", "--ticket", "T-1"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("## Reply to the customer\n\nThe API key sent does not give access to any Sentori account"))
        #expect(md.stdout.contains("## Internal note\n\nCode 1: revoked or outdated key."))
        #expect(md.stdout.contains("_Triage: sentori:1, tree sentori-key-account, conclusion key-not-current_"))
        let text = try place.run(["reply", "1", "--format", "text"])
        #expect(text.stdout.hasPrefix("Reply to the customer\n---------------------\nThe API key sent"))
        let json = try place.run(["reply", "--ticket", "T-1", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["session_id"] as? Int == 1)
        #expect(object["conclusion_node"] as? String == "key-not-current")
        #expect((object["customer"] as? String)?.hasPrefix("The API key sent") == true)
        for run in [md, text, json] { #expect(!run.stdout.contains("3f6d2c1a") && !run.stdout.contains("[secret]")) }
    }

    @Test func replyExplainsWhatIsMissing() throws {
        let place = Place()
        let none = try place.run(["reply", "--ticket", "T-404"])
        #expect(none.status == 1 && none.stderr.contains("no session for ticket T-404"), "\(none.stderr)")
        let open = try place.run(["diagnose", "1", "--vendor", "sentori", "--plain", "--ticket", "T-2", "--answer", "?"])
        #expect(open.status == 1, "stopped before a conclusion: \(open.stderr)")
        let unfinished = try place.run(["reply", "--ticket", "T-2"])
        #expect(unfinished.status == 1 && unfinished.stderr.contains("has not reached a conclusion yet"), "\(unfinished.stderr)")
        let usage = try place.run(["reply"])
        #expect(usage.status == 2)
        let format = try place.run(["reply", "1", "--format", "html"])
        #expect(format.status == 2)
    }

    @Test func reviewCountsEqualTheSessionsWritten() throws {
        let place = Place()
        for ticket in ["T-1", "T-2", "T-3"] { _ = try keyDiagnosis(place, ticket: ticket) }
        #expect(try place.run(["sessions", "outcome", "1", "solved"]).status == 0)
        #expect(try place.run(["sessions", "outcome", "2", "not-solved"]).status == 0)
        #expect(try place.run(["sessions", "outcome", "3", "escalated"]).status == 0)
        let run = try place.run(["review", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let codes = try #require(object["codes"] as? [[String: Any]])
        let code = try #require(codes.first { $0["name"] as? String == "sentori:1" })
        #expect(code["reached"] as? Int == 3 && code["solved"] as? Int == 1 && code["not_solved"] as? Int == 1
                && code["escalated"] as? Int == 1 && code["flagged"] as? Int == 0)
        let conclusions = try #require(object["conclusions"] as? [[String: Any]])
        #expect(conclusions.count == 1)
        #expect(conclusions.first?["name"] as? String == "sentori-key-account/key-not-current")
        #expect(conclusions.first?["reached"] as? Int == 3)
        let never = try #require(object["never_reached"] as? [String])
        #expect(never.count == 142 && !never.contains("sentori:1"))
        let unsolved = try #require(object["never_solved"] as? [String])
        let neverSolved = Fixtures.shippedConclusionCount - 1  // one conclusion was solved
        #expect(unsolved.count == neverSolved && !unsolved.contains("sentori-key-account/key-not-current"))
        let text = try place.run(["review"])
        #expect(text.stdout.contains("By code (worst first):"))
        #expect(text.stdout.contains("Codes never reached (142):"))
        #expect(text.stdout.contains("\n  sentori:500\n"), "piped: one name per line")
        #expect(text.stdout.contains("Conclusions never solved (\(neverSolved)):\n  cometchat-auth-keys/appid-missing-in-url\n"))
        let bad = try place.run(["review", "--since", "yesterday"])
        #expect(bad.status == 2 && bad.stderr.contains("--since expects a day"))
    }
}
