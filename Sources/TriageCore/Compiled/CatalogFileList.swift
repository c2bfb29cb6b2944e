import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The YAML files of a catalog folder with what one `stat` tells about each: enough to know, without reading
/// them, whether a compiled catalog made from them is still current. Lists files exactly as
/// `CatalogSource.directory` reads them (hidden files and folders skipped, `.yaml`/`.yml`, sorted by path).
struct CatalogFileStamp: Equatable {
    var path: String
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    /// `path`'s size and modification time, or nil when it cannot be stat'ed.
    static func of(_ path: String) -> CatalogFileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return CatalogFileStamp(path: path, size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
                                modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Every catalog file below `folder`, in reading order; nil when the folder cannot be listed.
    static func files(in folder: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return CatalogFolder.yamlFiles(below: CatalogFolder.canonical(folder))
    }
}
