import Foundation
import TerminalKit

/// Turns the program's `Buffer` into one the terminal can show exactly: one grapheme per cell, no control
/// characters, every wide character followed by its continuation cell ("") and every continuation cell preceded
/// by a wide character, the size of the terminal, and ASCII only when the locale cannot encode more.
/// The painter diffs normalized screens, so what it remembers is what the terminal shows.
enum ScreenNormalizer {
    /// The last frame as the program drew it and as it was normalized: rows the program did not change are
    /// copied instead of normalized again (normalizing depends only on the row).
    struct Memo {
        var raw: Buffer
        var normalized: Buffer
        var asciiOnly: Bool
    }

    static func normalize(_ screen: Buffer, width: Int, height: Int, asciiOnly: Bool, reusing memo: Memo? = nil)
        -> Buffer {
        let memo = memo.flatMap { memo in
            memo.raw.width == screen.width && memo.raw.height == screen.height && memo.asciiOnly == asciiOnly
                && memo.normalized.width == width && memo.normalized.height == height ? memo : nil
        }
        var result = memo?.normalized ?? Buffer(width: width, height: height)
        result.cursor = screen.cursor.flatMap { cursor in
            cursor.x >= 0 && cursor.y >= 0 && cursor.x < width && cursor.y < height ? cursor : nil
        }
        let rowWidth = screen.width
        for y in 0..<min(height, screen.height) {
            if let memo {
                let range = (y * rowWidth)..<((y + 1) * rowWidth)
                if memo.raw.cells[range] == screen.cells[range] { continue }
            }
            normalizeRow(y, of: screen, into: &result, asciiOnly: asciiOnly)
        }
        return result
    }

    private static func normalizeRow(_ y: Int, of screen: Buffer, into result: inout Buffer, asciiOnly: Bool) {
        let columns = min(result.width, screen.width)
        var x = 0
        while x < columns {
            let cell = screen[x, y]
            if let byte = cell.text.utf8.first, cell.text.utf8.count == 1, byte >= 0x20, byte < 0x7F {
                result[x, y] = cell  // the common case: one printable ASCII character
                x += 1
                continue
            }
            guard let character = cell.text.first else {
                result[x, y] = Cell(" ", style: cell.style)  // a continuation cell without its wide character
                x += 1
                continue
            }
            let shown = visible(character)
            switch DisplayWidth.of(shown) {
            case 2:
                let hasContinuation = x + 1 < columns && screen[x + 1, y].text.isEmpty
                if !hasContinuation {
                    result[x, y] = Cell(" ", style: cell.style)
                } else if asciiOnly {
                    result[x, y] = Cell("?", style: cell.style)
                    result[x + 1, y] = Cell("?", style: cell.style)
                    x += 1
                } else {
                    result[x, y] = Cell(String(shown), style: cell.style)
                    result[x + 1, y] = Cell("", style: cell.style)
                    x += 1
                }
            case 0:
                result[x, y] = Cell(" ", style: cell.style)
            default:
                result[x, y] = Cell(String(asciiOnly ? AsciiFold.fold(shown) : shown), style: cell.style)
            }
            x += 1
        }
    }

    /// Control characters (C0, DEL, C1) would be acted on by the terminal, not shown: they become "?".
    private static func visible(_ character: Character) -> Character {
        let unsafe = character.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
        }
        return unsafe ? "?" : character
    }
}

/// Replaces a character by the closest ASCII character, for terminals whose locale cannot encode more.
enum AsciiFold {
    static func fold(_ character: Character) -> Character {
        if character.isASCII { return character }
        guard let first = character.unicodeScalars.first else { return "?" }
        if let mapped = table[first.value] { return mapped }
        switch first.value {
        case 0x2500...0x257F:  // box drawing: light, heavy, double, rounded
            return boxFold(first.value)
        case 0x2580...0x259F:  // block elements
            return "#"
        default:
            break
        }
        // "é" decomposes to "e" + U+0301.
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII,
           base.value >= 0x20, base.value < 0x7F {
            return Character(base)
        }
        return "?"
    }

    private static func boxFold(_ value: UInt32) -> Character {
        switch value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A,
             0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B,
             0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }

    private static let table: [UInt32: Character] = [
        0x00A0: " ", 0x00AB: "<", 0x00BB: ">", 0x00B7: ".", 0x00D7: "x", 0x00F7: "/",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
        0x2018: "'", 0x2019: "'", 0x201A: ",", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"",
        0x2022: "*", 0x2023: ">", 0x2026: ".", 0x2027: ".", 0x2039: "<", 0x203A: ">",
        0x2190: "<", 0x2191: "^", 0x2192: ">", 0x2193: "v", 0x2194: "-", 0x2195: "|",
        0x21D0: "<", 0x21D2: ">",
        0x25B2: "^", 0x25B3: "^", 0x25B6: ">", 0x25B8: ">", 0x25BA: ">", 0x25BC: "v", 0x25BD: "v",
        0x25C0: "<", 0x25C2: "<", 0x25C4: "<", 0x25CF: "*", 0x25CB: "o", 0x25A0: "#", 0x25A1: "#",
        0x2713: "v", 0x2714: "v", 0x2717: "x", 0x2718: "x", 0x2605: "*", 0x2606: "*",
        0x2264: "<", 0x2265: ">", 0x2260: "#", 0x2248: "~",
    ]
}
