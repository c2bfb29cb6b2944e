import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The diagnosis screen's state machine on the fixture tree (acme-rejected): answering, going back, restarting,
/// notes, jumping back along the path, typing values, leaving.
@Suite("Diagnosis screen: keys")
struct DiagnosisKeyTests {
    let catalog = DiagnosisFixtures.catalog()

    /// The tree from its start, without a code: the first question is asked.
    func fromStart(width: Int = 80, height: Int = 24) throws -> DiagnosisScreen {
        try DiagnosisScreen.start(tree: "acme-rejected", catalog: catalog, width: width, height: height)
    }

    @Test("started from a code, the question it answers is skipped and shown in the path as implied")
    func implied() {
        let screen = DiagnosisFixtures.fromKeyMissing()
        #expect(screen.session.currentNode == "header")
        #expect(screen.session.path.count == 1)
        #expect(screen.session.path[0].isImplied)
        #expect(screen.selectedAnswer == 0)
        #expect(screen.focus == .step)
        #expect(!screen.isTyping)
        #expect(screen.render().text.contains("KEY_MISSING (implied by the code)"))
    }

    @Test("a digit answers at once; a digit without an answer only says so")
    func digits() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        #expect(screen.send(.character("7")) == .stay)
        #expect(screen.session.currentNode == "header")
        #expect(screen.message == "There is no answer 7; choose 1 to 2")
        screen.send(.character("2"))
        #expect(screen.session.currentNode == "add-header")
        #expect(screen.session.isFinished)
        #expect(screen.session.path.last?.answer == "No")
    }

    @Test("arrows (and j/k) select an answer, Enter takes it; a goto continues in the other tree")
    func arrowsAndEnter() throws {
        var screen = try fromStart()
        #expect(screen.session.currentNode == "which")
        screen.send(.down, .down, .down)  // stops at the last answer
        #expect(screen.selectedAnswer == 2)
        screen.send(.character("k"), .character("j"))
        #expect(screen.selectedAnswer == 2)
        screen.send(.up, .enter)
        #expect(screen.session.currentNode == "key")
        #expect(screen.isTyping)
        screen.send(.escape, .character("b"))  // leave the field, go back
        #expect(screen.session.currentNode == "which")
        #expect(screen.selectedAnswer == 1, "the answer given before is selected again")
        screen.send(.character("G"), .enter)
        #expect(screen.session.currentTree == "acme-keys")
        #expect(screen.session.currentNode == "which")
        guard case let .link(tree, _)? = screen.session.path.last?.kind else {
            Issue.record("no link step in the path")
            return
        }
        #expect(tree == "acme-keys")
        #expect(screen.render().text.contains("Continued in tree Acme key problems"))
    }

    @Test("b, Backspace and Left go back one answered step; at the first question they only explain")
    func back() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("b"))
        #expect(screen.session.currentNode == "header")
        #expect(screen.message == "This is the first question; Esc leaves the diagnosis")
        screen.send(.character("1"))
        screen.type("sk-live-123")
        screen.send(.enter)
        screen.type("acct-42")
        screen.send(.enter)
        #expect(screen.session.currentNode == "same")
        screen.send(.backspace)
        #expect(screen.session.currentNode == "account")
        #expect(screen.value == "acct-42", "the value typed before is back in the field")
        #expect(!screen.isTyping, "the keys stay commands: b again goes further back")
        screen.send(.escape, .left)
        #expect(screen.session.currentNode == "key")
        #expect(screen.value == "sk-live-123", "a secret comes back only into its own field")
        screen.send(.escape, .character("b"))
        #expect(screen.session.currentNode == "header")
        #expect(screen.selectedAnswer == 0)
    }

    @Test("b twice after two typed answers goes back twice and never types a b into a value")
    func backTwiceAfterTypedValues() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("sk-live-123")
        screen.send(.enter)
        screen.type("app-prod-456")
        screen.send(.enter)
        #expect(screen.session.currentNode == "same")
        screen.send(.character("b"), .character("b"))
        #expect(screen.session.currentNode == "key", "two steps back")
        #expect(!screen.session.values.values.contains { $0.hasSuffix("b") })
        #expect(screen.value == "sk-live-123")
        // Enter edits the value again and a second Enter submits it unchanged.
        screen.send(.enter, .enter)
        #expect(screen.session.currentNode == "account")
        #expect(screen.session.values["API_KEY"] == "sk-live-123")
        screen.type("app-prod-456")
        screen.send(.enter)
        #expect(screen.session.values["ACCOUNT"] == "app-prod-456")
    }

    @Test("r asks first, r again restarts; any other key cancels (at a conclusion r shows the reply instead)")
    func restart() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"), .escape)
        #expect(screen.session.currentNode == "key")
        screen.send(.character("r"))
        #expect(screen.session.currentNode == "key")
        #expect(screen.message?.hasPrefix("Press r again") == true)
        screen.send(.character("j"))
        #expect(screen.session.currentNode == "key")
        screen.send(.character("r"), .character("r"))
        #expect(!screen.session.isFinished)
        #expect(screen.session.currentNode == "header")
        #expect(screen.session.path.count == 1, "the implied answer is taken again")
        #expect(screen.message == "Restarted: every answer and note was dropped")
        // Nothing answered yet: r restarts at once.
        screen.send(.character("r"))
        #expect(screen.message == "Restarted: every answer and note was dropped")
    }

    @Test("n edits the note of the current step: typing is text, Enter saves, Esc cancels; notes show in the path")
    func notes() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("n"))
        #expect(screen.noteDraft == "")
        screen.type("raw request from ticket: b q r n")
        #expect(screen.session.currentNode == "header", "letters are text in the note editor")
        screen.send(.enter)
        #expect(screen.noteDraft == nil)
        #expect(screen.session.note == "raw request from ticket: b q r n")
        #expect(screen.message == "Note saved on step 2")
        #expect(screen.render().text.contains("Note: raw request from ticket: b q r n"))
        screen.send(.character("1"))
        #expect(screen.session.path[1].note == "raw request from ticket: b q r n")
        // Esc cancels an edit; an emptied note is removed.
        screen.send(.escape, .character("n"))
        screen.type("draft")
        screen.send(.escape)
        #expect(screen.session.note == nil)
        #expect(screen.isTyping == false)
        screen.send(.tab)
        #expect(screen.focus == .path)
        screen.send(.character("n"))
        #expect(screen.noteDraft == "raw request from ticket: b q r n")
        screen.send(.control("u"), .enter)
        #expect(screen.session.path[1].note == nil)
        #expect(screen.message == "Note removed")
    }

    @Test("Tab focuses the path; arrows select an earlier step and Enter jumps back to it")
    func jump() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("sk-live-123")
        screen.send(.enter)
        screen.type("acct-42")
        screen.send(.enter, .character("1"))
        #expect(screen.session.isFinished)
        screen.send(.tab)
        #expect(screen.focus == .path)
        #expect(screen.selectedPathStep == 4)
        screen.send(.up, .up, .up)
        #expect(screen.selectedPathStep == 1)
        screen.send(.enter)
        #expect(screen.focus == .step)
        #expect(screen.session.currentNode == "header")
        #expect(screen.session.path.count == 1)
        #expect(screen.selectedAnswer == 0)
        #expect(screen.message == "Back at question 2; the answers after it were dropped")
        // Jumping to the implied step lets the engineer overrule the code.
        screen.send(.tab, .home, .enter)
        #expect(screen.session.currentNode == "which")
        #expect(screen.selectedAnswer == 0)
        #expect(screen.render().text.contains("implied by code KEY_MISSING"))
        // Tab, Esc and Left return to the step without jumping.
        screen.send(.character("1"), .tab)
        #expect(screen.focus == .path)
        screen.send(.escape)
        #expect(screen.focus == .step)
        #expect(screen.session.path.count == 1)
    }

    @Test("in the value field letters are text (b, q, r, n too); Backspace, Ctrl-W, Ctrl-U edit; Enter submits")
    func typing() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"), .enter)  // Enter on an empty field: refused
        #expect(screen.session.currentNode == "key")
        #expect(screen.message == "The value is empty; type the value the question asks for")
        #expect(screen.type("bqrns? 1") == .stay)
        #expect(screen.value == "bqrns? 1")
        screen.send(.backspace)
        #expect(screen.value == "bqrns? ")
        screen.send(.control("w"))
        #expect(screen.value == "")
        screen.type("one two")
        screen.send(.control("u"))
        #expect(screen.value == "")
        screen.type("\u{1B}[31mkey")  // control characters never get in
        #expect(screen.value == "[31mkey")
        screen.send(.control("u"))
        screen.type("sk-live-123")
        screen.send(.enter)
        #expect(screen.session.currentNode == "account")
        #expect(screen.value == "")
        #expect(screen.isTyping)
    }

    @Test("Esc leaves the field; then keys are commands again, and Enter or i types again")
    func leaveField() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("abc")
        screen.send(.escape)
        #expect(!screen.isTyping)
        #expect(screen.message?.hasPrefix("Left the field") == true)
        #expect(screen.render().text.contains("Enter or i types the value"))
        screen.send(.character("i"))
        #expect(screen.isTyping)
        screen.type("d")
        #expect(screen.value == "abcd")
        screen.send(.escape, .enter)
        #expect(screen.isTyping)
        screen.send(.escape)
        #expect(screen.send(.character("q")) == .close)
    }

    @Test("a secret is masked while typed (Ctrl-R shows it) and appears nowhere after its step")
    func secrets() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("sk-live-123")
        var text = screen.render().text
        #expect(!text.contains("sk-live-123"))
        #expect(text.contains("•••••••••••"))
        #expect(screen.render(unicode: false).text.contains("***********"))
        screen.send(.control("r"))
        #expect(screen.render().text.contains("sk-live-123"), "shown on request while typed")
        screen.send(.enter)
        screen.type("acct-42")
        screen.send(.enter)
        for size in [(80, 24), (120, 40), (40, 12)] {
            screen.resize(width: size.0, height: size.1)
            text = screen.render().text
            #expect(!text.contains("sk-live"), "\(size)")
            #expect(text.contains("[secret]"), "\(size)")
        }
        screen.resize(width: 80, height: 24)
        screen.send(.tab)
        #expect(!screen.render().text.contains("sk-live"))
        screen.send(.tab, .character("1"))
        #expect(screen.session.isFinished)
        #expect(!screen.render().text.contains("sk-live"))
        #expect(screen.render().text.contains("The key [secret] belongs to another account than acct-42"))
        #expect(screen.session.path.allSatisfy { !$0.answer.contains("sk-live") && !$0.prompt.contains("sk-live") })
        #expect(!Transcript(session: screen.session, catalog: catalog, date: DiagnosisFixtures.date).markdown.contains("sk-live"))
    }

    @Test("the conclusion's related codes are links: j selects, Enter asks the host to open the code")
    func relatedCodes() {
        var screen = DiagnosisFixtures.fromKeyMissing(width: 120, height: 40)
        screen.send(.character("1"))
        screen.type("k")
        screen.send(.enter)
        screen.type("acct")
        screen.send(.enter, .character("1"))
        #expect(screen.send(.enter) == .stay)
        #expect(screen.message == "Select a related code with j/k, then Enter")
        screen.send(.character("j"))
        #expect(screen.selectedCode == CodeReference(vendor: "acme", code: "KEY_EXPIRED"))
        screen.send(.down)
        #expect(screen.selectedCode == CodeReference(vendor: "zeta", code: "1"))
        #expect(screen.send(.enter) == .openCode(CodeReference(vendor: "zeta", code: "1")))
        screen.send(.up, .up)
        #expect(screen.selectedCode == nil)
    }

    @Test("Esc and q leave, Ctrl-C quits, ? and F1 ask for help, s asks to save (also before the end)")
    func outcomes() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        #expect(screen.send(.escape) == .close)
        #expect(screen.send(.character("q")) == .close)
        #expect(screen.send(.character("?")) == .help)
        #expect(screen.send(.function(1)) == .help)
        #expect(screen.send(.character("s")) == .saveTranscript)
        #expect(screen.send(.control("c")) == .quit)
        screen.send(.character("1"))
        #expect(screen.send(.character("q")) == .stay, "q is text in the value field")
        #expect(screen.send(.control("c")) == .quit, "Ctrl-C quits even while typing")
        #expect(screen.send(.function(1)) == .help)
        screen.send(.tab)
        #expect(screen.send(.character("q")) == .close, "q leaves from the path too")
    }

    @Test("PgDn and PgUp scroll a long step; arrows keep the selected answer on screen")
    func scrolling() throws {
        var screen = try DiagnosisScreen.start(tree: "sentiance-wrong-environment", catalog: Fixtures.shipped,
                                               width: 40, height: 12)
        screen.send(.character("1"))
        screen.type("i")
        screen.send(.enter)
        screen.type("s")
        screen.send(.enter)
        screen.type("p")
        screen.send(.enter)
        #expect(screen.session.currentNode == "compare-apps")
        let document = screen.stepDocument()
        #expect(document.lines.count > screen.stepHeight)
        screen.send(.pageDown)
        #expect(screen.stepPane.scroll == screen.stepHeight - 1)
        screen.send(.pageUp)
        #expect(screen.stepPane.scroll == 0)
        screen.send(.end)
        #expect(screen.selectsCantTell, "the last row is \"I can't tell from the ticket\"")
        let last = document.targetLines[document.targets.count - 1]
        #expect(screen.stepPane.scroll + screen.stepHeight >= last.upperBound)
        screen.send(.home)
        #expect(screen.selectedAnswer == 0)
        #expect(screen.stepPane.scroll == 0)
        screen.send(.down)
        #expect(screen.stepPane.scroll + screen.stepHeight >= document.targetLines[1].upperBound)
    }

    @Test("a click chooses an answer; the wheel scrolls")
    func mouse() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        let layout = screen.layout
        let document = screen.stepDocument()
        let row = layout.step.y + document.targetLines[1].lowerBound
        _ = screen.handle(mouse: MouseEvent(kind: .press, x: layout.step.x + 4, y: row))
        #expect(screen.session.currentNode == "add-header")
        _ = screen.handle(mouse: MouseEvent(kind: .wheelDown, x: layout.step.x + 4, y: layout.step.y))
        _ = screen.handle(mouse: MouseEvent(kind: .press, x: 0, y: 0))  // a border: nothing
        #expect(screen.session.currentNode == "add-header")
    }
}
