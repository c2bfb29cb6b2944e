/// Where a pattern occurs in a `Document`: the line and the display cells it covers, counted from the line's first
/// column as `Buffer.draw` lays the line out (control characters made visible, wide characters two cells).
public struct TextMatch: Hashable, Sendable, Comparable {
    public var line: Int
    public var columns: Range<Int>

    public init(line: Int, columns: Range<Int>) {
        self.line = line
        self.columns = columns
    }

    /// Reading order: by line, then by column.
    public static func < (lhs: TextMatch, rhs: TextMatch) -> Bool {
        (lhs.line, lhs.columns.lowerBound) < (rhs.line, rhs.columns.lowerBound)
    }
}

extension StyledLine {
    /// The cells where `pattern` occurs in the line as it is drawn, ignoring case, left to right and not
    /// overlapping. Characters are compared whole (a grapheme with its accents), each lowercased.
    public func cellRanges(of pattern: String) -> [Range<Int>] {
        let wanted = TerminalSafe.sanitize(pattern, keepNewlines: false).map { String($0).lowercased() }
        guard !wanted.isEmpty else { return [] }
        var keys: [String] = []
        var starts: [Int] = []
        var column = 0
        for span in spans {
            for character in TerminalSafe.sanitize(span.text, keepNewlines: false) {
                keys.append(String(character).lowercased())
                starts.append(column)
                column += DisplayWidth.of(character)
            }
        }
        starts.append(column)
        var ranges: [Range<Int>] = []
        var index = 0
        while index + wanted.count <= keys.count {
            if keys[index] == wanted[0], keys[index..<(index + wanted.count)].elementsEqual(wanted) {
                ranges.append(starts[index]..<starts[index + wanted.count])
                index += wanted.count
            } else {
                index += 1
            }
        }
        return ranges
    }
}

extension Document {
    /// Every occurrence of `pattern` in `lines` (all of them by default), ignoring case, in reading order.
    public func matches(of pattern: String, lines range: Range<Int>? = nil) -> [TextMatch] {
        let wanted = range.map { $0.clamped(to: lines.indices) } ?? lines.indices
        return wanted.flatMap { line in
            lines[line].cellRanges(of: pattern).map { TextMatch(line: line, columns: $0) }
        }
    }
}
