import Foundation
import Testing
import TerminalKit
@testable import TriageTerminal

@Suite("OSC 52 clipboard sequence")
struct OSC52Tests {
    let base64 = Data("hello".utf8).base64EncodedString()

    @Test("plain: ESC ] 52 ; c ; base64 BEL")
    func plain() throws {
        let bytes = try OSC52.sequence(for: .line("hello"), environment: ["TERM": "xterm-256color"]).get()
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}]52;c;\(base64)\u{07}")
    }

    @Test("tmux: DCS passthrough with every ESC inside doubled")
    func tmux() throws {
        let bytes = try OSC52.sequence(for: .line("hello"), environment: ["TERM": "screen-256color", "TMUX": "/tmp/t,1,0"]).get()
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(base64)\u{07}\u{1B}\\")
    }

    @Test("GNU screen: the sequence in DCS pieces that join back to the plain one")
    func screen() throws {
        let text = String(repeating: "transcript line\n", count: 20)
        let bytes = try OSC52.sequence(for: .transcript(text), environment: ["TERM": "screen.xterm-256color"]).get()
        let string = String(decoding: bytes, as: UTF8.self)
        let pieces = string.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.hasPrefix("\u{1B}P") && $0.count <= OSC52.screenPiece + 2 })
        let joined = pieces.map { String($0.dropFirst(2)) }.joined()
        #expect(joined == "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
    }

    @Test("too large: refused with the size, not cut")
    func tooLarge() {
        let text = String(repeating: "x", count: 80_000)
        let result = OSC52.sequence(for: .line(text), environment: ["TERM": "xterm"])
        #expect(throws: OSC52.Failure.tooLarge(bytes: 106_668, limit: OSC52.maximumPayload)) { try result.get() }
        #expect(OSC52.Failure.tooLarge(bytes: 106_668, limit: 100_000).description.contains("106 KB"))
        #expect((try? OSC52.sequence(for: .line(String(repeating: "x", count: 74_000)), environment: ["TERM": "xterm"]).get()) != nil)
    }

    @Test("terminals without a clipboard escape say so", arguments: ["linux", "vt100", "dumb", ""])
    func unsupported(term: String) {
        #expect(OSC52.wrapping(environment: ["TERM": term]) == nil)
        #expect(throws: OSC52.Failure.unsupported(term: term)) {
            try OSC52.sequence(for: .line("x"), environment: ["TERM": term]).get()
        }
    }
}
