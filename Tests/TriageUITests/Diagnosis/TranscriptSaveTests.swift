import Foundation
import TerminalKit
import Testing
import TriageCore
import TriageStorage
@testable import TriageUI

/// `s` asks the host to save; the host performs `BrowserEffect.saveTranscript` with the injected saver (the only
/// side effect of the diagnosis screen) and answers, as `saveTranscript(using:date:)` below does.
@Suite("Diagnosis screen: saving the transcript")
struct TranscriptSaveTests {
    /// Collects what an injected saver was given.
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [TranscriptDraft] = []
        var drafts: [TranscriptDraft] { lock.withLock { stored } }
        func add(_ draft: TranscriptDraft) { lock.withLock { stored.append(draft) } }
    }

    func finished() -> DiagnosisScreen {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("sk-live-123")
        screen.send(.enter)
        screen.type("acct-42")
        screen.send(.enter, .character("n"))
        screen.type("customer confirmed the account")
        screen.send(.enter, .character("1"))
        return screen
    }

    @Test("s asks to save; the injected saver gets the Markdown transcript, and the path is reported")
    func injected() {
        var screen = finished()
        let captured = Captured()
        let saver = TranscriptSaver { draft in
            captured.add(draft)
            return "/tmp/transcripts/\(draft.fileName)"
        }
        #expect(screen.send(.character("s")) == .saveTranscript)
        screen.saveTranscript(using: saver, date: DiagnosisFixtures.date)
        let draft = captured.drafts.first
        #expect(captured.drafts.count == 1)
        #expect(draft?.tree == "acme-rejected")
        #expect(draft?.date == DiagnosisFixtures.date)
        #expect(draft?.fileName == "acme-rejected-20261123T085111Z.md")
        let markdown = draft?.markdown ?? ""
        #expect(markdown.hasPrefix("# Diagnosis: Acme rejects the request\n"))
        #expect(markdown.contains("- Time: 2026-11-23T08:51:11Z"))
        #expect(markdown.contains("## Conclusion: The key [secret] belongs to another account than acct-42"))
        #expect(markdown.contains("(implied by code `acme:KEY_MISSING`)"))
        #expect(markdown.contains("> customer confirmed the account"))
        #expect(!markdown.contains("sk-live"))
        #expect(markdown == Transcript(session: screen.session, catalog: screen.catalog, date: DiagnosisFixtures.date,
                                       context: screen.transcriptContext(TranscriptContext(), end: DiagnosisFixtures.date)).markdown)
        let message = "Transcript saved to /tmp/transcripts/acme-rejected-20261123T085111Z.md"
        #expect(screen.message == message)
        #expect(screen.lastSavedPath == "/tmp/transcripts/acme-rejected-20261123T085111Z.md")
        var wide = screen
        wide.resize(width: 120, height: 40)
        #expect(wide.render().lines[39].hasPrefix(" " + message))
        screen.send(.down)
        #expect(screen.message == nil, "the message lasts one key")
    }

    @Test("an unfinished diagnosis can be saved too: the transcript says where it stopped")
    func unfinished() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        let captured = Captured()
        screen.saveTranscript(using: TranscriptSaver { captured.add($0); return "x.md" }, date: DiagnosisFixtures.date)
        #expect(captured.drafts.first?.markdown.contains("Diagnosis not finished; stopped at: Does the request carry the X-Acme-Key header?") == true)
    }

    @Test("a failing saver and a missing saver are reported, not thrown")
    func failures() {
        var screen = finished()
        struct Refused: LocalizedError { var errorDescription: String? { "disk full" } }
        screen.saveTranscript(using: TranscriptSaver { _ in throw Refused() }, date: DiagnosisFixtures.date)
        #expect(screen.message == "Cannot save the transcript: disk full")
        #expect(screen.lastSavedPath == nil)
        screen.saveTranscript(using: nil, date: DiagnosisFixtures.date)
        #expect(screen.message?.hasPrefix("Saving transcripts needs HOME or XDG_STATE_HOME") == true)
    }

    @Test("the folder saver writes atomically into the folder it creates and never overwrites")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("triage-transcripts-\(UUID().uuidString)").appendingPathComponent("nested").path
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path) }
        var screen = finished()
        screen.saveTranscript(using: .folder(folder), date: DiagnosisFixtures.date)
        let first = try #require(screen.lastSavedPath)
        #expect(first == folder + "/acme-rejected-20261123T085111Z.md")
        let written = try String(contentsOfFile: first, encoding: .utf8)
        #expect(written == Transcript(session: screen.session, catalog: screen.catalog, date: DiagnosisFixtures.date,
                                      context: screen.transcriptContext(TranscriptContext(), end: DiagnosisFixtures.date)).markdown)
        screen.saveTranscript(using: .folder(folder), date: DiagnosisFixtures.date)
        #expect(screen.lastSavedPath == folder + "/acme-rejected-20261123T085111Z-2.md")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["acme-rejected-20261123T085111Z-2.md", "acme-rejected-20261123T085111Z.md"])
    }

    @Test("the standard folder follows XDG: $XDG_STATE_HOME/triage/transcripts, else ~/.local/state/...")
    func standardFolder() {
        #expect(TranscriptSaver.standardFolder(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"])
            == "/x/state/triage/transcripts")
        #expect(TranscriptSaver.standardFolder(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"])
            == "/home/a/.local/state/triage/transcripts")
        #expect(TranscriptSaver.standardFolder(environment: [:]) == nil)
        #expect(TranscriptSaver.standard(environment: [:]) == nil)
    }

    @Test("file names: the tree id made safe and a UTC timestamp")
    func fileName() {
        let draft = TranscriptDraft(tree: "../evil tree", date: DiagnosisFixtures.date, markdown: "")
        #expect(draft.fileName == "..-evil-tree-20261123T085111Z.md")
        #expect(!draft.fileName.contains("/"))
    }
}

extension DiagnosisScreen {
    /// What the runner does with `s`: draft, save through `saver`, and hand the answer back.
    mutating func saveTranscript(using saver: TranscriptSaver?, date: Date) {
        switch BrowserEffect.saveTranscript(transcriptDraft(date: date)).perform(transcripts: saver) {
        case let .transcriptSaved(path): transcriptSaved(at: path)
        case let .transcriptNotSaved(reason): transcriptNotSaved(reason: reason)
        default: break
        }
    }
}
