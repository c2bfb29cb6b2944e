import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The diagnosis screen on the shipped catalog: the named scenario walked with keys, and every tree started.
@Suite("Diagnosis screen: the shipped catalog")
struct ShippedDiagnosisTests {
    let catalog = Fixtures.shipped
    let code = CodeReference(vendor: "sentiance", code: "INSTALL_DOES_NOT_BELONG_TO_APP")

    @Test("Sentiance wrong environment: from INSTALL_DOES_NOT_BELONG_TO_APP to the wrong-environment conclusion")
    func wrongEnvironment() throws {
        try #require(catalog.tree(id: "sentiance-wrong-environment") != nil)
        guard case var .picker(picker) = DiagnosisLaunch.forCode(code, catalog: catalog, width: 80, height: 24) else {
            Issue.record("INSTALL_DOES_NOT_BELONG_TO_APP is diagnosed by two trees: d offers a choice")
            return
        }
        #expect(picker.trees.first == "sentiance-wrong-environment", "the most specific tree first")
        #expect(picker.trees.contains("sentiance-user-linking"))
        guard case let .start(session) = picker.send(.enter) else {
            Issue.record("Enter did not start the tree")
            return
        }
        var screen = DiagnosisScreen(session: session, catalog: catalog)
        #expect(screen.session.tree == "sentiance-wrong-environment")
        #expect(screen.session.path.first?.isImplied == true)
        #expect(screen.isTyping)
        screen.type("3f2a-install")
        screen.send(.enter)
        screen.type("app-staging-123")
        screen.send(.enter)
        screen.type("app-prod-456")
        screen.send(.enter)
        let question = screen.render().text
        #expect(question.contains("Do app-prod-456 (the request) and app-staging-123 (the SDK) belong to the"))
        #expect(question.contains("3 I can't tell which app created the install or user"))
        screen.send(.character("1"))
        #expect(screen.session.isFinished)
        #expect(screen.session.currentNode == "wrong-environment")
        let conclusion = screen.render().text
        #expect(conclusion.contains("Wrong environment: the request used app id app-prod-456, but the install or"))
        #expect(conclusion.contains("1. Make sure you are using the app_id belonging to the right environment:"))
        // Related codes and the escalation are further down.
        screen.send(.end)
        let end = screen.render().text
        #expect(end.contains("→ INSTALL_NOT_FOUND"))
        #expect(end.contains("Escalate to Sentiance"))
        #expect(end.contains("the \"ref\" uuid from the error body"))
        screen.send(.up)
        #expect(screen.selectedCode == CodeReference(vendor: "sentiance", code: "USER_NOT_FOUND"))
        #expect(screen.send(.enter) == .openCode(CodeReference(vendor: "sentiance", code: "USER_NOT_FOUND")))
    }

    @Test("every tree starts, renders at 80x24, 120x40 and 30x8, and walks to a conclusion taking first answers")
    func everyTree() throws {
        for tree in catalog.trees {
            var screen = try DiagnosisScreen.start(tree: tree.id, catalog: catalog)
            var steps = 0
            while !screen.session.isFinished, steps < 50 {
                if screen.isTyping { screen.type("value-\(steps)") }
                screen.send(screen.isTyping ? .enter : .character("1"))
                steps += 1
            }
            #expect(screen.session.isFinished, "\(tree.id) did not finish")
            for (width, height) in [(80, 24), (120, 40), (30, 8)] {
                screen.resize(width: width, height: height)
                let rendered = screen.render(unicode: width != 30)
                #expect(rendered.lines.count == height)
                #expect(rendered.lines.allSatisfy { DisplayWidth.of($0) <= width })
                screen.send(.end, .up, .pageUp, .tab, .up, .tab)
            }
        }
    }
}
