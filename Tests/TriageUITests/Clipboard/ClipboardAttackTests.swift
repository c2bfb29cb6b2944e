import Foundation
import Testing
import TerminalKit
import TriageCore
@testable import TriageUI

/// Paste-jacking through the clipboard (issue 19): a catalog code holding a newline and a command, or escape
/// sequences, copied with `y`. What `y` asks to copy is one inert line: every control character is a visible
/// escape, and the status line says so.
@Suite struct ClipboardAttackTests {
    static let hostile = """
        vendor:
          id: evil
          name: Evil
        categories:
          - id: c
            name: Cat
        codes:
          - code: "AAA_SAFE\\ntouch ~/PWNED"
            category: c
            description: A code with a command after a newline.
          - code: "BBB\\e]0;pwned\\a\\r\\u202Etxt"
            category: c
            description: A code with escape sequences.

        """

    /// `y` on the code at row `row` of the code list: the copy effect asked for.
    private func copy(row: Int) throws -> (clip: ClipboardText, program: BrowserProgram) {
        let loaded = CatalogLoader.load([CatalogSource(name: "t", files: [("evil.yaml", Self.hostile)])])
        var program = BrowserProgram.sized(loaded.catalog)
        program.send(.tab)
        for _ in 0..<row { program.send(.down) }
        let effects = program.update(.key(.character("y"))).effects
        guard case let .copy(clip)? = effects.first else {
            Issue.record("y asked for \(effects)")
            throw CancellationError()
        }
        return (clip, program)
    }

    @Test("a code with a newline and a command is copied as one line with the newline escaped")
    func newlineAndCommand() throws {
        let (clip, program) = try copy(row: 0)
        #expect(clip.kind == .line)
        #expect(clip.text == #"AAA_SAFE\ntouch ~/PWNED"#)
        #expect(!clip.text.contains("\n") && !clip.text.contains("\r"))
        #expect(clip.escaped == 1)
        var answered = program
        _ = answered.answer(.copied(bytes: clip.text.utf8.count, via: "OSC 52"))
        #expect(answered.state.browse.message?.contains("1 control character written as escapes") == true,
                "\(answered.state.browse.message ?? "no message")")
    }

    @Test("escape sequences, a carriage return and a bidi override are escaped, never copied raw")
    func escapeSequences() throws {
        let (clip, _) = try copy(row: 1)
        #expect(clip.text == #"BBB\e]0;pwned\u{0007}\r\u{202E}txt"#)
        #expect(!clip.text.unicodeScalars.contains { TerminalSafe.isUnsafe($0) || $0 == "\n" || $0 == "\t" })
        #expect(clip.escaped == 4)
    }
}
