/// Bytes carried in Swift source as a string literal: the built-in catalog's compiled bytes and search index,
/// embedded at build time. Each byte is the Unicode scalar of the same value, so in the binary a byte below 0x80
/// is itself and one from 0x80 is two bytes of UTF-8 (`0xC2`/`0xC3` and a continuation); what a literal cannot
/// hold is escaped in the source (`\0`, `\"`, `\u{85}`, ...). Decoding is one pass over the literal's UTF-8,
/// 32 or 8 bytes at a time where they are ASCII: it replaced base64, whose decoding was a sixth of a built-in
/// search.
public enum ByteLiteral {
    /// The body of a string literal (without its quotes) whose scalars are `bytes`.
    public static func source(of bytes: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            switch byte {
            case 0x00: text += "\\0"
            case 0x09: text += "\\t"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x20...0x7E, 0xA0...0xFF: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\u{\(String(byte, radix: 16))}"  // other controls, DEL and the C1 controls
            }
        }
        return text
    }

    /// The bytes of a literal written by `source(of:)`, read from its UTF-8; nil when `utf8` holds a scalar
    /// above U+00FF or broken UTF-8 (not such a literal).
    public static func bytes(fromUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: utf8.count) { out, written in
            if let count = decode(utf8, into: out.baseAddress!) { written = count } else { failed = true }
        }
        return failed ? nil : bytes
    }

    /// Decodes `utf8` (see `bytes(fromUTF8:)`) into `out`, which has room for `utf8.count` bytes, and returns how
    /// many it wrote; nil when `utf8` is not such a literal. The one decoder: arrays and `CatalogBytes` use it.
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return 0 }
        let count = utf8.count
        var i = 0
        var n = 0
        while i < count {
            // 32 bytes as four words: one test of their high bits (the `SIMD32` type was ten times slower).
            if i + 32 <= count {
                let from = UnsafeRawPointer(base + i)
                let a = from.loadUnaligned(as: UInt64.self), b = from.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let c = from.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                let d = from.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if (a | b | c | d) & 0x8080_8080_8080_8080 == 0 {
                    let to = UnsafeMutableRawPointer(out + n)
                    to.storeBytes(of: a, as: UInt64.self)
                    to.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
                    to.storeBytes(of: c, toByteOffset: 16, as: UInt64.self)
                    to.storeBytes(of: d, toByteOffset: 24, as: UInt64.self)
                    i += 32
                    n += 32
                    continue
                }
            }
            if i + 8 <= count {
                // Eight bytes stored at once; when one is not ASCII, only the ASCII ones before it are kept (the
                // rest is overwritten next: `n` never passes `i`, so there is room), and that byte is decoded below.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let high = word & 0x8080_8080_8080_8080
                UnsafeMutableRawPointer(out + n).storeBytes(of: word.littleEndian, as: UInt64.self)
                if high == 0 {
                    i += 8
                    n += 8
                    continue
                }
                let ascii = high.trailingZeroBitCount / 8  // the first byte is the lowest
                i += ascii
                n += ascii
            }
            let lead = base[i]
            if lead < 0x80 {
                out[n] = lead
                i += 1
            } else {
                guard lead == 0xC2 || lead == 0xC3, i + 1 < count, base[i + 1] & 0xC0 == 0x80 else { return nil }
                out[n] = (lead &<< 6) | (base[i + 1] & 0x3F)
                i += 2
            }
            n += 1
        }
        return n
    }
}
