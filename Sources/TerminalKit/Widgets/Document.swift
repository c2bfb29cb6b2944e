/// Text laid out for one width: styled lines, some of which belong to a selectable region (a link, an answer,
/// a step of a path), and optionally one row left empty for a text field. Built by `DocumentBuilder`, moved
/// through with `ScrollState`, drawn by `DocumentView`. The content functions of a feature only say what
/// goes in; every document shares this shape.
public struct Document<Target: Hashable & Sendable>: Hashable, Sendable {
    /// A selectable part: what it points at and the lines it covers.
    public struct Region: Hashable, Sendable {
        public var target: Target
        public var lines: Range<Int>

        public init(target: Target, lines: Range<Int>) {
            self.target = target
            self.lines = lines
        }
    }

    /// Cells of a line that link to a URL (a vendor's docs): the view hands them to the buffer as `Hyperlink`s,
    /// which the backend wraps in OSC 8 where the terminal shows links.
    public struct Link: Hashable, Sendable {
        public var line: Int
        public var columns: Range<Int>
        public var url: String

        public init(line: Int, columns: Range<Int>, url: String) {
            self.line = line
            self.columns = columns
            self.url = url
        }
    }

    /// The pane title ("Detail", "Question 3 · TREE").
    public var title: String
    public var lines: [StyledLine]
    public var regions: [Region]
    /// The row of a text field, which the view draws over the (empty) line.
    public var fieldLine: Int?
    public var links: [Link] = []

    public init(title: String = "", lines: [StyledLine] = [], regions: [Region] = [], fieldLine: Int? = nil) {
        self.title = title
        self.lines = lines
        self.regions = regions
        self.fieldLine = fieldLine
    }

    /// The target of each region, in order.
    public var targets: [Target] { regions.map(\.target) }

    /// The lines of each region, in order.
    public var targetLines: [Range<Int>] { regions.map(\.lines) }

    /// The index of the region that `line` belongs to, if any.
    public func region(atLine line: Int) -> Int? {
        regions.firstIndex { $0.lines.contains(line) }
    }

    /// The last scroll offset that still fills a pane of `height` rows.
    public func maxScroll(height: Int) -> Int { max(0, lines.count - max(1, height)) }
}
