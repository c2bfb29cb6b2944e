import TerminalKit
import TestSupport
import Testing
import TriageCore
@testable import TriageUI

/// The last step of the loop on screen: the reply at a conclusion (`r`, `c`), flags (`!` in the browser and in a
/// diagnosis, `+` / `-` at a conclusion) and the decision badges, rendered into the in-memory buffer.
@Suite("Reply, flags and decision badges on screen")
struct ReplyAndFlagScreenTests {
    let catalog = Fixtures.shipped

    /// Sentori's list tree at its first conclusion, the list id typed.
    func atListConclusion() throws -> DiagnosisScreen {
        var screen = try DiagnosisScreen.start(tree: "sentori-lists", from: CodeReference(vendor: "sentori", code: "200"),
                                               catalog: catalog)
        #expect(screen.isTyping, "the list id is asked first")
        screen.type("newsletter-2026")
        screen.send(.enter)
        screen.send(.character("1"))
        #expect(screen.session.currentNode == "list-wrong-id")
        return screen
    }

    @Test("r at a conclusion shows the filled reply and the note; r again the conclusion; c asks to copy it")
    func replyAtAConclusion() throws {
        var screen = try atListConclusion()
        let conclusion = screen.render().text
        #expect(conclusion.contains("Conclusion · Sentori mailing list not found"))
        // Where the status line has room, it offers the reply (at 80 columns the older hints come first).
        screen.resize(width: 160, height: 24)
        #expect(screen.render().lines[23].contains("r reply"))
        screen.resize(width: 80, height: 24)
        screen.send(.character("r"))
        #expect(screen.showingReply)
        let reply = screen.render()
        #expect(reply.text.contains("Reply for the ticket · Sentori mailing list not found"))
        #expect(reply.text.contains("Reply to the customer"))
        #expect(reply.text.contains("The request named mailing list newsletter-2026, which is not a list's"))
        #expect(reply.text.contains("Internal note"))
        #expect(!reply.text.contains("@LIST_ID"))
        #expect(reply.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(screen.send(.character("c")) == .request(.copyReply))
        screen.send(.character("r"))
        #expect(!screen.showingReply)
        #expect(screen.render().text == conclusion, "r again: the conclusion as it was")
        #expect(!screen.session.path.isEmpty, "r at a conclusion never restarts")
    }

    @Test("c before a conclusion copies nothing and says where it works")
    func copyReplyOnlyAtAConclusion() throws {
        var screen = try DiagnosisScreen.start(tree: "sentori-lists", catalog: catalog)
        screen.send(.escape)
        #expect(screen.send(.character("c")) == .stay)
        #expect(screen.message?.contains("at a conclusion") == true)
    }

    @Test("in the browser, c at a conclusion puts the reply (never a secret) on the clipboard effect")
    func copyReplyInTheBrowser() throws {
        var program = BrowserProgram.sized(catalog)
        program.type("/")
        program.type("API Key not valid")
        program.send(.enter)
        program.send(.character("d"))
        if program.state.mode == .trees { program.send(.enter) }
        #expect(program.state.diagnosis?.session.tree == "sentori-key-account")
        // The key typed is a secret; the reply must not carry it.
        var steps = 0
        while program.state.diagnosis?.session.isFinished == false, steps < 10 {
            if program.state.diagnosis?.isTyping == true {
                program.type("3f6d2c1a-8b4e-4f1a-9c2d-7e5b0a1f9c3d")
                program.send(.enter)
            } else {
                program.send(.character("1"))
            }
            steps += 1
        }
        #expect(program.state.diagnosis?.session.isFinished == true)
        let update = program.update(.key(.character("c")))
        let copied = update.effects.compactMap { effect -> String? in
            if case let .copy(clip) = effect { return clip.text }
            return nil
        }
        #expect(copied.count == 1)
        #expect(copied.first?.hasPrefix("## Reply to the customer\n\n") == true)
        #expect(copied.first?.contains("3f6d2c1a") == false)
        #expect(copied.first?.contains("## Internal note") == true)
    }

