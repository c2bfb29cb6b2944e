import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Immutable bytes a compiled catalog is read from: a private copy in memory, or a read-only private mapping
/// of a cache file. Entries are decoded from these bytes on demand, so they live as long as the catalog.
///
/// Files up to `mappingThreshold` are read into memory; bigger ones are mapped (`mmap`, `PROT_READ`,
/// `MAP_PRIVATE`) and the descriptor closed (the mapping keeps the file's inode). Replacing the file, as Triage
/// always does (a new file renamed over the old one), never touches a mapped catalog: the old inode lives on
/// until it is unmapped. What a mapping cannot survive is another process truncating the very same file in
/// place (the pages past the new end raise SIGBUS); cache files are private to the user (0600 in a 0700 folder)
/// and Triage never truncates one, so that takes the user doing it by hand while Triage runs. Every read is
/// bounds-checked; a copy in memory is checked whole when opened, a mapping by its header and head (see
/// `CompiledCatalog.open`), so damaged bytes never crash and are found by the full check on demand.
public final class CatalogBytes: @unchecked Sendable {
    /// Files smaller than this are read into memory instead of mapped.
    static let mappingThreshold = 1 << 20

    let buffer: UnsafeRawBufferPointer
    /// True when `buffer` is a mapping of a file, false when it is memory of this process's own.
    let isMapped: Bool
    /// The anonymous mapping `buffer` was decoded into (`init?(literal:)`), unmapped on deinit; nil when
    /// `buffer` is the file mapping or was allocated.
    private let anonymous: UnsafeMutableRawBufferPointer?

    private init(buffer: UnsafeRawBufferPointer, isMapped: Bool, anonymous: UnsafeMutableRawBufferPointer? = nil) {
        self.buffer = buffer
        self.isMapped = isMapped
        self.anonymous = anonymous
    }

    /// The bytes of a `ByteLiteral` (the built-in catalog and its index), decoded once into memory of their own;
    /// nil when `literal` is not one. The memory is mapped with its pages made at once (`MAP_POPULATE`): a
    /// megabyte decoded into fresh heap took a page fault per 4 KB, most of what a built-in search spent on it.
    public convenience init?(literal: StaticString) {
        let capacity = max(1, literal.utf8CodeUnitCount)
        guard let address = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }  // MAP_FAILED
        let memory = UnsafeMutableRawBufferPointer(start: address, count: capacity)
        let count = literal.withUTF8Buffer { ByteLiteral.decode($0, into: address.assumingMemoryBound(to: UInt8.self)) }
        guard let count else {
            munmap(address, capacity)
            return nil
        }
        self.init(buffer: UnsafeRawBufferPointer(start: address, count: count), isMapped: false, anonymous: memory)
    }

    /// A private copy of `bytes`.
    convenience init(copying bytes: UnsafeRawBufferPointer) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        if let base = bytes.baseAddress, bytes.count > 0 { storage.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        self.init(buffer: UnsafeRawBufferPointer(rebasing: storage[0..<bytes.count]), isMapped: false)
    }

    /// The bytes, copied into an array.
    public var array: [UInt8] { Array(buffer) }

    static func copy(of bytes: [UInt8]) -> CatalogBytes { bytes.withUnsafeBytes { CatalogBytes(copying: $0) } }

    /// Largest cache file opened: 1 GB (a 100,000-code catalog compiles to well under 100 MB); a bigger one, a
    /// sparse file say, is ignored and rebuilt, never mapped and checksummed.
    static let maximumFileBytes = 1 << 30

    /// The contents of the file at `path` (read or mapped, see the type's notes), nil when it cannot be read or
    /// is not to be trusted (`SharedFile`: a FIFO, another user's file, ...; never blocks).
    static func file(_ path: String, mapAtLeast threshold: Int = mappingThreshold) -> CatalogBytes? {
        guard case let .success((descriptor, info)) = SharedFile.open(path) else { return nil }
        defer { close(descriptor) }
        let size = Int(info.st_size)
        guard size <= maximumFileBytes else { return nil }
        if size >= threshold, size > 0 {
            guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
                  address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }  // MAP_FAILED
            return CatalogBytes(buffer: UnsafeRawBufferPointer(start: address, count: size), isMapped: true)
        }
        // Small file: read it whole (a later truncation of the file cannot touch this copy).
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, size), alignment: 16)
        var total = 0
        while total < size {
            let count = read(descriptor, storage.baseAddress! + total, size - total)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            total += count
        }
        return CatalogBytes(buffer: UnsafeRawBufferPointer(rebasing: storage[0..<total]), isMapped: false)
    }

    /// The checksum of `part` (a part of `buffer`), `ContentHash.of` or `.wide`: for a mapping, 4 MB at a time,
    /// letting each part's pages go once hashed, so checking a 64 MB cache file never makes all of it resident at once.
    func checksum(of part: UnsafeRawBufferPointer,
                  hash: (UnsafeRawBufferPointer, Int, (UnsafeRawBufferPointer) -> Void) -> UInt64 = ContentHash.of) -> UInt64 {
        guard isMapped else { return hash(part, part.count) { _ in } }
        return hash(part, 4 << 20) { release($0) }
    }

    /// Drops the whole pages inside `part` (a part of `buffer`) from resident memory when `buffer` is a mapping
    /// (they come back from the file when read); nothing for a copy in memory.
    func release(_ part: UnsafeRawBufferPointer) {
        guard isMapped, let base = part.baseAddress else { return }
        let page = max(1, Int(sysconf(Int32(_SC_PAGESIZE))))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + part.count) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, MADV_DONTNEED)
    }

    /// Lets the kernel drop the mapping's pages from this process's resident memory (after the checksum read
    /// them all): they come back from the page cache when an entry is read. Nothing for a copy in memory.
    func releaseResidentPages() {
        guard isMapped, let base = buffer.baseAddress, buffer.count > 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), buffer.count, MADV_DONTNEED)
    }

    deinit {
        if let anonymous {
            munmap(anonymous.baseAddress, anonymous.count)
            return
        }
        guard let base = buffer.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }
}
