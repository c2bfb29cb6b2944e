import Foundation

/// Writes a JSON array one element at a time, exactly as `JSONEncoder` with `.prettyPrinted` would write the
/// whole array, so a long list (`triage list --json` at 100,000 codes) is never held in memory twice: each
/// element is encoded, indented one level and handed to `write` in chunks of about `chunkSize` bytes.
/// Invisible and control characters are escaped (`JSONText.escapingInvisibles`) as for any JSON Triage prints.
public struct JSONArrayStream {
    private let encoder: JSONEncoder
    private let chunkSize: Int

    /// `encoder` must pretty-print (two spaces per level, as `JSONEncoder` does).
    public init(encoder: JSONEncoder, chunkSize: Int = 1 << 16) {
        self.encoder = encoder
        self.chunkSize = chunkSize
    }

    /// Encodes `count` elements, `element(i)` for each, writing the text (ending in a newline) through `write`.
    /// Elements are encoded `batchSize` at a time, as an array each, whose brackets are then dropped: the
    /// elements come out indented and separated exactly as in one array.
    public func write<T: Encodable>(count: Int, batchSize: Int = 256, element: (Int) throws -> T,
                                    to write: (String) throws -> Void) throws {
        guard count > 0 else {
            // The encoder's own spelling of an empty array.
            return try write(JSONText.escapingInvisibles(String(decoding: try encoder.encode([T]()), as: UTF8.self)) + "\n")
        }
        var pending = "[\n"
        var start = 0
        while start < count {
            let end = min(count, start + max(1, batchSize))
            let batch = try (start..<end).map(element)
            let data = try encoder.encode(batch)
            let opening = Data("[\n".utf8), closing = Data("\n]".utf8)
            guard data.count >= 4, data.prefix(2) == opening, data.suffix(2) == closing else {
                throw EncodingError.invalidValue(batch, .init(codingPath: [], debugDescription: "the encoder does not pretty-print"))
            }
            if start > 0 { pending += ",\n" }
            pending += String(decoding: data.dropFirst(2).dropLast(2), as: UTF8.self)
            if pending.utf8.count >= chunkSize {
                try write(JSONText.escapingInvisibles(pending))
                pending = ""
            }
            start = end
        }
        pending += "\n]\n"
        try write(JSONText.escapingInvisibles(pending))
    }
}
