import Testing
@testable import TerminalKit

/// The one clipboard encoder: a line keeps no control character, a transcript keeps only its newlines and tabs.
@Suite struct ClipboardTextTests {
    @Test("a line: newline, tab, ESC, DEL, C1 and invisible controls become visible escapes")
    func line() {
        let clip = ClipboardText.line("A\nB\tC\u{1B}[2J\u{7F}\u{9B}\u{2028}D")
        #expect(clip.text == #"A\nB\tC\e[2J\u{007F}\u{009B}\u{2028}D"#)
        #expect(clip.escaped == 6)
        #expect(ClipboardText.line("KEY_MISSING") == .line("KEY_MISSING"))
        #expect(ClipboardText.line("café ✓ 日本").text == "café ✓ 日本")
        #expect(ClipboardText.line("café ✓ 日本").escaped == 0)
    }

    @Test("a transcript keeps its lines and tabs, escapes the rest, and keeps emoji joiners")
    func transcript() {
        let clip = ClipboardText.transcript("# Diagnosis\n\t- step\r\n\u{1B}]52;c;x\u{07}\n👩‍💻")
        #expect(clip.text == "# Diagnosis\n\t- step\\r\n\\e]52;c;x\\u{0007}\n👩‍💻")
        #expect(clip.escaped == 3)
        #expect(clip.kind == .transcript)
    }
}
