import Foundation
import TerminalKit
import Testing
import TriageCore
import TriageStorage
@testable import TriageUI

/// The diagnosis no longer lives in the browser memory (it is saved step by step in the sessions database):
/// state.json keeps vendor, code, scope and focus; an older file with a diagnosis in it still loads.
@Suite("The browser memory without the diagnosis")
struct DiagnosisMemoryTests {
    @Test func theStateFileKeepsThePlaceNotTheDiagnosis() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-diag-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        let catalog = DiagnosisFixtures.catalog()
        let session = try DiagnosisSession.start(tree: "acme-rejected", from: DiagnosisFixtures.keyMissing, in: catalog)

        var first = BrowserProgram(catalog: catalog, options: BrowserOptions(diagnosis: session))
        _ = first.update(.resize(width: 80, height: 24))
        _ = first.update(.key(.character("1")))
        for character in "sk_live_SECRET" { _ = first.update(.key(.character(character))) }
        _ = first.update(.key(.enter))
        for effect in first.shutdown() { _ = effect.perform(transcripts: nil, memory: .file(path)) }

        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!saved.contains("sk_live_SECRET"))
        #expect(!saved.contains("diagnosis"), "the diagnosis is not in state.json: \(saved)")
        #expect(saved.contains("KEY_MISSING"), "the place is: \(saved)")
    }

    @Test func anOldStateFileWithADiagnosisStillLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-diag-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("state.json").path
        let catalog = DiagnosisFixtures.catalog()
        let session = try DiagnosisSession.start(tree: "acme-rejected", from: DiagnosisFixtures.keyMissing, in: catalog)
        let diagnosis = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
        try #"{"vendor":"acme","category":"auth","code":"KEY_EXPIRED","focus":1,"diagnosis":\#(diagnosis)}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let memory = try #require(BrowserMemory.load(from: path))
        var program = BrowserProgram(catalog: catalog, options: BrowserOptions(memory: memory))
        _ = program.update(.resize(width: 80, height: 24))
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        #expect(program.state.diagnosis == nil)
        _ = program.update(.key(.character("D")))
        #expect(program.state.mode != .diagnosis)
    }
}
