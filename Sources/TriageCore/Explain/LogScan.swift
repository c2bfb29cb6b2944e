import Foundation

/// Every catalog code in a log of any size, found in one pass over its bytes with bounded memory: fed chunk by
/// chunk, it keeps only a partial line and one group per code (how often, first and last timestamp, the HTTP
/// statuses on those lines, the first line number). A batch log with several 429s and one 400 keeps both.
///
/// A code counts when it is a whole word written as the catalog writes it (`ERR_TOO_MANY_REQUESTS`); a numeric
/// code (`104`) only as the value of a code field (`"Code": 104`, `code=104`), never as any number.
public struct LogScan: Sendable {
    /// One code and where it occurred.
    public struct Occurrence: Hashable, Sendable, Codable {
        public var reference: CodeReference
        public var count: Int
        /// The first and last timestamps (as written) of the lines it was on, when they carry one.
        public var firstTime: String?
        public var lastTime: String?
        /// The HTTP statuses seen on its lines, in order of first appearance (at most 8).
        public var statuses: [Int]
        /// The 1-based line it first occurred on.
        public var firstLine: Int
    }

    /// The longest line looked at; the rest of a longer line is scanned as further lines.
    public static let maximumLineBytes = 64 * 1024

    /// The most a stream is read: past it, the scan stops and says so (`cutShort`).
    public static let maximumInputBytes = 8 << 30

