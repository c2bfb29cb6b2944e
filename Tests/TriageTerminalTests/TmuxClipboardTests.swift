import Foundation
import Testing
@testable import TriageTerminal

@Suite("Clipboard inside tmux: does the OSC 52 write get through")
struct TmuxClipboardTests {
    @Test func passthroughOnOrAllGoesThrough() {
        #expect(TmuxClipboard.route(allowPassthrough: "on", setClipboard: "off", clipboardFeature: false) == .passthrough)
        #expect(TmuxClipboard.route(allowPassthrough: "all", setClipboard: nil, clipboardFeature: false) == .passthrough)
    }

    @Test func setClipboardWithAClipboardTerminalTakesThePlainSequence() {
        #expect(TmuxClipboard.route(allowPassthrough: "off", setClipboard: "external", clipboardFeature: true) == .setClipboard)
        #expect(TmuxClipboard.route(allowPassthrough: "off", setClipboard: "on", clipboardFeature: true) == .setClipboard)
    }

    @Test func otherwiseItIsBlockedAndSaysHowToEnableIt() {
        for route in [TmuxClipboard.route(allowPassthrough: "off", setClipboard: "off", clipboardFeature: true),
                      TmuxClipboard.route(allowPassthrough: "off", setClipboard: "external", clipboardFeature: false),
                      TmuxClipboard.route(allowPassthrough: nil, setClipboard: nil, clipboardFeature: false)] {
            guard case let .blocked(reason) = route else {
                Issue.record("not blocked: \(route)")
                continue
            }
            #expect(reason.contains("set -g allow-passthrough on"))
        }
    }

    @Test func theSocketComesFromTMUX() {
        #expect(TmuxClipboard.socket(fromTMUX: "/tmp/tmux-1000/default,1234,0") == "/tmp/tmux-1000/default")
        #expect(TmuxClipboard.socket(fromTMUX: "/tmp/odd,name/sock,1234,0") == "/tmp/odd,name/sock")
        #expect(TmuxClipboard.socket(fromTMUX: "") == nil)
    }

    @Test func noTmuxOnThePathIsBlockedNotCopied() {
        let route = TmuxClipboard.route(environment: ["TMUX": "/nonexistent,1,0", "PATH": "/nonexistent-bin"])
        guard case .blocked = route else {
            Issue.record("not blocked: \(route)")
            return
        }
    }
}
