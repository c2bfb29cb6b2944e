import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written, worded for the person who named it: `PATH: reason`.
public struct FileWriteError: Error, Equatable, CustomStringConvertible, LocalizedError {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The system's wording for `errno` (e.g. "No space left on device").
    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
    public var errorDescription: String? { description }
}
