import Foundation
import Testing
import TestSupport

/// The paste box and the pasted-response search in the real binary, through tmux with `paste-buffer -p`
/// (bracketed paste), and a full-screen diagnosis started from a paste file.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct ExplainEndToEndTests {
    static let curl = """
        > GET /v3/users HTTP/2
        > Host: 2a4f9c81e3b7d605.api-eu.cometchat.io
        > apikey: 5a4b3c2d1e0f9a8b7c6d
        >
        < HTTP/2 401
        <
        {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId 2a4f9c81e3b7d605 is invalid."}}
        """

    @Test func pasteBoxExplainsAndDiagnosesWithTheEvidence() async throws {
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage()
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("e")
        _ = try await tmux.waitFor(text: "Explain a paste")
        try tmux.paste(Self.curl)
        let explained = try await tmux.waitFor(text: "CometChat AUTH_ERR_INVALID_APPID")
        #expect(explained.contains("app_id"))
        #expect(explained.contains("Masked secrets"))
        #expect(!explained.contains("5a4b3c2d1e0f9a8b7c6d"), "the apikey is masked on screen")
        try tmux.press("d")
        let question = try await tmux.waitFor(text: "created in?")
        #expect(question.contains("from the pasted response"), "\(question)")
        #expect(question.contains("2a4f9c81e3b7d605"))
        #expect(question.contains("0 I can't tell from the ticket"))
        try tmux.press("C-c")
        let exit = try await tmux.waitForExit()
        #expect(exit.ttyIsSane)
    }

    @Test func aResponsePastedIntoSearchIsExplained() async throws {
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage()
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("/")
        try tmux.paste(#"{"message": "Install was deleted.", "errorCode": "INSTALL_DELETED", "ref": "r-77"}"#)
        // The paste may reach the box in more than one read: wait for its end, not for the box's title.
        let explained = try await tmux.waitFor(text: "r-77")
        #expect(explained.contains("Explain a paste"))
        #expect(explained.contains("INSTALL_DELETED"))
        try tmux.press("Escape")
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane)
    }

    @Test func fullScreenDiagnosisFromAPasteFileAsksOnlyTheRest() async throws {
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        let file = TestPaths.temporaryDirectory("from-paste-tmux").appendingPathComponent("paste.txt")
        try Data(Self.curl.utf8).write(to: file)
        try tmux.launchTriage(["diagnose", "--from", file.path])
        let question = try await tmux.waitFor(text: "created in?")
        #expect(question.contains("from the pasted response"))
        #expect(!question.contains("Which app id did the failing request use?\n"), "not asked")
        try tmux.press("0")
        let probe = try await tmux.waitFor(text: "Another region's host")
        #expect(probe.contains("can't tell"))
        try tmux.press("0")
        let end = try await tmux.waitFor(text: "Not determined")
        #expect(end.contains("s save transcript"))
        try tmux.press("Escape")
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 1, "not determined exits 1")
    }
}
