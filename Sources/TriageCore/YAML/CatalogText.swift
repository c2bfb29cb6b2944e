import Foundation

/// Text helpers for the loader's hot path.
enum CatalogText {
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's UTF-16 round trip when the
    /// text starts and ends with a visible ASCII character or ASCII blanks (nearly every catalog value): other
    /// text (non-ASCII at an end, control characters) still goes through Foundation, so the result is the same.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        if isVisibleASCII(first), isVisibleASCII(last) { return text }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isASCIIBlank(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isASCIIBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start == end { return "" }
        if isVisibleASCII(bytes[start]), isVisibleASCII(bytes[bytes.index(before: end)]) {
            return String(text[start..<end])
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// Space, tab, line feed, vertical tab, form feed, carriage return: the ASCII part of `whitespacesAndNewlines`.
    private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
