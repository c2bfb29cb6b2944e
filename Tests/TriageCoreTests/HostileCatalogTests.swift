import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// Hostile catalog files: sizes that would exhaust memory, references that would make loading quadratic,
/// special files in a catalog folder. Each is refused with `file:line:column: message`, quickly.
@Suite struct HostileCatalogTests {
    @Test func aHugeSparseFileIsRefusedFromItsSizeBeforeItIsRead() throws {
        let folder = TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("huge.yaml").path
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        try #require(descriptor >= 0)
        try #require(ftruncate(descriptor, 3 << 30) == 0)  // 3 GB, sparse: nothing is on disk
        close(descriptor)
        let clock = ContinuousClock()
        let start = clock.now
        let read = CatalogSource.directory(folder.path)
        #expect(clock.now - start < .seconds(2))
        #expect(read.source.files.isEmpty)
        #expect(read.problems.map(\.description) == ["\(path):1:1: the file is 3 GB; a catalog file may be at most 2 MB"])
    }

    @Test func aThirtyMegabyteFlowListIsRefused() throws {
        let folder = TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("flow.yaml")
        var text = "vendor: {id: big, name: Big}\ncategories: [{id: c, name: C}]\ncodes: [{code: A, category: c, description: x}]\nfacts: ["
        text += String(repeating: "a, ", count: 10_000_000) + "a]\n"
        try text.write(to: path, atomically: false, encoding: .utf8)
        let read = CatalogSource.directory(folder.path)
        #expect(read.source.files.isEmpty)
        #expect(read.problems.first?.description.hasPrefix("\(path.path):1:1: the file is 28.6 MB; a catalog file may be at most 2 MB") == true,
                "\(read.problems)")
        // The same text handed to the loader directly (not through a folder) is refused too.
        let (_, problems) = CatalogLoader.load([CatalogSource(name: "x", files: [("flow.yaml", text)])])
        #expect(problems.map(\.message) == ["the file is 28.6 MB; a catalog file may be at most 2 MB"])
    }

    @Test func aFolderWhoseFilesTogetherAreTooLargeIsRefused() throws {
        let chunk = "# " + String(repeating: "x", count: (1 << 20) + 500_000) + "\nvendor: {id: v, name: V}\n"
        let folder = TestPaths.catalogFolder(Dictionary(uniqueKeysWithValues: (0..<88).map { ("v\($0).yaml", chunk) }))
        let read = CatalogSource.directory(folder.path)
        #expect(read.problems.contains { $0.message.hasPrefix("the folder's YAML files total more than 128 MB") }, "\(read.problems)")
        #expect(read.source.files.count < 88, "reading stopped at the cap")
    }

    @Test func aFIFOInTheCatalogFolderDoesNotHang() throws {
        let folder = TestPaths.temporaryDirectory()
        _ = try SpecialFiles.fifo(in: folder, "pipe.yaml")
        let read = CatalogSource.directory(folder.path)
        #expect(read.problems.map(\.message) == ["not a regular file; catalog files must be plain YAML files"])
    }

    @Test func thousandsOfUnknownRelatedCodesCostLinearTime() throws {
        var text = "vendor: {id: many, name: Many}\ncategories: [{id: c, name: C}]\ncodes:\n"
        for index in 0..<2_000 {
            text += "  - {code: CODE_NUMBER_\(index)_OF_MANY, category: c, description: d, related: [CODE_NUMBER_\(index)_OF_MANX]}\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (_, problems) = Fixtures.load([("many.yaml", text)])
        let elapsed = clock.now - start
        #expect(problems.count == 2_000)
        #expect(problems.first?.message.contains("did you mean") == true, "the first ones still suggest")
        #expect(elapsed < .seconds(10), "took \(elapsed)")  // was more than 25 s in release
    }
}
