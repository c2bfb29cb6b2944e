import Foundation
import Testing
import TestSupport

/// `--transcript PATH` writes into the file the user named: special files and symbolic links are refused with a
/// clear message and left as they are; an existing file is only overwritten with `--force`, keeping its mode and
/// owner. Every special file is created in a temporary folder.
@Suite struct TranscriptTargetTests {
    private func diagnose(_ target: URL, force: Bool = false) throws -> TriageRun {
        try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--answer", "app123", "--answer", "eu",
                               "--answer", "1", "--transcript", target.path] + (force ? ["--force"] : []))
    }

    @Test func aFIFOIsRefusedAndStaysAFIFO() throws {
        let fifo = try SpecialFiles.fifo(in: TestPaths.temporaryDirectory())
        let run = try diagnose(fifo)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(fifo.path): is a FIFO (named pipe), not a regular file"), "\(run.stderr)")
        #expect(SpecialFiles.info(fifo)?.type == S_IFIFO)
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "mknod needs root"))
    func aDeviceIsRefusedAndStaysADevice() throws {
        let device = try SpecialFiles.fullDevice(in: TestPaths.temporaryDirectory())
        for force in [false, true] {
            let run = try diagnose(device, force: force)
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(device.path): is a device, not a regular file"), "\(run.stderr)")
            #expect(SpecialFiles.info(device)?.type == S_IFCHR)
        }
    }

    @Test func aSymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let folder = TestPaths.temporaryDirectory()
        let target = folder.appendingPathComponent("precious.txt")
        try "keep me\n".write(to: target, atomically: false, encoding: .utf8)
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let run = try diagnose(link, force: true)
        #expect(run.status == 2)
        #expect(run.stderr.contains("is a symbolic link"), "\(run.stderr)")
        #expect(SpecialFiles.info(link)?.type == S_IFLNK)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n")
    }

    @Test func aFolderIsRefusedInPlainWords() throws {
        let folder = TestPaths.temporaryDirectory()
        let run = try diagnose(folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(folder.path): is a folder, not a regular file"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func anExistingFileNeedsForceAndKeepsItsModeAndOwner() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("ticket.md")
        try "old notes\n".write(to: file, atomically: false, encoding: .utf8)
        chmod(file.path, 0o600)
        if SpecialFiles.isRoot { try SpecialFiles.run("chown", ["1234:1234", file.path]) }
        let before = try #require(SpecialFiles.info(file))

        let refused = try diagnose(file)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(file.path): already exists; add --force to overwrite it"), "\(refused.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "old notes\n")

        let forced = try diagnose(file, force: true)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# Diagnosis: "))
        let after = try #require(SpecialFiles.info(file))
        #expect(after.type == S_IFREG && after.mode == 0o600 && after.owner == before.owner)
    }

    @Test func aNewFileIsPrivateAndCreatedFoldersAreNamed() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("new/ticket.md")
        let run = try diagnose(file)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Created the folder \(file.deletingLastPathComponent().path)"))
        #expect(SpecialFiles.info(file)?.mode == 0o600)
    }
}
