import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// User catalogs (`--catalog`, `TRIAGE_CATALOG`) compiled on first use into `$XDG_CACHE_HOME/triage/` (else
/// `~/.cache/triage`), so later starts read a ready catalog instead of parsing YAML.
///
/// A cache file holds the merged catalog of the built-in catalog plus the given folders, and for each YAML file
/// its path, size, modification time and content hash. A start checks it with one `stat` per file (plus listing
/// the folders, so added and removed files count); anything different, and it is rebuilt from the YAML with full
/// validation. A file that only got a new modification time (same content hash) keeps the compiled catalog. A
/// damaged, truncated or foreign cache file is ignored and rebuilt. Files are private (0600 in a 0700 folder) and
/// written atomically (a temporary file renamed over the old one), so a crash never leaves a half-written cache.
public struct CatalogCache: Sendable {
    /// How a load went.
    public enum Outcome: Equatable, Sendable {
        /// The cache was current: no YAML was read.
        case hit
        /// The YAML was read and the cache (re)written; the reason says why.
        case built(String)
        /// The catalog has problems (nothing cached), or the cache could not be written (the reason says why).
        case uncached(String)
    }

    static let magic = Array("TRIAGEK1".utf8)
    /// How an `.uncached` reason starts when the cache file could not be written (a full disk, the size limit).
    public static let unwritten = "cannot write the catalog cache: "
    /// Bump with the layout of the cache file (the compiled catalog inside has its own version).
    static let formatVersion = 1

    /// The cache folder (`.../triage`).
    public let directory: String

    /// `directory` is the cache folder; the standard one is `TriagePaths.cacheDirectory(environment:)`.
    public init(directory: String) { self.directory = directory }

    /// The cache file for this combination of built-in catalog and folders: one per folder, however it was named
    /// (`dir`, `dir/`, `./dir`, a link to it; `CatalogFolder.canonical`).
    public func file(builtInKey: UInt64, folders: [String]) -> String {
        let folders = folders.map(CatalogFolder.canonical)
        var key = ByteWriter()
        key.uint64(builtInKey)
        key.strings(folders)
        let name = String(ContentHash.of(key.bytes), radix: 16)
        return directory + "/catalog-" + String(repeating: "0", count: max(0, 16 - name.count)) + name + ".bin"
    }

    /// The catalog of `builtIn` followed by `folders`, from the cache when it is current, else loaded from the
    /// YAML (with every problem) and cached when it has none. `progress` hears when a (slow) build starts, and
    /// then how many of the folders' files are parsed (from the parsing threads); nothing on a cache hit.
    public func load(builtIn: CatalogSource, builtInKey: UInt64, folders: [String],
                     progress: (@Sendable (CatalogBuildEvent) -> Void)? = nil)
        -> (catalog: Catalog, problems: [CatalogProblem], outcome: Outcome) {
        let path = file(builtInKey: builtInKey, folders: folders)
        let listed = folders.map(CatalogFileStamp.files(in:))
        let stamps = listed.flatMap { $0 ?? [] }.map { CatalogFileStamp.of($0) }
        var stale: CachedCatalog?
        var reason = "no cache yet"
        if let cached = CachedCatalog.read(path, builtInKey: builtInKey) {
            if !listed.contains(where: { $0 == nil }), stamps.count == cached.files.count,
               zip(stamps, cached.files).allSatisfy({ $0 == $1.stamp }) {
                if let catalog = cached.catalog() { return (catalog, [], .hit) }
                reason = "the cache file was damaged"
            } else {
                reason = describeChange(cached.files.map(\.stamp), stamps)
                stale = cached
            }
        } else if let problem = SharedFile.problem(at: path), problem != .missing {
            reason = "the cache file was ignored: \(problem)"
        } else if FileManager.default.fileExists(atPath: path) {
            reason = "the cache file was damaged"
        }

        progress?(.started(files: stamps.count, reason: reason))
        let allStamped = stamps.allSatisfy { $0 != nil }
        // Same files, same contents, only new times: the compiled catalog is still right. Checked whole before
        // it is copied into the new file: an open checks only a mapping's head.
        if allStamped, let stale, stale.files.map(\.path) == stamps.map({ $0!.path }),
           let hashes = Self.hashes(of: folders), stale.files.map(\.hash) == hashes, stale.isIntact, let catalog = stale.catalog() {
            let outcome = write(path, builtInKey: builtInKey, stamps: stamps.map { $0! }, hashes: hashes,
                                reason: "same contents, new times") { try $0.append(stale.compiledBytes) }
            return (catalog, [], outcome)
        }
        // The built-in files are parsed first; progress counts the folders' files.
        let builtInFiles = builtIn.files.count, total = stamps.count
        var parsed: (@Sendable (Int) -> Void)?
        if let progress {
            parsed = { done in
                progress(.parsed(CatalogBuildProgress(done: min(total, max(0, done - builtInFiles)), total: total)))
            }
        }
        if allStamped {
            let compiler = CatalogCompiler(directory: directory)
            let compiled = compiler.compile(
                builtIn: builtIn, folders: folders, stamped: stamps.map { $0!.path }, into: path,
                prefix: { hashes in Self.prefix(builtInKey: builtInKey, stamps: stamps.map { $0! }, hashes: hashes) },
                open: { CachedCatalog.read($0, builtInKey: builtInKey)?.catalog() }, progress: parsed)
            switch compiled.outcome {
            case .written:
                if let written = CachedCatalog.read(path, builtInKey: builtInKey)?.catalog() { return (written, [], .built(reason)) }
            case let .unwritten(why):
                return loadWhole(builtIn, folders, progress: parsed, unwritten: Self.unwritten + why)
            case .hasProblems, .filesChanged:
                break
            }
        }
        // Problems (or a file changing while it is read): loaded whole, so every problem is reported in order.
        return loadWhole(builtIn, folders, progress: parsed, unwritten: "a file changed while it was read")
    }

