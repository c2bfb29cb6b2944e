import Foundation
import TerminalKit
import Testing
import TriageCore
import TriageStorage
@testable import TriageUI

/// The diagnosis inside the browser: `d`, `t`, tree links, leaving and resuming, related-code jumps, saving,
/// starting straight in a diagnosis, help and status line.
@Suite("Browser: guided diagnosis")
struct BrowserDiagnosisTests {
    /// The fixture catalog with both trees, KEY_MISSING selected in the codes pane.
    func atKeyMissing(width: Int = 80, height: Int = 24, options: BrowserOptions = BrowserOptions()) -> BrowserProgram {
        var program = BrowserProgram.sized(DiagnosisFixtures.catalog(), width: width, height: height, options: options)
        program.send(.down, .enter)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        return program
    }

    @Test("d on a code one tree diagnoses starts it at once; Esc returns to the code; q quits only from the browser")
    func oneTree() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter)
        #expect(program.render().lines[23].contains("d diagnose"))
        program.send(.character("d"))
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session.tree == "acme-keys")
        let screen = program.render()
        #expect(screen.lines[0].contains("Question 1 · Acme key problems"))
        #expect(screen.lines[23].contains("1-2 answer"), "the status line shows the diagnosis keys")
        #expect(program.send(.character("q")) == .continue)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.browse.focus == .list)
        #expect(program.send(.character("q")) == .quit)
    }

    @Test("d on a code several trees diagnose lists them, most specific first; Enter starts; Esc closes the list")
    func severalTrees() {
        var program = atKeyMissing()
        program.send(.character("d"))
        #expect(program.state.mode == .trees)
        #expect(program.state.treePicker?.trees == ["acme-keys", "acme-rejected"])
        let screen = program.render()
        #expect(screen.text.contains("Trees for KEY_MISSING (2)"))
        #expect(screen.lines[23].hasPrefix(" Trees for KEY_MISSING (2)"))
        #expect(screen.lines[23].hasSuffix("Enter start  Esc close  type filter  ? help"))
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(program.state.treePicker == nil)
        program.send(.character("d"), .down, .enter)
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session.tree == "acme-rejected")
        #expect(program.state.diagnosis?.session.currentNode == "header", "KEY_MISSING answered the first question")
    }

    @Test("t lists every tree from anywhere in the browser; a tree started from it has no code")
    func allTrees() {
        var program = BrowserProgram.sized(DiagnosisFixtures.catalog())
        program.send(.character("t"))
        #expect(program.state.mode == .trees)
        #expect(program.render().text.contains("Decision trees (2)"))
        program.send(.character("2"))
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session.code == nil)
        #expect(program.state.diagnosis?.session.currentNode == "which")
        program.send(.escape)
        program.send(.character("/"))
        program.type("t")
        #expect(program.state.mode == .search, "t is text while searching")
    }

    @Test("d without a code or without a tree only explains")
    func nothingToDiagnose() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .down, .enter)  // Orders: no trees
        #expect(program.state.browse.selectedEntry?.code == "ORDER_NOT_FOUND")
        #expect(!program.render().lines[23].contains("d diagnose"))
        program.send(.character("d"))
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.message == "No decision tree diagnoses ORDER_NOT_FOUND yet; t lists every tree")
        program.send(.character("D"))
        #expect(program.state.browse.message == "No diagnosis yet: d diagnoses the selected code, t lists every tree")
    }

    @Test("leaving keeps the diagnosis: D resumes it, and so does d on the same code and tree")
    func resume() {
        var program = atKeyMissing()
        program.send(.character("d"), .down, .enter, .character("1"))
        program.type("sk-live")
        program.send(.enter, .escape, .escape)
        #expect(program.state.mode == .browse)
        #expect(program.render().lines[23].contains("Left the diagnosis; D returns to it"))
        program.send(.character("D"))
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session.currentNode == "account")
        #expect(program.state.diagnosis?.isTyping == true, "back in the value field")
        #expect(program.render().lines[23].contains("Resumed where you left off; r r starts over"))
        program.send(.escape, .escape, .character("d"))
        #expect(program.state.mode == .diagnosis, "d on the same code resumes instead of asking for a tree")
        #expect(program.state.diagnosis?.session.currentNode == "account")
        // Another tree while this one is open: asked first (c continues it, n starts the other one fresh).
        program.send(.escape, .escape, .character("t"), .character("1"))
        #expect(program.state.diagnosis?.session.tree == "acme-rejected", "not replaced without asking")
        #expect(program.state.prompt?.text.hasSuffix("is open: c continues it, n starts a new one") == true)
        program.send(.character("n"))
        #expect(program.state.diagnosis?.session.tree == "acme-keys")
        #expect(program.state.diagnosis?.session.path.isEmpty == true)
    }

    @Test("a related code of the conclusion opens in the browser; Esc goes back to the code before, D to the diagnosis")
    func relatedCode() {
        var program = atKeyMissing()
        program.send(.character("d"), .down, .enter, .character("1"))
        program.type("sk")
        program.send(.enter)
        program.type("acct")
        program.send(.enter, .character("1"))
        #expect(program.state.diagnosis?.session.isFinished == true)
        program.send(.down, .down, .enter)  // Zeta 1
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedEntry?.reference == CodeReference(vendor: "zeta", code: "1"))
        #expect(program.state.browse.selectedCategory?.id == "general")
        #expect(program.state.browse.focus == .detail)
        #expect(program.render().lines[23].contains("1 from the diagnosis: D returns to it"))
        #expect(program.state.invariantViolations() == [])
        program.send(.escape)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        program.send(.character("D"))
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session.isFinished == true)
    }

    @Test("s returns a save effect with the transcript at the options' time; its answer shows where it went")
    func save() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var program = atKeyMissing(options: BrowserOptions(clock: { DiagnosisFixtures.date }))
        program.send(.character("d"), .enter, .character("2"))
        let update = program.update(.key(.character("s")))
        guard case let .saveTranscript(draft)? = update.effects.first else {
            Issue.record("s asked for no effect: \(update.effects)")
            return
        }
        #expect(update.effects.count == 1)
        #expect(draft.fileName == "acme-keys-20261123T085111Z.md")
        #expect(program.state.diagnosis?.lastSavedPath == nil, "nothing is written inside update")
        _ = program.answer(update.effects[0].perform(transcripts: .folder(folder)))
        let path = folder + "/acme-keys-20261123T085111Z.md"
        #expect(program.state.diagnosis?.lastSavedPath == path)
        // The whole path: a message longer than the status line takes the rows above it.
        let status = program.render().lines.suffix(3).joined()
        #expect(status.contains("Transcript saved to"))
        #expect(status.replacingOccurrences(of: " ", with: "").contains(path.replacingOccurrences(of: " ", with: "")))
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(text.hasPrefix("# Diagnosis: Acme key problems"))
        #expect(text.contains("## Conclusion: The key is missing"))
        // Without a saver, s explains instead of writing.
        var plain = atKeyMissing()
        plain.send(.character("d"), .enter, .character("s"))
        #expect(plain.state.diagnosis?.message?.hasPrefix("Saving transcripts needs HOME") == true)
    }

    @Test("BrowserOptions.diagnosis starts in the diagnosis; leaving it shows the code's detail")
    func startInDiagnosis() throws {
        let catalog = DiagnosisFixtures.catalog()
        let session = try DiagnosisSession.start(tree: "acme-rejected", from: DiagnosisFixtures.keyMissing, in: catalog)
        var program = BrowserProgram.sized(catalog, options: BrowserOptions(diagnosis: session))
        #expect(program.state.mode == .diagnosis)
        #expect(program.render().lines[2].contains("Question 2 · Acme rejects the request"))
        program.send(.character("2"))
        #expect(program.state.diagnosis?.session.isFinished == true)
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.browse.focus == .detail)
        #expect(program.state.invariantViolations() == [])
    }

    @Test("resizes reach the diagnosis: side by side at 120x40, too small below 30x8, back again")
    func resize() {
        var program = atKeyMissing()
        program.send(.character("d"), .enter)
        _ = program.update(.resize(width: 120, height: 40))
        #expect(program.state.diagnosis?.width == 120)
        #expect(program.render().lines[0].hasPrefix("┌ Path (0) "))
        _ = program.update(.resize(width: 20, height: 6))
        #expect(program.render().text.contains("Terminal too small"))
        _ = program.update(.resize(width: 80, height: 24))
        #expect(program.render().lines[0].contains("Question 1 · Acme key problems"))
        #expect(program.send(.control("c")) == .quit)
    }

    @Test("a click on an answer in the diagnosis takes it")
    func mouse() throws {
        var program = atKeyMissing()
        program.send(.character("d"), .enter)
        let diagnosis = try #require(program.state.diagnosis)
        let row = diagnosis.layout.step.y + diagnosis.stepDocument().targetLines[1].lowerBound
        _ = program.update(.mouse(MouseEvent(kind: .press, x: 5, y: row)))
        #expect(program.state.diagnosis?.session.currentNode == "add")
    }
}
