/// Moving through a scrolled pane of text that holds links, the way a text browser does: Down selects the next
/// link when it is on screen, otherwise scrolls one line; Up likewise backwards (and at the top clears the
/// selection); a link that scrolls off screen is no longer selected. Shared by the code detail and the
/// diagnosis conclusion.
public struct LinkScroller {
    /// The first visible line.
    public var scroll: Int
    /// Index of the selected link, if any.
    public var link: Int?
    /// Rows of the pane.
    public let height: Int
    /// Lines of the document.
    public let lineCount: Int
    /// The (first) line of each link.
    public let linkLines: [Int]

    public init(scroll: Int, link: Int?, height: Int, lineCount: Int, linkLines: [Int]) {
        self.scroll = scroll
        self.link = link
        self.height = height
        self.lineCount = lineCount
        self.linkLines = linkLines
    }

    public var maxScroll: Int { max(0, lineCount - height) }

    public func isVisible(line: Int) -> Bool { line >= scroll && line < scroll + height }

    public mutating func down() {
        let from = link.map { linkLines[$0] } ?? scroll - 1
        if let next = linkLines.firstIndex(where: { $0 > from }), isVisible(line: linkLines[next]) {
            link = next
        } else if scroll < maxScroll {
            scroll += 1
            dropHiddenLink()
        }
    }

    public mutating func up() {
        let from = link.map { linkLines[$0] } ?? scroll + height
        if let previous = linkLines.lastIndex(where: { $0 < from }), isVisible(line: linkLines[previous]) {
            link = previous
        } else if scroll > 0 {
            scroll -= 1
            dropHiddenLink()
        } else {
            link = nil
        }
    }

    /// Scrolls by `lines` (clamped to the document).
    public mutating func scroll(by lines: Int) {
        scroll = min(max(0, scroll + lines), maxScroll)
        dropHiddenLink()
    }

    /// Clamps the scroll to the document and drops a selected link that is not on screen.
    public mutating func settle() {
        scroll = min(max(0, scroll), maxScroll)
        dropHiddenLink()
    }

    public mutating func dropHiddenLink() {
        if let selected = link, !linkLines.indices.contains(selected) || !isVisible(line: linkLines[selected]) {
            link = nil
        }
    }
}
