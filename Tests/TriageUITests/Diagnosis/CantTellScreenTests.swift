import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The full screen's "I can't tell from the ticket" (0 on questions, Ctrl-T in a value field), typed values
/// (a choices menu, the engine's messages, max_length while typing), not-determined conclusions, and a
/// diagnosis started with a paste's evidence.
@Suite("Diagnosis screen: can't tell, typed values, evidence")
struct CantTellScreenTests {
    let catalog = Fixtures.shipped
    let code = CodeReference(vendor: "cometchat", code: "AUTH_ERR_INVALID_APPID")

    func wrongRegion() throws -> DiagnosisScreen {
        try DiagnosisScreen.start(tree: "cometchat-wrong-region", from: code, catalog: catalog, width: 100, height: 30)
    }

    @Test("Ctrl-T on an ask leaves the value unknown; the choices are a numbered menu; a number picks a choice")
    func askCantTellAndChoices() throws {
        var screen = try wrongRegion()
        #expect(screen.isTyping)
        #expect(screen.render().lines[29].contains("Ctrl-T can't tell"), "the hint names the key")
        screen.send(.control("t"))
        #expect(screen.session.path.last?.kind == .unknownValue(variable: "APP_ID"))
        let menu = screen.render().text
        #expect(menu.contains("Which region is in the host name the request went to?"))
        #expect(menu.contains(" 1 us"))
        #expect(menu.contains(" 2 eu"))
        #expect(menu.contains(" 3 in"))
        screen.type("7")
        screen.send(.enter)
        #expect(screen.session.currentNode == "request-region", "7 is not a choice")
        #expect(screen.message?.contains("us, eu or in") == true, "the engine's message: \(screen.message ?? "")")
        screen.send(.control("u"))
        screen.type("2")
        screen.send(.enter)
        #expect(screen.session.values["REGION"] == "eu")
        let question = screen.render().text
        #expect(question.contains("0 I can't tell from the ticket"), "the question's last row")
        #expect(question.contains("api-eu"))
    }

    @Test("0 answers a question can't tell; the check is recorded; a not-determined end is its own kind")
    func questionCantTellToNotDetermined() throws {
        var screen = try wrongRegion()
        screen.type("2a4f9c81e3b7d605")
        screen.send(.enter)
        screen.type("us")
        screen.send(.enter)
        #expect(screen.render().lines[29].contains("0 can't tell"))
        screen.send(.character("0"))
        #expect(screen.session.path.last?.isCantTell == true)
        #expect(screen.session.currentNode == "probe-regions")
        screen.send(.end)
        #expect(screen.selectsCantTell, "the last row can be selected")
        screen.send(.enter)
        #expect(screen.session.isFinished)
        #expect(!screen.session.isDetermined)
        let end = screen.render()
        #expect(end.lines[0].contains("Not determined · CometChat app id"))
        #expect(end.text.contains("Not determined: "))
        #expect(end.lines[29].contains("s save transcript"))
    }

    @Test("A pattern mismatch shows the engine's message; max_length stops the field while typing")
    func patternAndLength() throws {
        var screen = try wrongRegion()
        screen.type("not an app id!")
        screen.send(.enter)
        #expect(screen.session.currentNode == "app-id")
        #expect(screen.message?.contains("letters, digits and dashes") == true, "\(screen.message ?? "")")
        screen.send(.control("u"))
        screen.type(String(repeating: "a", count: 600))
        #expect(screen.value.count == 256, "the default max_length")
    }

    @Test("Started with a paste's evidence, the app id and region are filled from the pasted response")
    func evidencePrefill() throws {
        let evidence = Evidence([.appID: "2a4f9c81e3b7d605", .region: "eu", .host: "2a4f9c81e3b7d605.api-eu.cometchat.io"],
                                origin: "the pasted response")
        let session = try DiagnosisSession.start(tree: "cometchat-wrong-region", from: code, evidence: evidence, in: catalog)
        var screen = DiagnosisScreen(session: session, catalog: catalog, width: 100, height: 30)
        #expect(screen.session.currentNode == "app-region", "neither value is asked")
        let text = screen.render().text
        #expect(text.contains("from the pasted response"))
        #expect(screen.session.path.map(\.answerText) == ["2a4f9c81e3b7d605 (from the pasted response)",
                                                            "eu (from the pasted response)"])
        #expect(text.contains("2a4f9c81e3b7d605 created in?"))
        // Changeable: back returns to the region, with the pasted value in the field.
        screen.send(.character("b"))
        #expect(screen.session.currentNode == "request-region")
        #expect(screen.value == "eu")
    }
}
