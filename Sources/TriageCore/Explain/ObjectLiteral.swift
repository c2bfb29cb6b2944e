import Foundation

/// A JavaScript object literal as a browser console or an SDK's log prints it:
/// `SomeSDKException {code: 'ERR_GUID_NOT_FOUND', message: 'The group ...'}`: bare or quoted keys, single- or
/// double-quoted strings, numbers, `true`/`false`/`null`/`undefined`, nested objects and arrays, trailing commas.
/// Read when the text is not JSON; values come back as JSONSerialization gives them (String, NSNumber, arrays and
/// dictionaries), so the paste reader treats both alike.
enum ObjectLiteral {
    /// The object `data` holds (it starts at `{`), or nil when it is not one.
    static func parse(_ data: Data) -> [String: Any]? {
        var reader = Reader(bytes: Array(data))
        guard let object = reader.object(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.index == reader.bytes.count ? object : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object(depth: Int) -> [String: Any]? {
            guard depth < PasteParser.maximumDepth, take(UInt8(ascii: "{")) else { return nil }
            var result: [String: Any] = [:]
            while true {
                if take(UInt8(ascii: "}")) { return result }
                guard let key = key(), take(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
                result[key] = value
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "}")) ? result : nil
            }
        }

        mutating func array(depth: Int) -> [Any]? {
            guard depth < PasteParser.maximumDepth, take(UInt8(ascii: "[")) else { return nil }
            var result: [Any] = []
            while true {
                if take(UInt8(ascii: "]")) { return result }
                guard let value = value(depth: depth + 1) else { return nil }
                result.append(value)
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? result : nil
            }
        }

        mutating func key() -> String? {
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") { return string() }
            return word()
        }

        /// A bare identifier or literal word (letters, digits, `_`, `$`, `.`, `-`, `+`).
        mutating func word() -> String? {
            skipSpace()
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || [UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+")].contains(byte)
                guard isWordByte else { break }
                index += 1
            }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }

        mutating func string() -> String? {
            let quote = bytes[index]
            index += 1
            var result: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == quote { return String(decoding: result, as: UTF8.self) }
                if byte == UInt8(ascii: "\\"), index < bytes.count {
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): result.append(0x0A)
                    case UInt8(ascii: "t"): result.append(0x09)
                    default: result.append(escaped)
                    }
                } else {
                    result.append(byte)
                }
            }
            return nil
        }

        mutating func value(depth: Int) -> Any? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "'"), UInt8(ascii: "\""): return string()
            default:
                guard let word = word() else { return nil }
                switch word {
                case "true": return NSNumber(value: true)
                case "false": return NSNumber(value: false)
                case "null", "undefined": return NSNull()
                default:
                    if let integer = Int(word) { return NSNumber(value: integer) }
                    if let number = Double(word) { return NSNumber(value: number) }
                    return word
                }
            }
        }
    }
}
