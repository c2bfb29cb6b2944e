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
    public func write<T: Encodable>(count: Int, element: (Int) throws -> T, to write: (String) throws -> Void) throws {
        guard count > 0 else {
            // The encoder's own spelling of an empty array.
            return try write(JSONText.escapingInvisibles(String(decoding: try encoder.encode([T]()), as: UTF8.self)) + "\n")
        }
        var pending = "[\n"
        for index in 0..<count {
            let text = String(decoding: try encoder.encode(element(index)), as: UTF8.self)
            if index > 0 { pending += ",\n" }
            // Newlines in JSON text are only ever between tokens (strings escape theirs), so indenting every line
            // nests the element one level, as inside the array; the blank line inside an empty container stays
            // blank, as the encoder writes it.
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if number > 0 { pending += "\n" }
                if !line.isEmpty { pending += "  "; pending += line }
            }
            if pending.utf8.count >= chunkSize {
                try write(JSONText.escapingInvisibles(pending))
                pending = ""
            }
        }
        pending += "\n]\n"
        try write(JSONText.escapingInvisibles(pending))
    }
}