    /// The catalog loaded whole from the YAML (with every problem), and the reason it is not cached.
    private func loadWhole(_ builtIn: CatalogSource, _ folders: [String], progress: (@Sendable (Int) -> Void)?, unwritten: String)
        -> (catalog: Catalog, problems: [CatalogProblem], outcome: Outcome) {
        let read = CatalogSources.reading(builtIn, then: folders)
        var perFile: (@Sendable (Int, Int) -> Void)?
        if let progress { perFile = { done, _ in progress(done) } }
        let loaded = CatalogLoader.load(read.sources, progress: perFile)
        let problems = read.problems + loaded.problems
        guard problems.isEmpty else { return (loaded.catalog, problems, .uncached("the catalog has problems")) }
        return (loaded.catalog, [], .uncached(unwritten))
    }

    /// The folders' files' content hashes, in reading order, each file read and let go in turn; nil when one
    /// cannot be read.
    private static func hashes(of folders: [String]) -> [UInt64]? {
        var hashes: [UInt64] = []
        for folder in folders {
            let listing = CatalogSource.FolderListing(folder)
            guard listing.problems.isEmpty else { return nil }
            for file in listing.files {
                guard case var .success(text) = file.read().flatMap(file.text(of:)) else { return nil }
                hashes.append(text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) })
            }
        }
        return hashes
    }

    /// The full check of the cache file for `folders`, on demand (an open checks only what it reads): nil when
    /// there is no cache file, else whether every byte of it matches its checksums.
    public func verify(builtInKey: UInt64, folders: [String]) -> Bool? {
        let path = file(builtInKey: builtInKey, folders: folders)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let cached = CachedCatalog.read(path, builtInKey: builtInKey) else { return false }
        return cached.isIntact
    }

    private func describeChange(_ old: [CatalogFileStamp], _ new: [CatalogFileStamp?]) -> String {
        let oldPaths = old.map(\.path), newPaths = new.compactMap { $0?.path }
        if Set(newPaths).subtracting(oldPaths).first != nil { return "a file was added" }
        if Set(oldPaths).subtracting(newPaths).first != nil { return "a file was removed" }
        return "a file changed"
    }

    /// What precedes the compiled catalog in a cache file: the magic, the format version, the manifest's length
    /// and checksum, and the manifest (the built-in key; each file's path, size, times and content hash).
    static func prefix(builtInKey: UInt64, stamps: [CatalogFileStamp], hashes: [UInt64]) -> [UInt8] {
        var manifest = ByteWriter()
        manifest.uint64(builtInKey)
        manifest.varint(stamps.count)
        for (stamp, hash) in zip(stamps, hashes) {
            manifest.string(stamp.path)
            manifest.varint(stamp.size)
            manifest.varint(stamp.modifiedSeconds)
            manifest.varint(stamp.modifiedNanoseconds)
            manifest.uint64(hash)
        }
        var file = ByteWriter(capacity: manifest.bytes.count + 32)
        file.raw(Self.magic)
        file.varint(Self.formatVersion)
        file.varint(manifest.bytes.count)
        file.uint64(ContentHash.of(manifest.bytes))
        file.raw(manifest.bytes)
        return file.bytes
    }

    private func write(_ path: String, builtInKey: UInt64, stamps: [CatalogFileStamp], hashes: [UInt64], reason: String,
                       compiled: (BufferedFile) throws -> Void) -> Outcome {
        do {
            try PrivateFile.writeAtomically(to: path, directory: directory) { file, _ in
                try file.append(Self.prefix(builtInKey: builtInKey, stamps: stamps, hashes: hashes))
                try compiled(file)
                return true
            }
            return .built(reason)
        } catch {
            return .uncached(Self.unwritten + "\(error)")
        }
    }
}

