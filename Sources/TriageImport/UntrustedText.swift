import TriageCore

/// Imported text is untrusted: a vendor page, a registry or a model can carry terminal escape sequences (which
/// would reach an engineer's terminal through `show`), bidi controls (which reorder what is displayed, the
/// "Trojan Source" trick) or invisible characters (which hide text from a reviewer). They are removed here, at
/// import time, before anything is parsed, so the catalog never holds them; `TerminalSafe` stays the last line
/// of defence when printing.
public enum UntrustedText {
    /// `text` without escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-character ones, in their 7-bit and
    /// C1 forms, whole, parameters included), other C0 and C1 controls, DEL, bidi controls, zero-width and tag
    /// characters, soft hyphens and non-characters. CR LF and CR become LF, tabs and line/paragraph separators
    /// become a space and a line feed, NEL a line feed.
    public static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x1B:
                index = skipEscape(scalars, from: index)
                continue
            case 0x9B:  // C1 CSI
                index = skipControlSequence(scalars, from: index + 1)
                continue
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // C1 DCS, SOS, OSC, PM, APC: a string up to ST or BEL
                index = skipControlString(scalars, from: index + 1)
                continue
            case 0x0D:
                result.append("\n")
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            case 0x85, 0x2028, 0x2029:
                result.append("\n")
            case 0x09:
                result.append(" ")
            case 0x200D:
                // Between two emoji (a family) it is part of the picture, not hidden text.
                if TerminalSafe.joinsEmoji(scalars, at: index) { result.append(scalar) }
            default:
                if !isRemoved(scalar) { result.append(scalar) }
            }
            index += 1
        }
        return String(result)
    }

    /// Whether `text` holds anything `strip` removes (tests, and a cheap check before the work).
    public static func isClean(_ text: String) -> Bool { !text.unicodeScalars.contains(where: needsWork) }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0..<0x20, 0x7F...0x9F, 0x200D, 0x2028, 0x2029: return true
        default: return isRemoved(scalar)
        }
    }

    /// Characters dropped outright.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0..<0x20, 0x7F...0x9F: return true               // C0 (but LF), DEL, C1
        case 0xAD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180E: return true  // soft hyphen, fillers, ALM
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F: return true  // zero width, LRM/RLM, embeddings, isolates
        case 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB: return true  // Hangul fillers, BOM, interlinear annotation
        case 0xE0000...0xE007F: return true                     // tag characters (invisible ASCII)
        case 0xFDD0...0xFDEF: return true                       // non-characters
        default: return scalar.value & 0xFFFE == 0xFFFE          // U+xxFFFE, U+xxFFFF
        }
    }

    /// After an ESC at `start`: the index past the whole sequence.
    private static func skipEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return next }
        switch scalars[next] {
        case "[": return skipControlSequence(scalars, from: next + 1)
        case "]", "P", "X", "^", "_": return skipControlString(scalars, from: next + 1)
        default:
            // ESC, intermediates (0x20-0x2F), one final character (0x30-0x7E).
            var index = next
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
            return index
        }
    }

    /// Parameters and intermediates, then the final byte (0x40-0x7E); stops early at anything else.
    private static func skipControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let value = scalars[index].value
            if (0x40...0x7E).contains(value) { return index + 1 }
            guard (0x20...0x3F).contains(value) else { return index }
            index += 1
        }
        return index
    }

    /// Up to and including BEL, ST (ESC \ or U+009C); a line feed ends a runaway string (kept).
    private static func skipControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            switch scalars[index].value {
            case 0x07, 0x9C: return index + 1
            case 0x1B where index + 1 < scalars.count && scalars[index + 1] == "\\": return index + 2
            case 0x0A: return index
            default: index += 1
            }
        }
        return index
    }
}