    @Test("! on a code in the browser asks for a note and stores a flag of that code")
    func flagFromTheBrowser() {
        var program = BrowserProgram.sized(catalog)
        program.type("/")
        program.type("ERR_TOO_MANY_REQUESTS")
        program.send(.enter)
        #expect(program.state.browse.selectedEntry?.code == "ERR_TOO_MANY_REQUESTS")
        program.send(.character("!"))
        #expect(program.state.mode == .prompt)
        #expect(program.render().lines[23].hasPrefix(" Flag cometchat:ERR_TOO_MANY_REQUESTS: "))
        program.type("limits moved to the plan page; sent Bearer sk_live_0123456789abcdef")
        let update = program.update(.key(.enter))
        #expect(program.state.mode == .browse)
        let flags = update.effects.compactMap { effect -> CatalogFlag? in
            if case let .flag(flag) = effect { return flag }
            return nil
        }
        #expect(flags.count == 1)
        #expect(flags.first?.kind == .flag)
        #expect(flags.first?.code == "cometchat:ERR_TOO_MANY_REQUESTS")
        #expect(flags.first?.tree == nil && flags.first?.sessionID == nil)
        #expect(flags.first?.note?.hasPrefix("limits moved to the plan page") == true)
        #expect(flags.first?.note?.contains("0123456789abcdef") == false, "a key in the note is masked")
        // Esc flags nothing.
        program.send(.character("!"), .escape)
        #expect(program.state.mode == .browse)
        #expect(program.render().lines[23].contains("Nothing flagged"))
    }

    @Test("! on a question flags that step; + and - rate a conclusion; + before a conclusion says what it does")
    func flagFromADiagnosis() throws {
        var screen = try DiagnosisScreen.start(tree: "sentori-lists", from: CodeReference(vendor: "sentori", code: "200"),
                                               catalog: catalog)
        #expect(screen.send(.escape, .character("!")) == .request(.flag(.flag)))
        #expect(screen.send(.character("+")) == .stay)
        #expect(screen.message?.contains("rate a conclusion") == true)
        var concluded = try atListConclusion()
        #expect(concluded.send(.character("+")) == .request(.flag(.up)))
        #expect(concluded.send(.character("-")) == .request(.flag(.down)))

        // Through the shell: the flag names the step, the code and (once stored) the session.
        var program = BrowserProgram.sized(catalog)
        program.type("/")
        program.type("Mailing List not found")
        program.send(.enter, .character("d"))
        if program.state.mode == .trees { program.send(.enter) }
        #expect(program.state.diagnosis?.session.currentNode == "list-id")
        program.send(.escape, .character("!"))
        #expect(program.render().lines[23].hasPrefix(" Flag sentori-lists/list-id: "))
        program.type("ask for the list name too")
        let update = program.update(.key(.enter))
        guard case let .flag(flag)? = update.effects.first(where: { if case .flag = $0 { return true } else { return false } }) else {
            Issue.record("no flag effect: \(update.effects)")
            return
        }
        #expect(flag.kind == .flag && flag.tree == "sentori-lists" && flag.node == "list-id")
        #expect(flag.code == "sentori:200")
        #expect(flag.note == "ask for the list name too")
        #expect(program.state.mode == .diagnosis, "back in the diagnosis after the note")
    }

    @Test("decision badges in the codes list at 80x24: only known facts, and never at the cost of a code")
    func badgesAt80x24() {
        var program = BrowserProgram.sized(catalog)
        program.type("/")
        program.type("retry:no v:cometchat")
        let screen = program.render()
        #expect(program.state.browse.listTotal == 7)
        let rows = screen.lines.filter { $0.contains("ERR_") }
        #expect(rows.count >= 7)
        for code in ["ERR_CANNOT_BLOCK_SELF", "ERR_CANNOT_FORM_SELF_RELATION", "ERR_MESSAGE_ACTION_NOT_ALLOWED"] {
            #expect(rows.contains { $0.contains(code + " ") }, "\(code) whole")
        }
        #expect(rows.filter { $0.contains("r:no") }.count == 7, "\(rows)")
        // The longest code of the catalog at 80 columns: whole, its badge given up if need be.
        program.send(.escape)
        program.type("/")
        program.type("CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON")
        let long = program.render().lines.filter { $0.contains("CANNOT_LINK") }
        #expect(long.contains { $0.contains("CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON") }, "\(long)")
        #expect(program.render().lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test("the detail shows the badge: retry and who fixes it")
    func badgeInTheDetail() {
        var program = BrowserProgram.sized(catalog, width: 120, height: 40)
        program.type("/")
        program.type("ERR_SUBSCRIPTION_EXPIRED")
        program.send(.enter)
        #expect(program.render().text.contains("retry: after fix · fix: customer"))
        #expect(program.render(unicode: false).text.contains("retry: after fix"))
    }
}