/// A cache file as read: its manifest, and the compiled catalog's bytes left where they are (the file is read
/// or mapped, see `CatalogBytes`), opened and decoded on demand.
struct CachedCatalog {
    struct File { var stamp: CatalogFileStamp; var hash: UInt64; var path: String { stamp.path } }

    var files: [File]
    let bytes: CatalogBytes
    let compiledRange: Range<Int>

    /// The compiled catalog's bytes where they are (to write them into a new cache file).
    var compiledBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes.buffer[compiledRange]) }

    func catalog() -> Catalog? { CompiledCatalog.open(bytes, range: compiledRange) }

    /// Whether the compiled catalog's every byte matches its checksum.
    var isIntact: Bool { CompiledCatalog.verify(UnsafeRawBufferPointer(rebasing: bytes.buffer[compiledRange])) }

    /// The cache file at `path`, or nil when it is missing, damaged, of another version or another built-in catalog.
    static func read(_ path: String, builtInKey: UInt64) -> CachedCatalog? {
        guard let bytes = CatalogBytes.file(path) else { return nil }
        var reader = ByteReader(bytes.buffer)
        do {
            guard try reader.raw(CatalogCache.magic.count).elementsEqual(CatalogCache.magic),
                  try reader.varint() == CatalogCache.formatVersion else { return nil }
            let length = try reader.count()
            let checksum = try reader.uint64()
            let manifestBytes = try reader.raw(length)
            guard ContentHash.of(manifestBytes) == checksum else { return nil }
            var manifest = ByteReader(manifestBytes)
            guard try manifest.uint64() == builtInKey else { return nil }
            var files: [File] = []
            for _ in 0..<(try manifest.count()) {
                let stamp = CatalogFileStamp(path: try manifest.string(), size: try manifest.varint(),
                                             modifiedSeconds: try manifest.varint(), modifiedNanoseconds: try manifest.varint())
                files.append(File(stamp: stamp, hash: try manifest.uint64()))
            }
            return CachedCatalog(files: files, bytes: bytes, compiledRange: reader.offset..<bytes.buffer.count)
        } catch {
            return nil
        }
    }
}

/// Writes files only the user can read: the folder is created 0700, the file written to a 0600 temporary file
/// beside it (`NAME.PID.tmp`) and renamed over the old one (the cache is Triage's own file, never a path the user
/// named). On every failure (a full disk, the file size limit: SIGXFSZ is ignored, so `write` fails with EFBIG)
/// the temporary file is removed and the error says why.
enum PrivateFile {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) throws {
        try writeAtomically(to: path, directory: directory) { file, _ in
            try file.append(bytes)
            return true
        }
    }

    /// The same, with the temporary file filled by `fill` (what it appends is flushed after; its errors name
    /// `path`), which is also told the temporary file's path: when `fill` returns false the temporary file is
    /// removed and the old one left (the result is then false).
    @discardableResult
    static func writeAtomically(to path: String, directory: String, _ fill: (BufferedFile, String) throws -> Bool) throws -> Bool {
        do {
            try FileWriter.makePrivateFolder(directory)
        } catch {
            throw Failure(description: String(describing: error))
        }
        let temporary = "\(path).\(getpid()).tmp"
        unlink(temporary)  // left by an earlier process with this id that was killed mid-write
        removeAbandonedTemporaries(of: path, directory: directory)
        let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "\(temporary): \(String(cString: strerror(errno)))") }
        let file = BufferedFile(descriptor: descriptor, path: path)
        let keep: Bool
        do {
            keep = try fill(file, temporary)
            try file.flush()
        } catch {
            file.close()
            unlink(temporary)
            throw Failure(description: String(describing: error))
        }
        file.close()
        guard keep else {
            unlink(temporary)
            return false
        }
        guard rename(temporary, path) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "\(path): \(problem)")
        }
        return true
    }

    /// Removes `NAME.PID.tmp` files beside `path` whose process is gone: left by a Triage killed in the middle of
    /// writing (kill -9, a crash), each up to the size of the file, and never reused by another process id.
    static func removeAbandonedTemporaries(of path: String, directory: String) {
        let prefix = (path as NSString).lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(".tmp".count)
            guard let pid = pid_t(middle), pid > 0, pid != getpid() else { continue }
            // ESRCH: no such process. EPERM (another user's process) counts as alive.
            if kill(pid, 0) != 0, errno == ESRCH { unlink((directory as NSString).appendingPathComponent(name)) }
        }
    }
}
