import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore
#if canImport(Glibc)
import Glibc
#endif

/// The one rule for files read from a shared place (`SharedFile`), with the attacks themselves: another user's
/// file (chown 65534, 0644, in their 0755 folder), a FIFO or a link to one, sparse 2 GB and 30 GB files.
@Suite struct SharedFileTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
    let key = CompiledCatalog.key(of: BuiltinCatalog.files)

    /// Makes `url` (and its folder) belong to "another user": uid 65534, 0644 in a 0755 folder.
    private func giveAway(_ url: URL) throws {
        try SpecialFiles.run("chown", ["65534", url.path, url.deletingLastPathComponent().path])
        try SpecialFiles.run("chmod", ["0644", url.path])
        try SpecialFiles.run("chmod", ["0755", url.deletingLastPathComponent().path])
    }

    /// Runs `body` on a thread and waits at most `seconds`: a call that blocks (a FIFO opened without
    /// O_NONBLOCK) fails the test instead of hanging the suite.
    private func finishes<T: Sendable>(within seconds: Double = 20, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }

    private func cache() -> (folder: URL, cache: CatalogCache, file: String) {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("cache").path + "/triage")
        return (folder, cache, cache.file(builtInKey: key, folders: [folder.path]))
    }

    @Test func theRule() throws {
        let folder = TestPaths.temporaryDirectory("rule")
        let mine = folder.appendingPathComponent("mine")
        try Data("x".utf8).write(to: mine)
        #expect(SharedFile.problem(at: mine.path) == nil)
        #expect(SharedFile.problem(at: folder.appendingPathComponent("none").path) == .missing)
        #expect(SharedFile.problem(at: folder.path) == .notRegular(kind: "a folder"))
        let fifo = try SpecialFiles.fifo(in: folder)
        #expect(SharedFile.problem(at: fifo.path) == .notRegular(kind: "a FIFO (named pipe)"))
        try SpecialFiles.run("chmod", ["0666", mine.path])
        #expect(SharedFile.problem(at: mine.path) == .writableByOthers)
        guard SpecialFiles.isRoot else { return }
        let theirs = TestPaths.temporaryDirectory("theirs").appendingPathComponent("file")
        try Data("x".utf8).write(to: theirs)
        try giveAway(theirs)
        #expect(SharedFile.problem(at: theirs.path) == .foreignOwner(uid: 65534))
        #expect(SharedFile.problem(at: theirs.path, sharing: .group) == .foreignOwner(uid: 65534), "0644: not shared")
        // A team's database: group-writable, of one of the user's groups (root's group 0 here).
        try SpecialFiles.run("chown", ["65534:0", theirs.path])
        try SpecialFiles.run("chmod", ["0660", theirs.path])
        #expect(SharedFile.problem(at: theirs.path, sharing: .group) == nil)
        #expect(SharedFile.problem(at: theirs.path) == .foreignOwner(uid: 65534))
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "chown needs root"))
    func anotherUsersCompiledCatalogIsIgnoredAndRebuilt() throws {
        let (folder, cache, file) = cache()
        #expect(cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).outcome != .hit)
        #expect(cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).outcome == .hit)
        try giveAway(URL(fileURLWithPath: file))
        let loaded = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path])
        guard case let .built(reason) = loaded.outcome else {
            Issue.record("another user's cache file was used: \(loaded.outcome)")
            return
        }
        #expect(reason.contains("belongs to another user (uid 65534)"), "\(reason)")
        #expect(loaded.catalog.entries(code: "KEY_INVALID").first?.message == "Key not valid")
        // Rebuilt as the user's own, private file.
        #expect(SpecialFiles.info(URL(fileURLWithPath: file))?.owner == 0)
        #expect(SpecialFiles.info(URL(fileURLWithPath: file))?.mode == 0o600)
    }

    @Test(arguments: [false, true])
    func aFIFOWhereTheCacheShouldBeNeverBlocks(throughALink: Bool) throws {
        let (folder, cache, file) = cache()
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        if throughALink {
            let fifo = try SpecialFiles.fifo(in: TestPaths.temporaryDirectory("elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: fifo.path)
        } else {
            try SpecialFiles.run("mkfifo", [file])
        }
        let builtIn = builtIn, key = key
        let loaded = finishes { cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]) }
        let outcome = try #require(loaded?.outcome, "loading the catalog blocked on the FIFO")
        #expect(outcome != .hit)
        #expect(loaded?.catalog.entries(code: "KEY_INVALID").isEmpty == false)
    }

    @Test(arguments: [false, true])
    func aFIFOWhereTheIndexShouldBeNeverBlocks(throughALink: Bool) throws {
        let (folder, cache, file) = cache()
        let catalog = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).catalog
        let store = SearchIndexStore(catalogFile: file)
        if throughALink {
            let fifo = try SpecialFiles.fifo(in: TestPaths.temporaryDirectory("elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: store.path, withDestinationPath: fifo.path)
        } else {
            try SpecialFiles.run("mkfifo", [store.path])
        }
        let outcome = try #require(finishes { store.index(for: catalog).outcome }, "the index read blocked on the FIFO")
        #expect(outcome == .built)
        #expect(store.index(for: catalog).outcome == .loaded)
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "chown needs root"))
    func anotherUsersIndexIsIgnoredAndRebuilt() throws {
        let (folder, cache, file) = cache()
        let catalog = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).catalog
        let store = SearchIndexStore(catalogFile: file)
        #expect(store.index(for: catalog).outcome == .built)
        #expect(store.index(for: catalog).outcome == .loaded)
        try SpecialFiles.run("chown", ["65534", store.path])
        try SpecialFiles.run("chmod", ["0644", store.path])
        #expect(store.index(for: catalog).outcome == .built)
    }

    /// A stored index whose header is right, made sparse: 2 GB must not be read into 2 GB of memory, and 30 GB
    /// must not abort (an array of 30 GB cannot be allocated).
    @Test(arguments: [Int64(2) << 30, Int64(30) << 30])
    func aSparseIndexIsNotRead(size: Int64) throws {
        let (folder, cache, file) = cache()
        let catalog = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).catalog
        let store = SearchIndexStore(catalogFile: file)
        #expect(store.index(for: catalog).outcome == .built)
        guard truncate(store.path, off_t(size)) == 0 else {
            Issue.record("cannot make a sparse file: \(String(cString: strerror(errno)))")
            return
        }
        let before = Self.peakResidentBytes()
        #expect(store.index(for: catalog).outcome == .built)
        #expect(Self.peakResidentBytes() - before < 512 << 20, "the sparse index was read into memory")
        #expect(store.index(for: catalog).outcome == .loaded)
    }

    @Test func aSparseCacheFileIsIgnored() throws {
        let (folder, cache, file) = cache()
        _ = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path])
        #expect(truncate(file, off_t(Int64(30) << 30)) == 0)
        #expect(CatalogBytes.file(file) == nil)
        #expect(cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).outcome != .hit)
        #expect(cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path]).outcome == .hit)
    }

    @Test(.enabled(if: SpecialFiles.isRoot, "chown needs root"))
    func anotherUsersCatalogFileIsRefusedWithTheReason() throws {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let yaml = folder.appendingPathComponent("vendors/acme.yaml")
        try giveAway(yaml)
        let read = CatalogSources.reading(builtIn, then: [folder.path])
        let messages = read.problems.map(\.description)
        #expect(messages.contains { $0.contains("acme.yaml:1:1") && $0.contains("belongs to another user (uid 65534)") },
                "\(messages)")
    }

    @Test func boundedReadsStopAtTheLimitAndNameTheSystemError() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        let written = [UInt8](repeating: 0x41, count: 5000)
        _ = written.withUnsafeBytes { write(pipeEnds[1], $0.baseAddress, $0.count) }
        close(pipeEnds[1])
        let prefix = try BoundedRead.prefix(pipeEnds[0], limit: 1000).get()
        #expect(prefix.bytes.count == 1000 && prefix.more)
        close(pipeEnds[0])

        let memory = open("/proc/self/mem", O_RDONLY)
        guard memory >= 0 else { return }
        defer { close(memory) }
        #expect(BoundedRead.all(memory, limit: 1 << 20) == .failure(.system("Input/output error")))
    }

    /// The process's peak resident memory (`ru_maxrss`), in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }
}

/// What a thread hands back to `finishes`.
private final class ResultBox<T>: @unchecked Sendable { var value: T? }
