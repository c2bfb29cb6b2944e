import Foundation
import TestSupport
import Testing

/// The rest of issue 13 in the real binary, through tmux: `/` finds a word in the detail, the search history
/// survives `kill -9`, and the docs key writes an OSC 8 hyperlink only where the terminal supports it and never
/// for a hostile URL (the bytes themselves, recorded with `pipe-pane`).
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct DailyDriverFindEndToEndTests {
    /// Each character of a styled `capture-pane -e` row with whether it is in reverse video (SGR 7 until 27 or 0).
    static func reverseFlags(_ row: String) -> [(character: Character, reversed: Bool)] {
        var result: [(Character, Bool)] = []
        var reversed = false
        var index = row.startIndex
        while index < row.endIndex {
            if row[index] == "\u{1B}", let end = row[index...].firstIndex(of: "m") {
                let bodyStart = row.index(index, offsetBy: 2, limitedBy: end) ?? end
                let body = row[bodyStart..<end]
                for parameter in body.split(separator: ";", omittingEmptySubsequences: false) {
                    if parameter == "7" { reversed = true }
                    if parameter == "27" || parameter == "0" || parameter.isEmpty { reversed = false }
                }
                index = row.index(after: end)
                continue
            }
            result.append((row[index], reversed))
            index = row.index(after: index)
        }
        return result
    }

    /// The OSC 8 targets in `bytes` (`ESC ] 8 ; ; URL ESC \`), the closing ones ("") included.
    static func hyperlinkTargets(_ bytes: [UInt8]) -> [String] {
        let opening = Array("\u{1B}]8;;".utf8)
        var targets: [String] = []
        var index = 0
        while index + opening.count <= bytes.count {
            guard Array(bytes[index..<(index + opening.count)]) == opening else {
                index += 1
                continue
            }
            var end = index + opening.count
            while end + 1 < bytes.count, !(bytes[end] == 0x1B && bytes[end + 1] == UInt8(ascii: "\\")) { end += 1 }
            targets.append(String(decoding: bytes[(index + opening.count)..<min(end, bytes.count)], as: UTF8.self))
            index = end
        }
        return targets
    }

    @Test func findsAWordInTheDetail() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse", "--query", "INSTALL_NOT_FOUND"])
        _ = try await tmux.waitFor(text: "INSTALL_NOT_FOUND")
        try tmux.press("Enter")   // into the detail, where / finds in the detail
        try tmux.type("/")
        _ = try await tmux.waitFor(text: "find in the detail")
        try tmux.type("install")
        try tmux.press("Enter")
        let found = try await tmux.waitFor(text: "/install 1/")
        // The current match is the code on the detail's top line: "INSTALL" reversed, the rest of the code not.
        let styled = try tmux.lines(styled: true)
        let plain = found.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(plain.indices.first { plain[$0].contains("│ INSTALL_NOT_FOUND") })
        let flags = Self.reverseFlags(styled[row])
        let text = String(flags.map(\.character))
        let start = try #require(text.range(of: "│ INSTALL_NOT_FOUND", options: .backwards))
        let offset = text.distance(from: text.startIndex, to: start.lowerBound) + 2
        let marked = flags[offset..<(offset + 7)].allSatisfy { $0.reversed }
        let after = flags[offset + 7].reversed
        #expect(marked, "INSTALL is marked: \(styled[row].debugDescription)")
        #expect(!after, "only the match")

        // n steps on; N past the first wraps to the last, saying so.
        let total = try #require(found.components(separatedBy: "/install 1/").last?.prefix { $0.isNumber })
        try tmux.type("n")
        _ = try await tmux.waitFor(text: "/install 2/\(total)")
        try tmux.type("N")
        _ = try await tmux.waitFor(text: "/install 1/\(total)")
        try tmux.type("N")
        _ = try await tmux.waitFor(text: "search hit TOP, continuing at BOTTOM")
        try tmux.type("n")
        _ = try await tmux.waitFor(text: "search hit BOTTOM, continuing at TOP")

        try tmux.type("/")
        try tmux.type("zzqx")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Pattern not found: zzqx")
        // Esc twice: the marks are gone (nothing to clear), then back to the codes; / there is the code search.
        try tmux.press("Escape")
        try tmux.type("/")
        let search = try await tmux.waitUntil("the code search prompt") { $0.contains("results in") || $0.contains("in all vendors") }
        #expect(!search.contains("find in the detail"))
        try tmux.press("Escape")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane, "\(exit)")
    }

    @Test func searchHistorySurvivesKill9() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage()
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.type("/")
        try tmux.type("expired token")
        try tmux.press("Enter")
        // Saved as it joins the history, not on the way out.
        let state = tmux.stateHome.appendingPathComponent("triage/state.json")
        let deadline = ContinuousClock.now + .seconds(10)
        var saved = ""
        while ContinuousClock.now < deadline {
            saved = (try? String(contentsOf: state, encoding: .utf8)) ?? ""
            if saved.contains("expired token") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(saved.contains("expired token"), "state.json: \(saved)")
        try await tmux.signal(SIGKILL)
        let killed = try await tmux.waitForExit()
        #expect(killed.status == 128 + SIGKILL, "\(killed)")

        try tmux.killSession()
        try tmux.launchTriage()
        _ = try await tmux.waitUntil("the browser again") { $0.contains("┌") && $0.contains("? help") }
        try tmux.type("/")
        try tmux.press("Up")
        let recalled = try await tmux.waitFor(text: "/expired token")
        #expect(recalled.split(separator: "\n").last?.hasPrefix(" /expired token") == true)
        try tmux.press("Escape")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }

    /// `o` on Sentiance's vendor row: the docs URL in the status line, and in the bytes an OSC 8 link around it
    /// on a terminal that shows links (xterm-256color), none on one that may not (vt100).
    @Test(arguments: [("xterm-256color", true), ("vt100", false)])
    func docsKeyWritesOSC8OnlyWhereSupported(term: String, linked: Bool) async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse", "--vendor", "sentiance"], term: term)
        _ = try await tmux.waitFor(text: "Sentiance")
        let log = tmux.home.appendingPathComponent("output.bin")
        try tmux.recordOutput(to: log)
        try tmux.type("o")
        let url = "https://docs.sentiance.com"
        _ = try await tmux.waitUntil("the docs URL on the last row") { screen in
            screen.split(separator: "\n").last?.contains("Docs: \(url)") == true
        }
        // The frame with the message is written by now; the link (written after it) follows at once.
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline,
              linked ? Self.hyperlinkTargets(TmuxHarness.recorded(log)).isEmpty : TmuxHarness.recorded(log).isEmpty {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(300))
        let bytes = TmuxHarness.recorded(log)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!bytes.isEmpty, "the frame was recorded")
        if linked {
            #expect(text.contains("\u{1B}]8;;\(url)\u{1B}\\\(url)\u{1B}]8;;\u{1B}\\"), "\(text.debugDescription)")
            #expect(Set(Self.hyperlinkTargets(bytes)) == [url, ""])
        } else {
            #expect(!text.contains("\u{1B}]8"), "no OSC 8 on \(term): \(text.debugDescription)")
        }
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }

    /// Docs URLs with an escape sequence or non-ASCII characters in a catalog are shown made visible and never
    /// linked; the vendor's plain URL in the same run is (so links are written at all).
    @Test func hostileDocsURLsAreNeverLinked() async throws {
        let folder = TestPaths.catalogFolder(["evil.yaml": """
            vendor:
              id: evil
              name: Evil
              docs: https://docs.evil.test/
            categories:
              - id: api
                name: API
            codes:
              - code: ESCAPING_URL
                category: api
                docs: "https://evil.test/\\e]8;;https://attacker.test/\\e\\\\x\\a"
                description: Its docs URL carries an OSC 8 of its own.
              - code: UNICODE_URL
                category: api
                docs: "https://exämple.test/päth"
                description: Its docs URL is not ASCII.
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxHarness(width: 100, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse", "--catalog", folder.path, "--vendor", "evil"])
        _ = try await tmux.waitFor(text: "ESCAPING_URL")
        let log = tmux.home.appendingPathComponent("output.bin")
        try tmux.recordOutput(to: log)
        try tmux.press("Enter")   // into the codes: the first code is selected
        var shown: [String] = []
        for _ in 0..<2 {
            try tmux.type("o")
            let screen = try await tmux.waitUntil("a docs message") { $0.split(separator: "\n").last?.contains("Docs: ") == true }
            shown.append(String(screen.split(separator: "\n").last ?? ""))
            try tmux.type("j")
            _ = try await tmux.waitUntil("the message cleared") { $0.split(separator: "\n").last?.contains("Docs: ") != true }
        }
        #expect(shown.contains { $0.contains("Docs: https://evil.test/^[]8;;https://attacker.test/^[\\x^G") }, "\(shown)")
        #expect(shown.contains { $0.contains("Docs: https://exämple.test/päth") }, "\(shown)")
        // The vendor row's plain URL is linked: the recording works and links are written here.
        try tmux.press("Escape")
        try tmux.type("o")
        _ = try await tmux.waitFor(text: "Docs: https://docs.evil.test/")
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, Self.hyperlinkTargets(TmuxHarness.recorded(log)).isEmpty {
            try await Task.sleep(for: .milliseconds(50))
        }
        let bytes = TmuxHarness.recorded(log)
        #expect(Set(Self.hyperlinkTargets(bytes)) == ["https://docs.evil.test/", ""], "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        #expect(!String(decoding: bytes, as: UTF8.self).contains("attacker.test/\u{1B}"), "the catalog's escape never reaches the terminal")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }
}