    public private(set) var lineCount = 0
    /// True when the input went on past `maximumInputBytes`.
    public var cutShort = false
    public private(set) var byteCount = 0
    private var groups: [CodeReference: Occurrence] = [:]
    private var order: [CodeReference] = []
    private var partial: [UInt8] = []
    private let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The occurrences, most frequent first (then by first line).
    public var occurrences: [Occurrence] {
        order.compactMap { groups[$0] }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.firstLine < $1.firstLine }
    }

    /// Scans `bytes`; a line cut at the chunk's end is kept for the next chunk.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        byteCount += bytes.count
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D {
                endLine()
            } else {
                partial.append(byte)
                if partial.count >= Self.maximumLineBytes { endLine() }
            }
        }
    }

    /// Scans the last line when the input did not end with a newline.
    public mutating func finish() {
        if !partial.isEmpty { endLine() }
    }

    /// The whole of `text`, for a paste already in memory.
    public static func scan(_ text: String, catalog: Catalog) -> LogScan {
        var scan = LogScan(catalog: catalog)
        scan.feed(text.utf8)
        scan.finish()
        return scan
    }

    // MARK: - One line

    private mutating func endLine() {
        lineCount += 1
        defer { partial.removeAll(keepingCapacity: true) }
        guard !partial.isEmpty else { return }
        var found: [CodeReference] = []
        for token in Self.tokens(partial) {
            for reference in references(token) where !found.contains(reference) { found.append(reference) }
        }
        guard !found.isEmpty else { return }
        let line = String(decoding: partial, as: UTF8.self)
        let time = LogLine.timestamp(in: line)
        let status = LogLine.status(in: line)
        for reference in found {
            var group = groups[reference] ?? Occurrence(reference: reference, count: 0, firstTime: nil, lastTime: nil,
                                                       statuses: [], firstLine: lineCount)
            if groups[reference] == nil { order.append(reference) }
            group.count += 1
            if let time {
                if group.firstTime == nil { group.firstTime = time }
                group.lastTime = time
            }
            if let status, !group.statuses.contains(status), group.statuses.count < 8 { group.statuses.append(status) }
            groups[reference] = group
        }
    }

    /// The catalog codes `token` is, exactly as the catalog writes them.
    private func references(_ token: Token) -> [CodeReference] {
        let text = String(decoding: token.bytes, as: UTF8.self)
        return catalog.indices(code: text).compactMap { index in
            let entry = catalog.entries[index]
            guard entry.code == text else { return nil }
            if entry.numeric != nil, !token.isCodeValue { return nil }
            return entry.reference
        }
    }

    /// A word of a line: letters, digits, `_` and `-`, with whether it is the value of a `code` field.
    struct Token {
        var bytes: ArraySlice<UInt8>
        var isCodeValue: Bool
    }

    /// The words that may be codes: with an underscore or all capitals and at least 4 long, or (as a code field's
    /// value) a number.
    static func tokens(_ line: [UInt8]) -> [Token] {
        var result: [Token] = []
        var index = 0
        var lastWord: ArraySlice<UInt8> = []
        var separatorSinceWord: [UInt8] = []
        while index < line.count {
            let start = index
            while index < line.count, isWordByte(line[index]) || (line[index] == UInt8(ascii: "-") && index == start) { index += 1 }
            if index > start {
                let word = line[start..<index]
                let codeValue = isCodeKey(lastWord) && separatorSinceWord.allSatisfy { [0x22, 0x27, 0x3A, 0x3D, 0x20, 0x09].contains($0) }
                    && separatorSinceWord.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") }
                if isCandidate(word) || (codeValue && isNumber(word)) { result.append(Token(bytes: word, isCodeValue: codeValue)) }
                lastWord = word
                separatorSinceWord.removeAll(keepingCapacity: true)
            } else {
                if separatorSinceWord.count < 8 { separatorSinceWord.append(line[index]) }
                index += 1
            }
        }
        return result
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isCandidate(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 4, word.count <= 64, word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        return word.contains(0x5F) || !word.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    private static func isNumber(_ word: ArraySlice<UInt8>) -> Bool {
        let digits = word.first == UInt8(ascii: "-") ? word.dropFirst() : word
        return !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static let codeKeys: Set<String> = ["code", "errorcode", "error_code"]

    private static func isCodeKey(_ word: ArraySlice<UInt8>) -> Bool {
        word.count <= 10 && codeKeys.contains(String(decoding: word, as: UTF8.self).lowercased())
    }
}

/// What a log line says besides its codes: when it was written and the HTTP status it reports.
enum LogLine {
    private static let timestampPattern = try! NSRegularExpression(
        pattern: #"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?"#)
    private static let statusPattern = try! NSRegularExpression(
        pattern: #"HTTP/\d(?:\.\d)?"?\s+(\d{3})\b|(?:->|=>|→)\s*(\d{3})\b|\bstatus(?:_code|Code)?"?\s*[:=]\s*"?(\d{3})\b|"\s(\d{3})\s"#,
        options: .caseInsensitive)

    static func timestamp(in line: String) -> String? {
        let range = NSRange(line.startIndex..., in: line)
        guard let match = timestampPattern.firstMatch(in: line, range: range), let found = Range(match.range, in: line) else { return nil }
        return String(line[found])
    }

    static func status(in line: String) -> Int? {
        let range = NSRange(line.startIndex..., in: line)
        guard let match = statusPattern.firstMatch(in: line, range: range) else { return nil }
        for group in 1..<match.numberOfRanges {
            if let found = Range(match.range(at: group), in: line), let status = Int(line[found]), HTTPStatus.reason(status) != nil {
                return status
            }
        }
        return nil
    }
}

/// An occurrence on one line, the same in every output: "7× <vendor> ERR_TOO_MANY_REQUESTS · HTTP 429 ·
/// 2026-12-01T10:01:02Z … 2026-12-01T10:05:09Z · first on line 3".
public enum LogScanLines {
    public static func line(_ occurrence: LogScan.Occurrence) -> String {
        var parts = ["\(occurrence.count)× \(occurrence.reference.vendor) \(occurrence.reference.code)"]
        if !occurrence.statuses.isEmpty { parts.append("HTTP " + occurrence.statuses.map(String.init).joined(separator: ", ")) }
        if let first = occurrence.firstTime {
            parts.append(first == occurrence.lastTime || occurrence.lastTime == nil ? first : "\(first) … \(occurrence.lastTime!)")
        }
        parts.append("first on line \(occurrence.firstLine)")
        return parts.joined(separator: " · ")
    }
}
