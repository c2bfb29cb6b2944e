import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// On screen, a conclusion reached through "can't tell" says it is presumed, before its steps, with each
/// question that was not answered and what to check (issue 18: the caveat was only in the saved transcript).
@Suite("Diagnosis screen: presumed conclusions")
struct PresumedStepPaneTests {
    @Test("0 at the rate-limit tree's first question, then an answer: the pane title and the lines say presumed")
    func cantTellShowsThePresumptions() throws {
        var screen = try DiagnosisScreen.start(tree: "cometchat-plan-limits", from: nil, catalog: Fixtures.shipped,
                                               width: 100, height: 40)
        screen.send(.character("0"), .character("2"))
        try #require(screen.session.isFinished)
        #expect(screen.session.isDetermined)
        let text = screen.render().text
        #expect(text.contains("Presumed conclusion · "), "the pane's title")
        #expect(text.contains("Presumed, not confirmed by the ticket"))
        // Wrapped to the pane: the unanswered question, then what to check.
        let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("You could not tell: Which error code"))
        #expect(flat.contains("check: ERR_TOO_MANY_REQUESTS is the most common code"))
        let presumed = try #require(text.range(of: "Presumed, not confirmed"))
        let steps = try #require(text.range(of: "Steps"))
        #expect(presumed.lowerBound < steps.lowerBound, "what was presumed comes before what to do")
    }

    @Test("Answered questions only: a plain conclusion, no presumed block")
    func answersOnlyAreNotPresumed() throws {
        var screen = try DiagnosisScreen.start(tree: "cometchat-plan-limits", from: nil, catalog: Fixtures.shipped,
                                               width: 100, height: 40)
        screen.send(.character("4"), .character("1"))
        try #require(screen.session.isFinished)
        let text = screen.render().text
        #expect(text.contains("Conclusion · "))
        #expect(!text.contains("Presumed"))
    }

    @Test("0 at every question: not determined, said once, with what to collect")
    func cantTellEverywhereIsNotDetermined() throws {
        var screen = try DiagnosisScreen.start(tree: "cometchat-plan-limits", from: nil, catalog: Fixtures.shipped,
                                               width: 100, height: 40)
        for _ in 0..<10 where !screen.session.isFinished { screen.send(.character("0")) }
        try #require(screen.session.isFinished)
        #expect(!screen.session.isDetermined)
        let text = screen.render().text
        #expect(text.contains("Not determined from the ticket: how many"))
        #expect(!text.contains("Not determined: Not determined"), "said once")
        #expect(text.contains("What to collect"))
        #expect(!text.contains("Presumed"), "a conclusion that names no cause is not presumed")
    }
}
