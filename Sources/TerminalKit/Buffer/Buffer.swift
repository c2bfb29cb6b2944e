/// One terminal cell: a grapheme (or "" where the left neighbour is a wide character) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
}

/// A rectangle of cells that views draw into and the terminal backend paints (diffing against the last frame).
/// Tests compare `lines` with the expected screen, as ratatui's `Buffer::with_lines` does.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (while typing), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { Position(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: Position?
    /// Cells that link somewhere (a vendor's docs): the backend adds OSC 8 where the terminal supports it.
    public var hyperlinks: [Hyperlink] = []

    private struct Position: Hashable, Sendable { var x: Int; var y: Int }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y), clipped to `maxWidth` columns and the screen edge; control characters are made
    /// visible first. Returns the columns used. A wide character that does not fit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? width, width - max(x, 0))
        guard limit > 0 else { return 0 }
        var column = 0
        drawing: for character in TerminalSafe.sanitize(text, keepNewlines: false) {
            for (piece, columns) in CellPieces.of(character) {
                if columns == 0 {
                    if column > 0 { self[x + column - 1, y].text += piece }
                    continue
                }
                if column + columns > limit {
                    if column < limit { self[x + column, y] = Cell(" ", style: style); column += 1 }
                    break drawing
                }
                self[x + column, y] = Cell(piece, style: style)
                if columns == 2 { self[x + column + 1, y] = Cell("", style: style) }
                column += columns
            }
        }
        return column
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell = .blank) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) { self[column, row] = cell }
        }
    }

    /// Applies `change` to the style of every cell in a row range (used for highlighting).
    public mutating func restyle(x: Int, y: Int, width: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(self.width, x + width) { change(&cells[y * self.width + column].style) }
    }

    /// The screen as text, one string per row, trailing spaces removed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += cells[row * width + column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The screen as one string, rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }

    public static func == (lhs: Buffer, rhs: Buffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorPosition == rhs.cursorPosition && lhs.hyperlinks == rhs.hyperlinks
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
