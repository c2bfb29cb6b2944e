import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The search index of a cached user catalog, kept beside its cache file (`catalog-KEY.bin.index`), so a search
/// opens it instead of building it. It is mapped and read in place (`FlatArray`): opening checks it (offsets,
/// ids) and lets the pages the checks read go, so only what searches read becomes resident and nothing is
/// copied out. Opening checks the structure (`SearchIndex.IndexCheck.structure`: what keeps a search in bounds);
/// the checksum written with the index is read whole by `triage cache --verify` (`check: .full`). The file
/// names the cache file
/// it was built from (device, inode, size and modification time): the cache file is only ever replaced by
/// renaming a new one over it, so a rebuilt catalog never meets an old index, and the index's own checks
/// (checksum, the catalog's codes, every offset) reject anything else. A missing, damaged or stale index is
/// built again and rewritten (privately, atomically); one that cannot be written is only built.
public struct SearchIndexStore: Sendable {
    /// How the index was had.
    public enum Outcome: Equatable, Sendable {
        case loaded
        case built
        /// Built, but not stored: why.
        case builtUnsaved(String)
    }

    static let magic = Array("TRIAGEI1".utf8)

    /// The catalog cache file the index belongs to.
    public let catalogFile: String
    /// Where the index is stored.
    public var path: String { catalogFile + ".index" }

    public init(catalogFile: String) { self.catalogFile = catalogFile }

    /// The index of `catalog` (opened from `catalogFile`): decoded from the stored one when it is current and
    /// passes `check`, else built and stored.
    public func index(for catalog: Catalog, check: SearchIndex.IndexCheck = .structure) -> (index: SearchIndex, outcome: Outcome) {
        let stamp = Self.stamp(of: catalogFile)
        // Mapped, not read: the index reads its arrays in the mapping, which it keeps alive.
        if let stamp, let stored = CatalogBytes.file(path, mapAtLeast: 0),
           stored.buffer.count <= Self.maximumBytes(catalogBytes: Int(stamp[2])), stored.buffer.count > Self.headerSize,
           Self.header(stamp).elementsEqual(stored.buffer[0..<Self.headerSize]),
           let index = SearchIndex(decoding: UnsafeRawBufferPointer(rebasing: stored.buffer[Self.headerSize...]),
                                   catalog: catalog, owner: stored, check: check) {
            return (index, .loaded)
        }
        let index = SearchIndex(catalog: catalog)
        guard let stamp else { return (index, .builtUnsaved("\(catalogFile): no catalog cache file")) }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try PrivateFile.writeAtomically(Self.header(stamp) + index.encoded(), to: path, directory: directory)
            return (index, .built)
        } catch {
            return (index, .builtUnsaved(String(describing: error)))
        }
    }

    static let headerSize = magic.count + 5 * 8

    /// Largest stored index read, for a catalog cache file of `catalogBytes`: the index is a fraction of the
    /// catalog, so anything past 16 MB plus twice the catalog (a sparse 2 GB file, say) is not one and is rebuilt.
    static func maximumBytes(catalogBytes: Int) -> Int { (16 << 20) + 2 * min(catalogBytes, CatalogBytes.maximumFileBytes) }

    private static func header(_ stamp: [UInt64]) -> [UInt8] {
        var writer = ByteWriter()
        writer.raw(magic)
        for value in stamp { writer.uint64(value) }
        return writer.bytes
    }

    /// Device, inode, size and modification time (seconds, nanoseconds) of a regular file; nil otherwise.
    private static func stamp(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
                UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(info.st_mtim.tv_nsec)]
    }
}
