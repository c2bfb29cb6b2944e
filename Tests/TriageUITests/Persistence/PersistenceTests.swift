import Foundation
import TerminalKit
import Testing
import TriageCore
import TriageStorage
@testable import TriageUI

@Suite("Picking up where you left off")
struct PersistenceTests {
    /// A fresh folder under the system temporary folder, removed by the caller.
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("save then load gives the same memory; save creates the folders and leaves no temporary file")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/state.json").path
        let memory = BrowserMemory(vendor: "zeta", category: "general", code: "-1", scope: .vendor, focus: .detail)
        try memory.save(to: path)
        #expect(BrowserMemory.load(from: path) == memory)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/b").path)
        #expect(files == ["state.json"])
        // Saving again replaces the file.
        let other = BrowserMemory(vendor: "acme")
        try other.save(to: path)
        #expect(BrowserMemory.load(from: path) == other)
    }

    @Test("a missing, empty, damaged or wrongly typed file is ignored")
    func damaged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(BrowserMemory.load(from: folder.appendingPathComponent("missing.json").path) == nil)
        #expect(BrowserMemory.load(from: folder.path) == nil)  // a folder
        for (name, text) in [("empty", ""), ("garbage", "{not json"), ("types", #"{"vendor": 3}"#),
                             ("scope", #"{"scope": "sideways"}"#), ("array", "[1,2]"), ("binary", "\u{0}\u{1}\u{2}")] {
            let path = folder.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
            #expect(BrowserMemory.load(from: path) == nil, "\(name)")
        }
        // Unknown fields are fine (a newer version may add some).
        let path = folder.appendingPathComponent("newer").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(#"{"vendor": "acme", "theme": "dark"}"#.utf8)))
        #expect(BrowserMemory.load(from: path) == BrowserMemory(vendor: "acme"))
    }

    @Test("the state file lives in XDG_STATE_HOME, else ~/.local/state")
    func path() {
        #expect(StatePath.resolve(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/e"]) == "/x/state/triage/state.json")
        #expect(StatePath.resolve(environment: ["XDG_STATE_HOME": "/x/state/", "HOME": "/home/e"]) == "/x/state/triage/state.json")
        #expect(StatePath.resolve(environment: ["HOME": "/home/e"]) == "/home/e/.local/state/triage/state.json")
        // The spec says a relative XDG path is ignored; an empty one too.
        #expect(StatePath.resolve(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/e"]) == "/home/e/.local/state/triage/state.json")
        #expect(StatePath.resolve(environment: ["XDG_STATE_HOME": "", "HOME": "/home/e"]) == "/home/e/.local/state/triage/state.json")
        #expect(StatePath.resolve(environment: [:]) == nil)
        #expect(StatePath.resolve(environment: ["HOME": ""]) == nil)
    }

    @Test("quitting asks to save the vendor, category and code; the next start restores them")
    func restart() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("triage/state.json").path
        var first = BrowserProgram.sized(Fixtures.catalog())
        first.send(.down, .down, .enter, .down)  // Acme › Orders › ORDER_LOCKED
        let quit = first.update(.key(.character("q")))
        let expected = BrowserMemory(vendor: "acme", category: "orders", code: "ORDER_LOCKED", scope: .all, focus: .list)
        #expect(quit.result == .quit)
        #expect(quit.effects == [.saveMemory(expected)])
        #expect(first.shutdown() == [], "quitting asked already: nothing more to save on the way out")
        for effect in quit.effects { #expect(first.answer(effect.perform(transcripts: nil, memory: .file(path))) == .continue) }
        let memory = BrowserMemory.load(from: path)
        #expect(memory == expected)
        let second = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(memory: memory))
        #expect(second.state.browse.selectedCategory?.id == "orders")
        #expect(second.state.browse.selectedEntry?.code == "ORDER_LOCKED")
        #expect(second.state.browse.focus == .list)
        #expect(second.state.invariantViolations() == [])
    }

    @Test("a search result is remembered in its own category")
    func searchResult() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("api key not valid")
        program.send(.enter)
        var expected = BrowserMemory(vendor: "zeta", category: "general", code: "1", scope: .all, focus: .list)
        expected.searches = ["api key not valid"]
        #expect(program.state.memory == expected)
    }

    @Test("memories of codes, categories or vendors that are gone fall back gracefully")
    func staleMemory() {
        let gone = BrowserMemory(vendor: "acme", category: "orders", code: "REMOVED", scope: .vendor, focus: .detail)
        let program = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(memory: gone))
        #expect(program.state.browse.selectedCategory?.id == "orders")
        #expect(program.state.browse.selectedEntry?.code == "ORDER_NOT_FOUND")
        #expect(program.state.invariantViolations() == [])
        let noCategory = BrowserMemory(vendor: "acme", category: "removed", code: "KEY_EXPIRED")
        let second = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(memory: noCategory))
        #expect(second.state.browse.selectedVendor?.id == "acme")
        #expect(second.state.browse.selectedCategory == nil)
        #expect(second.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        let noVendor = BrowserMemory(vendor: "removed", category: "x", code: "Y", focus: .detail)
        let third = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(memory: noVendor))
        #expect(third.state.browse.selectedVendor?.id == "acme")
        #expect(third.state.invariantViolations() == [])
        let empty = BrowserProgram.sized(.empty, options: BrowserOptions(memory: gone))
        #expect(empty.state.browse.selectedEntry == nil)
        #expect(empty.state.invariantViolations() == [])
        #expect(empty.render().text.contains("The catalog is empty."))
    }

    @Test("--vendor wins over a memory of another vendor, and keeps a memory of the same vendor")
    func vendorOption() {
        let memory = BrowserMemory(vendor: "acme", category: "orders", code: "ORDER_LOCKED")
        let other = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(vendor: "zeta", memory: memory))
        #expect(other.state.browse.selectedVendor?.id == "zeta")
        #expect(other.state.browse.selectedCategory == nil)
        let same = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(vendor: "acme", memory: memory))
        #expect(same.state.browse.selectedEntry?.code == "ORDER_LOCKED")
    }

    @Test("every other way out (SIGHUP, SIGTERM) asks shutdown to save where the browser is")
    func shutdownSaves() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter)
        let effects = program.shutdown()
        #expect(effects == [.saveMemory(program.state.memory)])
        for effect in effects { #expect(effect.perform(transcripts: nil, memory: .file(path)) == .memorySaved) }
        #expect(BrowserMemory.load(from: path) == program.state.memory)
    }

    @Test("without a state path nothing is written; an unwritable path is answered with the reason")
    func noPath() throws {
        let effects = BrowserProgram.sized(Fixtures.catalog()).shutdown()
        #expect(effects.map { $0.perform(transcripts: nil, memory: nil) } == [.memorySaved])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        let blocked = effects.map { $0.perform(transcripts: nil, memory: .file(file.path + "/sub/state.json")) }
        guard case let .memoryNotSaved(reason)? = blocked.first else {
            Issue.record("saved into a path below a file: \(blocked)")
            return
        }
        #expect(reason.contains(file.path), "\(reason)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }
}
