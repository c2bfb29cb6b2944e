import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A catalog folder as the file system knows it: its real path, with symbolic links resolved and `.`, `..` and
/// trailing slashes gone. `dir`, `dir/`, `./dir`, a link to it and the same folder named from another working
/// directory are one folder: one cache file, one compile. Reading and linting start from the real path, so a
/// folder that is a symbolic link is followed (once: links inside it are listed, not descended into).
public enum CatalogFolder {
    /// Why a folder name does not resolve.
    public enum Failure: Error, Equatable, Sendable {
        /// The name goes round a loop of symbolic links.
        case loop
        /// No such folder (or a link to nothing).
        case missing
        /// Something else the file system said.
        case other(String)

        public var message: String {
            switch self {
            case .loop: return "the catalog folder is a loop of symbolic links"
            case .missing: return "no such catalog folder"
            case let .other(detail): return "cannot read the catalog folder: \(detail)"
            }
        }
    }

    /// The real path of `path`.
    public static func resolve(_ path: String) -> Result<String, Failure> {
        guard let resolved = realpath(path, nil) else {
            switch errno {
            case ELOOP: return .failure(.loop)
            case ENOENT, ENOTDIR: return .failure(.missing)
            default: return .failure(.other(String(cString: strerror(errno))))
            }
        }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    /// The real path, or `path` itself when it does not resolve (reading it then reports why).
    public static func canonical(_ path: String) -> String {
        (try? resolve(path).get()) ?? path
    }

    /// The real paths of the catalog files below the real folder `root`, in reading order (by path): `.yaml` and
    /// `.yml` files, hidden files and folders (.git, .build, editor swap files) skipped. The one listing both
    /// reading and the cache's up-to-date check use.
    static func yamlFiles(below root: String) -> [String] {
        let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isRegularFileKey],
                                                    options: [.skipsHiddenFiles])
        var paths: [String] = []
        while let url = walker?.nextObject() as? URL {
            guard ["yaml", "yml"].contains(url.pathExtension.lowercased()) else { continue }
            paths.append(url.path)
        }
        // Sorted as strings, each path computed once (not in the comparison).
        return paths.sorted()
    }
}
