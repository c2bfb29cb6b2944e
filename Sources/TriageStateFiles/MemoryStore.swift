import Foundation
import TriageCore
import TriageUI

/// Reading and writing `BrowserMemory` files: the state file of `triage browse` (see `TriagePaths.state`).
extension BrowserMemory {
    /// The memory saved at `path`, or nil when the file is missing, unreadable or damaged. Never throws.
    public static func load(from path: String) -> BrowserMemory? {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else { return nil }
        return try? JSONDecoder().decode(BrowserMemory.self, from: data)
    }

    /// Writes the memory to `path` atomically (a temporary file in the same folder, then a rename), creating the
    /// folder first.
    public func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = JSONText.escapingInvisibles(String(decoding: try encoder.encode(self), as: UTF8.self))
        try FileWriter.replacePrivateFile(Data(json.utf8), at: path)
    }
}
