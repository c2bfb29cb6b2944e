import TerminalKit

/// Cells to write in one call: consecutive changed cells of one row with one style. `text` holds the cells'
/// characters (a wide character once, for its two columns); `columns` is how many cells the run covers.
struct PaintRun: Hashable, Sendable {
    var x: Int
    var y: Int
    var text: String
    var columns: Int
    var style: Style

    init(x: Int, y: Int, text: String, columns: Int? = nil, style: Style = .plain) {
        self.x = x
        self.y = y
        self.text = text
        self.columns = columns ?? text.count
        self.style = style
    }
}

/// Which cells changed between two frames. Pure, so it is tested with screens written as text.
/// Both screens must be normalized (see `ScreenNormalizer`) and the same size; with no previous frame (start, a
/// resize) every cell is written.
enum PaintPlanner {
    static func plan(previous: Buffer?, next: Buffer) -> [PaintRun] {
        let previous = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        var runs: [PaintRun] = []
        for y in 0..<next.height {
            if let previous {
                let row = (y * next.width)..<((y + 1) * next.width)
                if previous.cells[row] == next.cells[row] { continue }
            }
            var run: PaintRun?
            var x = 0
            while x < next.width {
                let cell = next[x, y]
                if cell.text.isEmpty {  // a continuation cell: its wide character covered it
                    x += 1
                    continue
                }
                let columns = x + 1 < next.width && next[x + 1, y].text.isEmpty ? 2 : 1
                var changed = true
                if let previous {
                    changed = previous[x, y] != cell || (columns == 2 && !previous[x + 1, y].text.isEmpty)
                }
                if changed {
                    if var current = run, current.style == cell.style, current.x + current.columns == x {
                        current.text += cell.text
                        current.columns += columns
                        run = current
                    } else {
                        if let run { runs.append(run) }
                        run = PaintRun(x: x, y: y, text: cell.text, columns: columns, style: cell.style)
                    }
                } else if let current = run {
                    runs.append(current)
                    run = nil
                }
                x += columns
            }
            if let run { runs.append(run) }
        }
        return runs
    }
}

/// Strips terminfo padding (`$<5>`, `$<2/*>`) from a capability string so it can be written raw.
enum TerminfoText {
    static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
               let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
               bytes[(index + 2)..<close].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2A || $0 == 0x2F }) {
                index = close + 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}
