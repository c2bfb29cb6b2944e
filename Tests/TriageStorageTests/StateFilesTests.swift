import Foundation
import Testing
import TestSupport
import TriageStorage

/// The state file and the transcripts folder, written from plain values.
@Suite struct StateFilesTests {
    struct Remembered: Codable, Equatable {
        var vendor: String?
        var searches: [String]?
    }

    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test func aStateFileRoundTripsPrivatelyAndADamagedOneReadsAsNothing() throws {
        let root = TestPaths.temporaryDirectory("triage-state-file")
        let path = root.appendingPathComponent("triage/state.json").path
        let value = Remembered(vendor: "acme", searches: ["install not found", "zero\u{200B}width"])
        try StateFile.save(value, to: path)
        #expect(StateFile.load(Remembered.self, from: path) == value)
        #expect(mode(path) == 0o600 && mode(root.appendingPathComponent("triage").path) == 0o700)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""vendor" : "acme""#) && !text.contains("\u{200B}"), "pretty, invisibles escaped: \(text)")
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(StateFile.load(Remembered.self, from: path) == nil)
        #expect(StateFile.load(Remembered.self, from: root.path) == nil, "a folder")
        try Data(repeating: 0x20, count: (1 << 20) + 1).write(to: URL(fileURLWithPath: path))
        #expect(StateFile.load(Remembered.self, from: path) == nil, "larger than 1 MB")
    }

    @Test func transcriptsNeverOverwriteAndEndWithANewline() throws {
        let folder = TranscriptFolder(TestPaths.temporaryDirectory("triage-transcripts").appendingPathComponent("t").path)
        let first = try folder.save("# One", as: "tree-20261123T085111Z.md")
        let second = try folder.save("# Two\n", as: "tree-20261123T085111Z.md")
        let third = try folder.save("# Three", as: "tree-20261123T085111Z.md")
        #expect(first == folder.path + "/tree-20261123T085111Z.md")
        #expect(second == folder.path + "/tree-20261123T085111Z-2.md")
        #expect(third == folder.path + "/tree-20261123T085111Z-3.md")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "# One\n")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "# Two\n")
        #expect(mode(folder.path) == 0o700 && mode(third) == 0o600)
    }

    @Test func theStandardFoldersFollowXDG() {
        #expect(StatePath.resolve(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]) == "/x/state/triage/state.json")
        #expect(TranscriptFolder.standard(environment: ["XDG_STATE_HOME": "/x/state"])?.path == "/x/state/triage/transcripts")
        #expect(TranscriptFolder.standard(environment: ["HOME": "/home/a"])?.path == "/home/a/.local/state/triage/transcripts")
        #expect(TranscriptFolder.standard(environment: [:]) == nil)
    }
}
