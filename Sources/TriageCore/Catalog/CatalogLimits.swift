import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much catalog Triage reads: the largest shipped file is about 40 KB and the whole shipped catalog about
/// 540 KB, and a 100,000-code multi-vendor catalog is about 72 MB, so these leave room for real catalogs in one
/// folder while a hostile one (a 30 MB flow list, a 3 GB sparse file) is refused before it is read, from its size
/// as `stat` reports it, and a folder never makes Triage read more than 128 MB.
public enum CatalogLimits {
    /// Largest YAML file read: 2 MB.
    public static let maximumFileBytes = 2 << 20
    /// Largest total of the YAML files of one folder: 128 MB (a 100,000-code catalog is about 72 MB).
    public static let maximumFolderBytes = 128 << 20
    /// Most YAML files read from one folder.
    public static let maximumFiles = 2_000

    /// "2 MB", "3.0 GB": a size for messages.
    static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) bytes" }
        return value == value.rounded() ? "\(Int(value)) \(units[unit])" : String(format: "%.1f %@", value, units[unit])
    }

    /// Reads at most `maximumFileBytes` of a regular file without blocking on FIFOs or devices, refusing a file
    /// that is not the user's or root's or that others may write (`SharedFile`). Returns the data, or why it was
    /// not read.
    static func readBounded(_ path: String) -> Result<Data, FileProblem> {
        switch SharedFile.read(path, limit: maximumFileBytes) {
        case let .success(bytes): return .success(Data(bytes))
        case .failure(.missing): return .failure(.unreadable(String(cString: strerror(ENOENT))))
        case .failure(.notRegular): return .failure(.notRegular)
        case let .failure(.tooLarge(bytes, _)): return .failure(.tooLarge(bytes))
        case let .failure(.unreadable(reason)): return .failure(.unreadable(reason))
        case let .failure(problem): return .failure(.untrusted(problem.description))
        }
    }

    enum FileProblem: Error {
        case notRegular
        case tooLarge(Int)
        case unreadable(String)
        /// Another user's file, or one anyone may write: `SharedFile`'s reason.
        case untrusted(String)

        var message: String {
            switch self {
            case .notRegular: return "not a regular file; catalog files must be plain YAML files"
            case let .tooLarge(bytes):
                return "the file is \(describe(bytes)); a catalog file may be at most \(describe(maximumFileBytes))"
            case let .unreadable(reason): return "cannot read the file: \(reason)"
            case let .untrusted(reason): return "refused: \(reason)"
            }
        }
    }
}
