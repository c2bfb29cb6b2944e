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

    /// Reads at most `maximumFileBytes` of a regular file without blocking on FIFOs or devices. Returns the data,
    /// or why it was not read.
    static func readBounded(_ path: String) -> Result<Data, FileProblem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard Int(info.st_size) <= maximumFileBytes else { return .failure(.tooLarge(Int(info.st_size))) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            data.append(buffer, count: count)
            // The file grew after stat: still bounded.
            if data.count > maximumFileBytes { return .failure(.tooLarge(data.count)) }
        }
        return .success(data)
    }

    enum FileProblem: Error {
        case notRegular
        case tooLarge(Int)
        case unreadable(String)

        var message: String {
            switch self {
            case .notRegular: return "not a regular file; catalog files must be plain YAML files"
            case let .tooLarge(bytes):
                return "the file is \(describe(bytes)); a catalog file may be at most \(describe(maximumFileBytes))"
            case let .unreadable(reason): return "cannot read the file: \(reason)"
            }
        }
    }
}
