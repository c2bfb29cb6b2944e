import Foundation
import Testing
import TestSupport

/// On a real terminal (tmux, 80x24): the decision badges in the codes list, flagging a code from the browser and a
/// question from a diagnosis, `r` showing the reply at a conclusion and `c` copying it, `+` rating it; then
/// `triage review` lists what was flagged, from the same database.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct ReplyFlagEndToEndTests {
    let database = TestPaths.temporaryDirectory("triage-e2e-reply").appendingPathComponent("sessions.sqlite").path

    @Test func badgesFlagsAndTheReplyOnARealTerminal() async throws {
        let environment = ["TRIAGE_DB": database, "USER": "e2e"]
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage([], environment: environment)
        _ = try await tmux.waitFor(text: "Vendors")

        // Badges: the codes the Error Guide says never succeed as sent, each whole with r:no.
        try tmux.type("/")
        try tmux.type("retry:no v:cometchat")
        let badges = try await tmux.waitFor(text: "ERR_CANNOT_BLOCK_SELF")
        #expect(badges.split(separator: "\n").filter { $0.contains("r:no") }.count >= 5, "\(badges)")

        // Flag a code from the browser.
        try tmux.press("Enter")
        try tmux.type("!")
        _ = try await tmux.waitFor(text: "Flag cometchat:")
        try tmux.type("example is outdated")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "triage review lists it")

        // A diagnosis of Sentori's code 200: flag its first question, then reach a conclusion.
        try tmux.press("Escape")
        try tmux.type("/")
        try tmux.type("Mailing List not found")
        try tmux.press("Enter")
        try tmux.type("d")
        _ = try await tmux.waitFor(text: "Which Mailing List ID did the request use?")
        try tmux.press("Escape")
        try tmux.type("!")
        _ = try await tmux.waitFor(text: "Flag sentori-lists/list-id:")
        try tmux.type("ask for the list name too")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Flagged sentori-lists/list-id")
        try tmux.type("i")
        try tmux.type("news-2026")
        try tmux.press("Enter")
        try tmux.type("1")
        _ = try await tmux.waitFor(text: "Conclusion")
        try tmux.type("r")
        let reply = try await tmux.waitFor(text: "Reply to the customer")
        #expect(reply.contains("news-2026"), "\(reply)")
        #expect(reply.contains("Internal note"))
        try tmux.type("c")
        _ = try await tmux.waitFor(text: "the reply")
        try tmux.type("+")
        _ = try await tmux.waitFor(text: "Thumbs up for sentori-lists/list-wrong-id")
        try tmux.press("C-c")

        let run = try TriageProcess.run(["review", "--json"], environment: ["TRIAGE_DB": database])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let codes = try #require(object["codes"] as? [[String: Any]])
        let flaggedCodes = codes.filter { ($0["flagged"] as? Int ?? 0) > 0 }
        #expect(flaggedCodes.count == 2, "\(codes)")
        #expect(flaggedCodes.contains { ($0["notes"] as? [String]) == ["example is outdated"] })
        let conclusions = try #require(object["conclusions"] as? [[String: Any]])
        let wrongID = try #require(conclusions.first { $0["name"] as? String == "sentori-lists/list-wrong-id" })
        #expect(wrongID["reached"] as? Int == 1 && wrongID["thumbs_up"] as? Int == 1)
    }
}
