import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// One masking point (issue 18): a secret typed or pasted into the search or the find is never shown, kept in
/// the search history that goes to state.json, or echoed in a message; a huge paste into a field is taken in one
/// step, cut, and the cut is said.
@Suite struct SecretInputTests {
    static let token = "sk_live_4f3e2d1c0b9a8877"
    static let pasted = "Authorization: Bearer \(token)"

    /// The `saveMemory` effects of one key.
    static func saves(_ program: inout BrowserProgram, _ key: Key) -> [BrowserMemory] {
        program.update(.key(key)).effects.compactMap { effect in
            if case let .saveMemory(memory) = effect { return memory }
            return nil
        }
    }

    @Test("a token pasted into the search is masked on screen and in the saved history")
    func pastedIntoSearch() throws {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        _ = program.update(.paste(Self.pasted))
        #expect(program.state.browse.query == "Authorization: Bearer [secret]")
        #expect(!program.render().text.contains(Self.token))
        let saved = Self.saves(&program, .enter)
        let searches = try #require(saved.first?.searches)
        #expect(searches == ["Authorization: Bearer [secret]"])
        let json = String(decoding: try JSONEncoder().encode(saved.first), as: UTF8.self)
        #expect(!json.contains(Self.token), "state.json would hold the token: \(json)")
    }

    @Test("a key typed into the search joins the history masked; an old history with a key is masked when read")
    func typedIntoSearch() throws {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("apikey=\(Self.token)")
        let saved = Self.saves(&program, .enter)
        #expect(saved.first?.searches == ["apikey=[secret]"])
        #expect(SearchHistory(["order apikey: \(Self.token)"]).queries == ["order apikey: [secret]"])
    }

    @Test("a paste the find does not find is echoed masked and short, never whole")
    func findEchoesMasked() {
        var program = DetailFindTests.inDetail()
        program.send(.character("/"))
        _ = program.update(.paste(Self.pasted + " " + String(repeating: "lorem ipsum ", count: 40)))
        program.send(.enter)
        let message = program.state.browse.message ?? ""
        #expect(message.hasPrefix("Pattern not found: Authorization: Bearer [secret]"), "\(message)")
        #expect(message.count < 100, "\(message)")
        #expect(!program.render().text.contains(Self.token))
    }

    @Test("a 200 KB paste into the search is taken in one step, cut to the query's length, and the cut said")
    func hugePasteIntoSearch() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        let huge = String(repeating: "order lock ", count: 200_000 / 11)
        _ = program.update(.paste(huge))
        #expect(program.state.browse.query.count == BrowseModel.maximumQueryLength)
        #expect(program.state.browse.listedCodes.contains("ORDER_LOCKED"))
        let message = program.state.browse.message ?? ""
        #expect(message == "Paste cut to 200 chars", "\(message)")
        #expect(program.render().lines[23].contains("Paste cut to 200 chars"))
    }

    @Test("a 2 MB paste into the paste box keeps 1 MiB and says the rest was cut")
    func hugePasteIntoTheBox() {
        var program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 30)
        program.send(.character("e"))
        let line = "2026-12-06T10:00:00Z GET /v1/x apikey=\(Self.token) 200\n"
        let huge = String(repeating: line, count: (2 << 20) / line.utf8.count + 1)
        _ = program.update(.paste(huge))
        let box = program.state.pasteBox
        #expect((box?.text.utf8.count ?? .max) <= PasteBox.limit + 64 * 1024, "the masked text of at most 1 MiB")
        #expect(box?.text.contains(Self.token) == false)
        #expect(box?.message?.hasPrefix("Paste cut: the box holds 1 MiB") == true, "\(box?.message ?? "no message")")
        #expect(program.render().text.contains("Paste cut"))
    }
}
