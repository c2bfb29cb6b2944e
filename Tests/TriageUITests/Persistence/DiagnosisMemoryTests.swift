import Foundation
import TerminalKit
import Testing
import TriageCore
import TriageStorage
@testable import TriageUI

/// An unfinished diagnosis survives quitting (or a dropped connection, which also runs `shutdown`), with its
/// secrets masked on disk, and `D` resumes it on the next start.
@Suite("Remembering the last diagnosis")
struct DiagnosisMemoryTests {
    @Test func unfinishedDiagnosisIsKeptMaskedAndResumedWithD() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-diag-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        let catalog = DiagnosisFixtures.catalog()
        let session = try DiagnosisSession.start(tree: "acme-rejected", from: DiagnosisFixtures.keyMissing, in: catalog)

        var first = BrowserProgram(catalog: catalog, options: BrowserOptions(memorySaver: .file(path), diagnosis: session))
        _ = first.update(.resize(width: 80, height: 24))
        _ = first.update(.key(.character("1")))  // the request carries the header -> asks for the key
        for character in "sk_live_SECRET" { _ = first.update(.key(.character(character))) }
        _ = first.update(.key(.enter))
        let before = try #require(first.state.diagnosis?.session)
        #expect(!before.isFinished)
        first.shutdown()

        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!saved.contains("sk_live_SECRET"), "secrets never reach the state file")
        let memory = try #require(BrowserMemory.load(from: path))
        #expect(memory.diagnosis?.path.count == before.path.count)

        var second = BrowserProgram(catalog: catalog, options: BrowserOptions(memory: memory, memorySaver: .file(path)))
        _ = second.update(.resize(width: 80, height: 24))
        #expect(second.state.mode != .diagnosis, "kept, not opened")
        _ = second.update(.key(.character("D")))
        #expect(second.state.mode == .diagnosis)
        #expect(second.state.diagnosis?.session.currentNode == before.currentNode)
        #expect(second.view(RenderContext(width: 80, height: 24)).text.contains("[secret]"))
    }

    @Test func aDiagnosisTheCatalogNoLongerHasIsDropped() throws {
        let catalog = DiagnosisFixtures.catalog()
        var session = try DiagnosisSession.start(tree: "acme-rejected", from: DiagnosisFixtures.keyMissing, in: catalog)
        let data = try JSONEncoder().encode(session)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "acme-rejected", with: "gone-tree")
        session = try JSONDecoder().decode(DiagnosisSession.self, from: Data(text.utf8))
        var program = BrowserProgram(catalog: catalog, options: BrowserOptions(memory: BrowserMemory(diagnosis: session)))
        _ = program.update(.resize(width: 80, height: 24))
        #expect(program.state.diagnosis == nil)
        _ = program.update(.key(.character("D")))
        #expect(program.state.mode != .diagnosis)
    }
}
