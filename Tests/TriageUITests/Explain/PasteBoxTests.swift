import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The browser's paste box (`e`) and a response pasted into `/`: explained with the Explainer, secrets masked,
/// Enter opens the code, `d` diagnoses it with the paste's evidence filled in.
@Suite("Browser: explain a paste")
struct PasteBoxTests {
    static let curl = """
        > GET /v3/users HTTP/2
        > Host: 2a4f9c81e3b7d605.api-eu.cometchat.io
        > apikey: 5a4b3c2d1e0f9a8b7c6d
        >
        < HTTP/2 401
        <
        {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId 2a4f9c81e3b7d605 is invalid."}}
        """

    func opened() -> BrowserProgram {
        var program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 30)
        program.send(.character("e"))
        return program
    }

    @Test("e opens an empty box; typing is text (Enter a new line); Ctrl-E explains; the screen shows the code")
    func typedAndExplained() {
        var program = opened()
        #expect(program.state.mode == .explain)
        let empty = program.render()
        #expect(empty.lines[0].contains("Explain a paste"))
        #expect(empty.lines[29].contains("Ctrl-E explain"))
        program.type("Sentori replied 404:")
        program.send(.enter)
        program.type("Contact not found")
        #expect(program.state.pasteBox?.text == "Sentori replied 404:\nContact not found")
        #expect(program.state.pasteBox?.isEditing == true, "d and e were text")
        program.send(.control("e"))
        let box = program.state.pasteBox
        #expect(box?.chosen == CodeReference(vendor: "sentori", code: "101"))
        let screen = program.render().text
        #expect(screen.contains("Sentori 101"))
        #expect(screen.contains("Why: "))
        #expect(screen.contains("http_status"))
        #expect(program.render().lines[29].contains("Enter open code"))
        program.send(.enter)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedEntry?.reference == CodeReference(vendor: "sentori", code: "101"))
    }

    @Test("a bracketed paste is explained at once, its secrets masked on screen and dropped from the box")
    func pasteIsExplainedAndMasked() {
        var program = opened()
        _ = program.update(.paste(Self.curl))
        let box = program.state.pasteBox
        #expect(box?.isEditing == false)
        #expect(box?.chosen == CodeReference(vendor: "cometchat", code: "AUTH_ERR_INVALID_APPID"))
        #expect(box?.text.contains("5a4b3c2d1e0f9a8b7c6d") == false, "the raw secret is not kept")
        let screen = program.render().text
        #expect(screen.contains("CometChat AUTH_ERR_INVALID_APPID"))
        #expect(screen.contains("app_id"))
        #expect(screen.contains("2a4f9c81e3b7d605"))
        #expect(screen.contains("Masked secrets"))
        #expect(!screen.contains("5a4b3c2d1e0f9a8b7c6d"))
    }

    @Test("d diagnoses the code with the evidence: the app id and region come from the pasted host")
    func diagnoseWithEvidence() {
        var program = opened()
        _ = program.update(.paste(Self.curl))
        program.send(.character("d"))
        #expect(program.state.mode == .diagnosis)
        let session = program.state.diagnosis?.session
        #expect(session?.tree == "cometchat-wrong-region")
        #expect(session?.currentNode == "app-region", "the app id and the region are not asked")
        #expect(session?.values["APP_ID"] == "2a4f9c81e3b7d605")
        #expect(session?.values["REGION"] == "eu")
        #expect(session?.path.allSatisfy { $0.origin == "the pasted response" } == true)
        #expect(program.render().text.contains("from the pasted response"))
    }

    @Test("a response pasted into / opens the box explained; a plain phrase is still a query")
    func pasteIntoSearch() {
        var program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 30)
        program.send(.character("/"))
        _ = program.update(.paste("rate limit"))
        #expect(program.state.mode == .search)
        #expect(program.state.browse.query == "rate limit")
        _ = program.update(.paste(#"{"errorCode": "INSTALL_DELETED", "message": "x", "ref": "r-1"}"#))
        #expect(program.state.mode == .explain)
        #expect(program.state.pasteBox?.chosen?.code == "INSTALL_DELETED")
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(PasteBox.looksLikeResponse("HTTP/1.1 403 Forbidden\n\n{}"))
        #expect(!PasteBox.looksLikeResponse("customer gets INSTALL_DELETED"))
    }

    @Test("? in an explained box lists the box's keys; any key returns to the box; while typing ? is text")
    func help() {
        var program = opened()
        program.type("?")
        #expect(program.state.mode == .explain)
        #expect(program.state.pasteBox?.text == "?")
        _ = program.update(.paste(Self.curl))
        program.send(.character("?"))
        #expect(program.state.mode == .help)
        let screen = program.render().text
        for binding in KeyHelp.sections(for: .explain).flatMap(\.bindings) {
            #expect(screen.contains(binding.keys), "\(binding.keys)")
        }
        program.send(.character("x"))
        #expect(program.state.mode == .explain)
        #expect(program.state.pasteBox?.isEditing == false)
    }

    @Test("a paste past 1 MiB is cut, and the box says so")
    func bounded() {
        var box = PasteBox()
        box.append(String(repeating: "x", count: PasteBox.limit + 10))
        #expect(box.text.utf8.count == PasteBox.limit)
        #expect(box.message?.contains("1 MiB") == true)
    }
}
