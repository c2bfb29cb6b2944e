/// The one masking point: every text typed or pasted into Triage goes through `masked(_:)` before it is shown,
/// stored or echoed. Credentials are found from one table (`SecretNames`): headers (`apikey:`, `Authorization:`
/// with any scheme, keeping the scheme: Bearer, Basic, Digest, ApiKey, AWS4-HMAC-SHA256), every cookie of a
/// `Cookie:` line, JSON and object keys (`"accessToken": "..."`, `password: '...'`), query, fragment and log
/// parameters (`?api_key=`, `#access_token=`, `X-Amz-Signature=`), bearer tokens anywhere, AWS access key ids
/// and a bare token after `#` in a URL. A masked value is also masked where it appears again.
///
/// Linear time: one forward pass over the bytes finds and masks (every look-ahead is consumed or bounded), a
/// second pass masks the values seen again with one hash lookup per word. `Masking.work` counts the bytes
/// looked at, so tests can check the cost grows with the input and not faster.
public enum SecretMasker {
    public static let mask = "[secret]"

    /// The result of masking: the text, the kinds found (first seen first) and the work it took.
    public struct Masking: Sendable {
        public var text: String
        public var kinds: [String]
        /// Bytes looked at, over both passes (each look-ahead counted).
        public var work: Int
    }

    /// `text` with every secret replaced by `[secret]`, and the kinds that were found.
    public static func masked(_ text: String) -> (text: String, kinds: [String]) {
        let result = masking(text)
        return (result.text, result.kinds)
    }

    /// `masked(_:)` with the work it took.
    public static func masking(_ text: String) -> Masking {
        var pass = MaskPass(Array(text.utf8))
        pass.run()
        let repeated = pass.maskRepeatedValues()
        let changed = pass.changed || repeated.changed
        return Masking(text: changed ? String(decoding: repeated.bytes, as: UTF8.self) : text,
                       kinds: pass.kinds, work: pass.work)
    }

    /// True when `text` holds nothing `masked(_:)` would change.
    public static func isClean(_ text: String) -> Bool { masked(text).kinds.isEmpty }
}

/// One masking of one text: the first pass (`run`) and the second (`maskRepeatedValues`).
struct MaskPass {
    private static let maskBytes = Array(SecretMasker.mask.utf8)
    /// A quoted value longer than this (or cut by a line end) is not read as quoted.
    private static let quotedLimit = 8192

    private let input: [UInt8]
    private var output: [UInt8] = []
    /// The next input byte not yet copied or masked.
    private var copied = 0
    private(set) var kinds: [String] = []
    private(set) var work = 0
    private(set) var changed = false
    /// Masked values (at least 6 bytes, of word bytes only), to mask where they appear again.
    private var values: Set<[UInt8]> = []

    init(_ input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    // MARK: Bytes

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Bytes that end an unquoted value: white space and controls, quotes, backslash, `, ; & # < > ( ) { } [ ] |`.
    private static func endsValue(_ byte: UInt8) -> Bool {
        if byte <= 0x20 || byte == 0x7F { return true }
        switch byte {
        case 0x22, 0x27, 0x60, 0x5C, 0x2C, 0x3B, 0x26, 0x23, 0x3C, 0x3E, 0x28, 0x29, 0x7B, 0x7D, 0x5B, 0x5D, 0x7C: return true
        default: return false
        }
    }

    /// Bytes of a token as it is looked up again: letters, digits and `. _ ~ + / -`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isNameByte(byte) || byte == 0x2E || byte == 0x7E || byte == 0x2B || byte == 0x2F
    }

    private mutating func at(_ index: Int) -> UInt8? {
        work += 1
        return index < input.count ? input[index] : nil
    }

    private mutating func skipBlanks(from index: Int) -> Int {
        var index = index
        while let byte = at(index), Self.isBlank(byte) { index += 1 }
        return index
    }

    private func startsWithMask(_ index: Int) -> Bool {
        input.count - index >= Self.maskBytes.count && input[index..<(index + Self.maskBytes.count)].elementsEqual(Self.maskBytes)
    }

    // MARK: Output

    private mutating func found(_ kind: String) {
        if !kinds.contains(kind) { kinds.append(kind) }
    }

    /// Masks `input[range]` (everything before it is copied).
    private mutating func mask(_ range: Range<Int>, kind: String) {
        guard !range.isEmpty, !startsWithMask(range.lowerBound) else { return }
        output.append(contentsOf: input[copied..<range.lowerBound])
        output.append(contentsOf: Self.maskBytes)
        copied = range.upperBound
        changed = true
        found(kind)
        var value = range
        while value.count > 0, input[value.upperBound - 1] == 0x3D { value = value.lowerBound..<(value.upperBound - 1) }
        if value.count >= 6, input[value].allSatisfy(Self.isTokenByte) { values.insert(Array(input[value])) }
    }

    // MARK: The first pass

