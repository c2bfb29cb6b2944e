import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The state file and saved transcripts are the user's private data: created 700/600, and a mode the user set
/// with chmod is not undone by the next save.
@Suite("State and transcripts are private")
struct PrivateFilesTests {
    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test func theStateFileIsPrivateAndAChmodSurvivesTheNextSave() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("triage-private-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("triage/state.json").path
        try BrowserMemory(vendor: "acme").save(to: path)
        #expect(mode(path) == 0o600)
        #expect(mode(root.appendingPathComponent("triage").path) == 0o700)
        chmod(path, 0o400)
        try BrowserMemory(vendor: "zeta").save(to: path)
        #expect(mode(path) == 0o400)
        #expect(BrowserMemory.load(from: path)?.vendor == "zeta")
    }

    @Test func savedTranscriptsArePrivate() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("triage-private-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("transcripts").path
        let saver = TranscriptSaver.folder(folder)
        let draft = TranscriptDraft(tree: "acme", date: Date(timeIntervalSince1970: 0), markdown: "# Diagnosis")
        let first = try saver.save(draft)
        let second = try saver.save(draft)
        #expect(first != second)
        #expect(mode(folder) == 0o700)
        #expect(mode(first) == 0o600 && mode(second) == 0o600)
    }
}
