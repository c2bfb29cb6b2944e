import Foundation
import TriageUI

/// Reading and writing `BrowserMemory` files: the state file of `triage browse` (see `StatePath`).
extension BrowserMemory {
    /// The memory saved at `path`, or nil when the file is missing, unreadable or damaged. Never throws.
    public static func load(from path: String) -> BrowserMemory? {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else { return nil }
        return try? JSONDecoder().decode(BrowserMemory.self, from: data)
    }

    /// Writes the memory to `path` atomically (a temporary file in the same folder, then a rename), creating the
    /// folder first.
    public func save(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(self)
        let process = ProcessInfo.processInfo.processIdentifier
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(process).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