    mutating func run() {
        var index = 0
        while let current = at(index) {
            if Self.isNameByte(current), index == 0 || !Self.isNameByte(input[index - 1]) {
                var end = index
                while let next = at(end), Self.isNameByte(next) { end += 1 }
                index = word(index..<end) ?? end
            } else if current == 0x23, index > 0, !Self.endsValue(input[index - 1]) {
                index = fragment(after: index) ?? index + 1
            } else {
                index += 1
            }
        }
        output.append(contentsOf: input[copied...])
        copied = input.count
    }

    /// A word of name bytes: a secret name with its value, `Bearer TOKEN`, or an AWS access key id. Where to go
    /// on, or nil when it is none of them.
    private mutating func word(_ range: Range<Int>) -> Int? {
        guard range.count <= SecretNames.longest + 8 else { return nil }
        var key: [UInt8] = []
        for byte in input[range] where byte != 0x2D && byte != 0x5F { key.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
        let name = String(decoding: key, as: UTF8.self)
        if name == "bearer" { return bearer(after: range.upperBound) }
        if range.count == 20, isAWSKeyID(range) {
            mask(range, kind: "AWS access key")
            return range.upperBound
        }
        guard let entry = SecretNames.table[name] else { return nil }
        return value(of: entry, name: range)
    }

    /// `AKIA` or `ASIA` and 16 capitals or digits.
    private func isAWSKeyID(_ range: Range<Int>) -> Bool {
        let bytes = input[range]
        let prefix = Array(bytes.prefix(4))
        guard prefix == Array("AKIA".utf8) || prefix == Array("ASIA".utf8) else { return false }
        return bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// `Bearer TOKEN` anywhere: a token of at least 4 bytes after the word.
    private mutating func bearer(after end: Int) -> Int? {
        let start = skipBlanks(from: end)
        guard start > end else { return nil }
        var stop = start
        while let byte = at(stop), Self.isTokenByte(byte) || byte == 0x3D { stop += 1 }
        guard stop - start >= 4 else { return nil }
        mask(start..<stop, kind: "bearer token")
        return stop
    }

    /// The value after a secret name: `name: value`, `"name": "value"`, `name='value'`, `name=value`.
    private mutating func value(of entry: SecretNames.Entry, name: Range<Int>) -> Int? {
        var index = name.upperBound
        // A quoted name: "name", 'name' or \"name\" (JSON inside a JSON string).
        // A quote before the name but none after it is a quoted header (`-H 'apikey: ...'`).
        var quotedName = false
        if name.lowerBound > 0, input[name.lowerBound - 1] == 0x22 || input[name.lowerBound - 1] == 0x27 {
            let quote = input[name.lowerBound - 1]
            let escaped = name.lowerBound > 1 && input[name.lowerBound - 2] == 0x5C
            if escaped, at(index) == 0x5C, at(index + 1) == quote {
                index += 2
                quotedName = true
            } else if !escaped, at(index) == quote {
                index += 1
                quotedName = true
            }
        }
        index = skipBlanks(from: index)
        guard let separator = at(index), separator == 0x3A || separator == 0x3D else { return nil }
        let before = name.lowerBound > 0 ? input[name.lowerBound - 1] : 0x20
        if entry.queryOnly, separator != 0x3D || !(before == 0x3F || before == 0x26 || before == 0x23 || before == 0x3B) {
            return nil
        }
        let kind = entry.kind ?? (quotedName ? "secret in JSON" : separator == 0x3A ? "secret header" : "secret parameter")
        let start = skipBlanks(from: index + 1)
        let quoted = quotedValue(at: start)
        switch entry.value {
        case .token:
            let range = quoted ?? (start..<tokenEnd(from: start))
            mask(range, kind: kind)
            return max(range.upperBound, start)
        case .schemeAndCredentials:
            return credentials(in: quoted, from: start, kind: kind)
        case .cookies, .setCookie:
            return cookies(in: quoted ?? (start..<lineEnd(from: start)), every: entry.value == .cookies, kind: kind)
        }
    }

    /// Where an unquoted value that starts at `start` ends.
    private mutating func tokenEnd(from start: Int) -> Int {
        var end = start
        while let byte = at(end), !Self.endsValue(byte) { end += 1 }
        return end
    }

    /// Where the line (or a quote) after `start` ends: a cookie line in a curl `-H "Cookie: ..."` stops at its quote.
    private mutating func lineEnd(from start: Int) -> Int {
        var end = start
        while let byte = at(end), byte != 0x0A, byte != 0x0D, byte != 0x22, byte != 0x27 { end += 1 }
        return end
    }

    /// The inside of a quoted value at `start` (`"..."`, `'...'` or `\"...\"`), closed on the same line within
    /// `quotedLimit` bytes; nil when there is none.
    private mutating func quotedValue(at start: Int) -> Range<Int>? {
        guard let first = at(start) else { return nil }
        var quote = first
        var opening = 1
        if first == 0x5C, let next = at(start + 1), next == 0x22 {
            quote = next
            opening = 2
        }
        guard quote == 0x22 || quote == 0x27 else { return nil }
        var index = start + opening
        while index - start < Self.quotedLimit, let byte = at(index), byte != 0x0A, byte != 0x0D {
            if opening == 2 {
                if byte == 0x5C, at(index + 1) == quote { return (start + 2)..<index }
                if byte == 0x5C { index += 1 }
            } else {
                if byte == quote { return (start + 1)..<index }
                if byte == 0x5C, quote == 0x22 { index += 1 }
            }
            index += 1
        }
        return nil
    }

    /// `Scheme credentials`: the scheme kept, the credentials masked. Quoted, everything after the scheme up to
    /// the closing quote; unquoted, the comma-separated items after it (`Digest username="a", response="b"`),
    /// so a curl `-H "Authorization: Bearer x" https://host` keeps the URL.
    private mutating func credentials(in quoted: Range<Int>?, from start: Int, kind: String) -> Int? {
        let limit = quoted?.upperBound ?? input.count
        let begin = quoted?.lowerBound ?? start
        var scheme = begin
        while scheme < limit, let byte = at(scheme), Self.isNameByte(byte) { scheme += 1 }
        var credentials = begin
        if scheme > begin, scheme < limit, let byte = at(scheme), Self.isBlank(byte) {
            credentials = skipBlanks(from: scheme)
        }
        let schemeName = String(decoding: input[begin..<scheme], as: UTF8.self).lowercased()
        let named = schemeName.hasPrefix("aws4") ? "AWS signature" : kind
        if let quoted {
            mask(min(credentials, quoted.upperBound)..<quoted.upperBound, kind: named)
            return quoted.upperBound
        }
        var end = credentials
        while true {
            let itemEnd = item(from: end)
            guard itemEnd > end else { break }
            end = itemEnd
            let next = skipBlanks(from: end)
            guard at(next) == 0x2C else { break }
            let following = skipBlanks(from: next + 1)
            guard let byte = at(following), !Self.endsValue(byte) else { break }
            end = following
        }
        guard end > credentials else { return nil }
        mask(credentials..<end, kind: named)
        return end
    }

    /// One credentials item: bytes up to a space, comma or quote, with `="quoted"` read whole.
    private mutating func item(from start: Int) -> Int {
        var index = start
        while let byte = at(index), byte > 0x20, byte != 0x2C {
            if byte == 0x22 || byte == 0x27 {
                guard index > start, input[index - 1] == 0x3D, let inside = quotedValue(at: index) else { break }
                index = inside.upperBound + 1
                continue
            }
            index += 1
        }
        return index
    }

    /// `a=1; b=2` in `range`: the value of each cookie (only the first with `every` false) masked.
    private mutating func cookies(in range: Range<Int>, every: Bool, kind: String) -> Int {
        var index = range.lowerBound
        while index < range.upperBound {
            var equals = index
            while equals < range.upperBound, let byte = at(equals), byte != 0x3D, byte != 0x3B { equals += 1 }
            guard equals < range.upperBound, input[equals] == 0x3D else { break }
            var end = equals + 1
            while end < range.upperBound, let byte = at(end), byte != 0x3B { end += 1 }
            var valueEnd = end
            while valueEnd > equals + 1, Self.isBlank(input[valueEnd - 1]) { valueEnd -= 1 }
            mask((equals + 1)..<valueEnd, kind: kind)
            guard every, end < range.upperBound else { break }
            index = skipBlanks(from: end + 1)
        }
        return range.upperBound
    }

    /// A bare token after `#` in a URL (`/callback#eyJhbGciOi...`): at least 20 token bytes with at least 4
    /// digits and 4 letters, not a `name=` (that is a parameter) nor a page anchor (`#install-not-found`).
    private mutating func fragment(after hash: Int) -> Int? {
        var end = hash + 1
        var digits = 0
        var letters = 0
        while let byte = at(end), Self.isTokenByte(byte) {
            if byte >= 0x30 && byte <= 0x39 { digits += 1 } else if Self.isNameByte(byte) && byte != 0x2D && byte != 0x5F { letters += 1 }
            end += 1
        }
        guard end - hash - 1 >= 20, digits >= 4, letters >= 4, at(end) != 0x3D else { return nil }
        mask((hash + 1)..<end, kind: "token in a URL fragment")
        return end
    }

    // MARK: The second pass

    /// The output with every masked value masked again where it appears as a whole token; one lookup a token.
    mutating func maskRepeatedValues() -> (bytes: [UInt8], changed: Bool) {
        guard !values.isEmpty else { return (output, false) }
        var result: [UInt8] = []
        result.reserveCapacity(output.count)
        var changed = false
        var index = 0
        while index < output.count {
            work += 1
            guard Self.isTokenByte(output[index]) else {
                result.append(output[index])
                index += 1
                continue
            }
            var end = index
            while end < output.count, Self.isTokenByte(output[end]) { end += 1 }
            work += end - index
            var word = end
            while word > index, output[word - 1] == 0x2E { word -= 1 }  // a full stop after the value
            if word - index >= 6, values.contains(Array(output[index..<word])) {
                result.append(contentsOf: Self.maskBytes)
                result.append(contentsOf: output[word..<end])
                changed = true
            } else {
                result.append(contentsOf: output[index..<end])
            }
            index = end
        }
        return (result, changed)
    }
}
