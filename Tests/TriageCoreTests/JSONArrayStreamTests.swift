import Foundation
import Testing
import TriageCore

/// Streaming a JSON array gives exactly the text `JSONEncoder` gives for the whole array.
@Suite struct JSONArrayStreamTests {
    struct Item: Encodable {
        var name: String
        var numbers: [Int]
        var nested: [String: String]
        var empty: [String] = []
        var missing: String? = nil
    }

    private func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: [0, 1, 3, 40])
    func streamedTextEqualsTheWholeArrayEncoded(count: Int) throws {
        let items = (0..<count).map { index in
            Item(name: "item \(index)\nwith a newline, a \"quote\", a tab\t and \u{1B}[31m an escape",
                 numbers: Array(0..<(index % 4)), nested: index % 2 == 0 ? [:] : ["k": "v/\(index)", "a": "b"])
        }
        let whole = JSONText.escapingInvisibles(String(decoding: try encoder().encode(items), as: UTF8.self)) + "\n"
        for (chunkSize, batchSize) in [(1, 1), (100, 2), (1 << 16, 7), (1 << 16, 256)] {
            var chunks: [String] = []
            try JSONArrayStream(encoder: encoder(), chunkSize: chunkSize)
                .write(count: count, batchSize: batchSize, element: { items[$0] }) { chunks.append($0) }
            #expect(chunks.joined() == whole, "chunk size \(chunkSize), batch size \(batchSize)")
            if chunkSize == 1, count > 1 { #expect(chunks.count > 1) }
        }
        #expect(!whole.contains("\u{1B}"))
    }
}
