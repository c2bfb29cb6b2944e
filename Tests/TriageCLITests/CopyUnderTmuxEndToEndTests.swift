import Foundation
import Testing

/// `y` inside tmux says "Copied" only when the OSC 52 write can get through: triage runs in an inner tmux (so
/// `TMUX` is set) inside the harness's tmux, whose pane output is recorded raw (`pipe-pane`). With the inner
/// tmux's passthrough off, the status line says it could not copy, how to enable it, and where the transcript
/// was saved instead; with it on, the OSC 52 bytes arrive in the outer terminal.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct CopyUnderTmuxEndToEndTests {
    /// Runs a diagnosis to its conclusion in an inner tmux with `allow-passthrough` `passthrough`, presses `y`;
    /// returns the screen after the answer and the bytes the outer terminal received.
    func copyInNestedTmux(passthrough: String) async throws -> (screen: String, recorded: [UInt8], saved: [String]) {
        let tmux = try TmuxHarness(width: 200, height: 30)
        defer { tmux.close() }
        let socket = tmux.home.appendingPathComponent("in.sock").path
        let config = tmux.home.appendingPathComponent("inner.conf")
        try """
            set -g status off
            set -g escape-time 0
            set -g allow-passthrough \(passthrough)
            set -s set-clipboard off

            """.write(to: config, atomically: true, encoding: .utf8)
        let triage = try TmuxHarness.triageBinary().path
        let database = tmux.home.appendingPathComponent("sessions.sqlite").path
        // The inner server is killed here whatever happens (the outer one is the harness's).
        defer {
            _ = try? TmuxHarness.spawn(TmuxHarness.tmuxPath ?? "tmux", arguments: ["-S", socket, "kill-server"],
                                       environment: ProcessInfo.processInfo.environment)
        }
        try tmux.launch(TmuxHarness.tmuxPath ?? "tmux",
                        arguments: ["-S", socket, "-f", config.path, "new-session",
                                    "env TRIAGE_DB=\(database) \(triage) diagnose AUTH_ERR_INVALID_APPID --ticket SUP-5"])
        _ = try await tmux.waitFor(text: "Which app id did the failing request use?")
        let recording = tmux.home.appendingPathComponent("outer.bytes")
        try tmux.recordOutput(to: recording)
        try tmux.type("app123")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Which region is in the host name")
        try tmux.type("eu")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "which region was app app123 created in?")
        try tmux.press("1")
        _ = try await tmux.waitFor(text: "https://app123.api-")
        try tmux.press("y")
        let screen = try await tmux.waitUntil("the copy's answer") { $0.contains("Copied the transcript") || $0.contains("Cannot copy") }
        try await Task.sleep(for: .milliseconds(300))
        let recorded = TmuxHarness.recorded(recording)
        let folder = tmux.stateHome.appendingPathComponent("triage/transcripts")
        let saved = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
        try tmux.press("Escape")
        try tmux.press("q")
        return (screen, recorded, saved)
    }

    /// The OSC 52 payloads in `bytes` (`ESC ] 52 ; c ; BASE64` up to BEL or ST), decoded.
    static func clipboardWrites(_ bytes: [UInt8]) -> [String] {
        let opening = Array("\u{1B}]52;c;".utf8)
        var writes: [String] = []
        var index = 0
        while index + opening.count <= bytes.count {
            guard Array(bytes[index..<(index + opening.count)]) == opening else {
                index += 1
                continue
            }
            var end = index + opening.count
            while end < bytes.count, bytes[end] != 0x07, bytes[end] != 0x1B { end += 1 }
            let payload = String(decoding: bytes[(index + opening.count)..<end], as: UTF8.self)
            writes.append(Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) } ?? "")
            index = end
        }
        return writes
    }

    @Test func withPassthroughOffItSaysItCouldNotCopyAndWhereItSaved() async throws {
        let (screen, recorded, saved) = try await copyInNestedTmux(passthrough: "off")
        #expect(screen.contains("Cannot copy: tmux does not pass the clipboard escape on"), "\(screen)")
        #expect(screen.contains("set -g allow-passthrough on"), "\(screen)")
        #expect(screen.contains("saved to"), "\(screen)")
        #expect(screen.contains("/triage/transcripts/"), "\(screen)")
        #expect(!screen.contains("Copied"))
        #expect(Self.clipboardWrites(recorded).isEmpty, "nothing was sent")
        #expect(saved.count == 1)
        #expect(saved.first?.contains("- Ticket: SUP-5") == true, "the saved transcript has the header")
    }

    @Test func withPassthroughOnTheOSC52BytesArriveInTheOuterTerminal() async throws {
        let (screen, recorded, saved) = try await copyInNestedTmux(passthrough: "on")
        #expect(saved.isEmpty, "copied, so nothing saved")
        #expect(screen.contains("Copied the transcript"), "\(screen)")
        let writes = Self.clipboardWrites(recorded)
        #expect(writes.count == 1, "\(writes.count) OSC 52 writes")
        #expect(writes.first?.hasPrefix("# Diagnosis: ") == true)
        #expect(writes.first?.contains("- Ticket: SUP-5") == true)
        #expect(writes.first?.contains("Answer: app123") == true)
    }
}
