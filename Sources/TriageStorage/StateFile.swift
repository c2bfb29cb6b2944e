import Foundation
import TriageCore

/// A small JSON file of state, read and written whole: the browser's `state.json` (see `StatePath`). Callers hand
/// over plain Codable values, so this target needs nothing of the UI.
public enum StateFile {
    /// Files larger than this are not state files (they are ignored rather than read).
    static let sizeLimit = 1 << 20

    /// The value saved at `path`, or nil when the file is missing, too large, unreadable, not to be trusted
    /// (`SharedFile`: a FIFO, another user's file, ...) or not a `T`. Never throws, never blocks.
    public static func load<T: Decodable>(_ type: T.Type, from path: String) -> T? {
        guard let bytes = try? SharedFile.read(path, limit: sizeLimit).get() else { return nil }
        return try? JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Writes `value` to `path` as pretty JSON with sorted keys (invisible characters escaped), atomically (a
    /// temporary file in the same folder, then a rename) and privately (`FileWriter.replacePrivateFile`), creating
    /// the folder first.
    public static func save<T: Encodable>(_ value: T, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = JSONText.escapingInvisibles(String(decoding: try encoder.encode(value), as: UTF8.self))
        try FileWriter.replacePrivateFile(Data(json.utf8), at: path)
    }
}
