import Testing
import TerminalKit

/// The output sanitizer lets OSC 8 hyperlinks to plain URLs through (for `Docs:` in `triage show`), and nothing
/// that only looks like one.
@Suite struct HyperlinkOutputTests {
    private let open = "\u{1B}]8;;"
    private let end = "\u{1B}\\"

    @Test func aPlainLinkPassesWhole() {
        let link = open + "https://docs.sentiance.com" + end + "docs" + open + end
        #expect(TerminalSafe.output("Docs: " + link) == "Docs: " + link)
    }

    @Test func attacksDressedAsLinksAreMadeVisible() {
        for url in ["https://x.test/\u{1B}[2J", "https://x.test/ a", "https://x.test/\u{07}", "https://x.test/\u{9B}31m"] {
            let output = TerminalSafe.output(open + url + end + "text" + open + end)
            #expect(!output.hasPrefix("\u{1B}]"), "\(url.debugDescription) must not start a hyperlink")
            #expect(!output.contains("\u{1B}[2J") && !output.contains("\u{07}"))
        }
        // An unterminated or other OSC (a clipboard write) stays visible.
        #expect(!TerminalSafe.output(open + "https://x.test").contains("\u{1B}"))
        #expect(!TerminalSafe.output("\u{1B}]52;c;Y2xpcA==\u{07}").contains("\u{1B}"))
        #expect(TerminalSafe.isLinkTarget("https://a.test/p?q=1#x") && !TerminalSafe.isLinkTarget("") && !TerminalSafe.isLinkTarget("a b"))
    }
}
