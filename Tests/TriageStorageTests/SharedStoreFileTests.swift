import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// `SharedFile`'s rule for what the storage target reads: another user's database is refused with the reason (a
/// team's group-writable one is not); another user's state file, or a FIFO there, is ignored without blocking.
@Suite struct SharedStoreFileTests {
    struct Remembered: Codable, Equatable { var vendor: String? }

    /// The attack: uid 65534's file, 0644, in their 0755 folder.
    private func theirs(_ name: String, contents: Data) throws -> String {
        let folder = TestPaths.temporaryDirectory("theirs")
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file)
        try SpecialFiles.run("chown", ["65534", file.path, folder.path])
        try SpecialFiles.run("chmod", ["0644", file.path])
        try SpecialFiles.run("chmod", ["0755", folder.path])
        return file.path
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "chown needs root"))
    func anotherUsersDatabaseIsRefusedWithTheReasonAndLeftUntouched() throws {
        let mine = TestPaths.temporaryDirectory("db").appendingPathComponent("sessions.sqlite").path
        _ = try SQLiteSessionStore(path: mine)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: mine))
        let path = try theirs("sessions.sqlite", contents: bytes)
        #expect {
            try SQLiteSessionStore(path: path)
        } throws: { error in
            "\(error)".contains("it belongs to another user (uid 65534)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "chown needs root"))
    func aTeamsGroupWritableDatabaseIsUsed() throws {
        let mine = TestPaths.temporaryDirectory("db").appendingPathComponent("sessions.sqlite").path
        _ = try SQLiteSessionStore(path: mine)
        let path = try theirs("sessions.sqlite", contents: try Data(contentsOf: URL(fileURLWithPath: mine)))
        // README "A team database": the file is the group's (root's group 0 here), mode 660.
        try SpecialFiles.run("chown", ["65534:0", path])
        try SpecialFiles.run("chmod", ["0660", path])
        _ = try SQLiteSessionStore(path: path)
    }

    @Test func aDatabaseAnyoneMayWriteIsRefused() throws {
        let path = TestPaths.temporaryDirectory("db").appendingPathComponent("sessions.sqlite").path
        _ = try SQLiteSessionStore(path: path)
        try SpecialFiles.run("chmod", ["0666", path])
        #expect {
            try SQLiteSessionStore(path: path)
        } throws: { error in
            "\(error)".contains("anyone may write it")
        }
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "chown needs root"))
    func anotherUsersStateFileIsIgnored() throws {
        let mine = TestPaths.temporaryDirectory("state").appendingPathComponent("state.json").path
        try StateFile.save(Remembered(vendor: "acme"), to: mine)
        #expect(StateFile.load(Remembered.self, from: mine) == Remembered(vendor: "acme"))
        let path = try theirs("state.json", contents: try Data(contentsOf: URL(fileURLWithPath: mine)))
        #expect(StateFile.load(Remembered.self, from: path) == nil)
    }

    @Test func aFIFOWhereTheStateFileShouldBeIsIgnoredAtOnce() throws {
        let fifo = try SpecialFiles.fifo(in: TestPaths.temporaryDirectory("state"), "state.json")
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = StateFile.load(Remembered.self, from: fifo.path)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 20) == .success, "reading the state file blocked on a FIFO")
    }
}
