/// Base64 (RFC 4648, with `=` padding) to bytes, straight from a string's UTF-8 in one table-driven pass: how the
/// embedded catalog and index are read at every start (Foundation's decoder took a tenth of a built-in search).
enum Base64Bytes {
    /// The bytes `text` encodes, or nil when it is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// Each ASCII character's 6-bit value; 0xFF for a character that is not in the alphabet.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            values[Int(character)] = UInt8(value)
        }
        return values
    }()

    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        let padding = text.count == 0 ? 0 : (text[text.count - 1] == 0x3D ? (text[text.count - 2] == 0x3D ? 2 : 1) : 0)
        let count = text.count / 4 * 3 - padding
        var valid = true
        let bytes = values.withUnsafeBufferPointer { values in
            [UInt8](unsafeUninitializedCapacity: count) { out, written in
                var at = 0, bad: UInt8 = 0
                for quad in stride(from: 0, to: text.count, by: 4) {
                    let last = quad + 4 == text.count
                    let a = values[Int(text[quad])], b = values[Int(text[quad + 1])]
                    let c = last && padding == 2 ? 0 : values[Int(text[quad + 2])]
                    let d = last && padding >= 1 ? 0 : values[Int(text[quad + 3])]
                    bad |= (a | b | c | d) & 0xC0
                    let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    if at < count { out[at] = UInt8(truncatingIfNeeded: word >> 16); at += 1 }
                    if at < count { out[at] = UInt8(truncatingIfNeeded: word >> 8); at += 1 }
                    if at < count { out[at] = UInt8(truncatingIfNeeded: word); at += 1 }
                }
                written = at
                valid = bad == 0 && at == count
            }
        }
        return valid ? bytes : nil
    }
}
