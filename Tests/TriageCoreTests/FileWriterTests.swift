import Foundation
import Testing
import TestSupport
import TriageCore

/// The one file writer: errors of the device are reported, Triage's own files are private and replaced
/// atomically, and a mode the user chose survives the next save.
@Suite struct FileWriterTests {
    @Test(.enabled(if: SpecialFiles.isRoot, "mknod needs root"))
    func aFullDeviceIsAnErrorNotASuccess() throws {
        let device = try SpecialFiles.fullDevice(in: TestPaths.temporaryDirectory())
        let descriptor = open(device.path, O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(throws: FileWriteError(path: "out", reason: "No space left on device")) {
            try FileWriter.writeAll(Data("transcript\n".utf8), to: descriptor, path: "out")
        }
    }

    @Test func ownFilesAreCreatedPrivate() throws {
        let root = TestPaths.temporaryDirectory()
        let file = root.appendingPathComponent("state/triage/state.json")
        try FileWriter.replacePrivateFile(Data("{}".utf8), at: file.path)
        #expect(SpecialFiles.info(file)?.mode == 0o600)
        #expect(SpecialFiles.info(file.deletingLastPathComponent())?.mode == 0o700)
        #expect(SpecialFiles.info(root.appendingPathComponent("state"))?.mode == 0o700)
        #expect(try String(contentsOf: file, encoding: .utf8) == "{}")
    }

    @Test func aModeTheUserChoseIsKeptAndTheFolderIsLeftAlone() throws {
        let folder = TestPaths.temporaryDirectory()
        chmod(folder.path, 0o750)
        let file = folder.appendingPathComponent("state.json")
        try FileWriter.replacePrivateFile(Data("1".utf8), at: file.path)
        chmod(file.path, 0o400)
        try FileWriter.replacePrivateFile(Data("2".utf8), at: file.path)
        #expect(SpecialFiles.info(file)?.mode == 0o400)
        #expect(SpecialFiles.info(folder)?.mode == 0o750)
        #expect(try String(contentsOf: file, encoding: .utf8) == "2")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["state.json"])
    }

    @Test func aUserFileIsWrittenInPlace() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("t.md")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        chmod(file.path, 0o640)
        var before = stat()
        stat(file.path, &before)
        try FileWriter.writeUserFile(Data("new".utf8), to: file.path, overwrite: true)
        var after = stat()
        stat(file.path, &after)
        #expect(after.st_ino == before.st_ino, "the same file, not a renamed copy")
        #expect(after.st_mode & 0o777 == 0o640)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new")
    }
}
