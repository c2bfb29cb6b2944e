/// The scroll offset and selected region of a `Document` shown in a pane: the one navigation rule of every
/// scrolled text (the code detail, a diagnosis step and path, the help). Content and state apart, as ratatui's
/// `ListState` and Bubbles' `viewport`: `settle(height:document:)` measures the document shown now and keeps the
/// state valid for it; the moves then work on what was measured.
///
/// - `.links` (a text browser's links): Down selects the next region when it is on screen, otherwise scrolls one
///   line; Up likewise backwards, and at the top clears the selection. A region that scrolls off screen is no
///   longer selected. A document without regions simply scrolls.
/// - `.items` (answers, steps): one region is always selected; Up and Down select the previous or next one and
///   scroll it into view; scrolling keeps it selected.
public struct ScrollState: Hashable, Sendable {
    public enum Style: Hashable, Sendable {
        case links, items
    }

    /// The first visible line.
    public var scroll: Int
    /// The selected region, if any.
    public var selection: Int?
    public var style: Style
    /// What `settle` measured: rows of the pane, lines of the document and the lines of each region.
    public private(set) var height = 1
    public private(set) var lineCount = 0
    public private(set) var regions: [Range<Int>] = []

    public init(style: Style = .links, scroll: Int = 0, selection: Int? = nil) {
        self.style = style
        self.scroll = scroll
        self.selection = selection
    }

    public var maxScroll: Int { max(0, lineCount - height) }

    public func isVisible(line: Int) -> Bool { line >= scroll && line < scroll + height }

    /// Measures `document` in a pane of `height` rows, then clamps: the scroll to the document, the selection to
    /// its regions (items: always one when there are any; links: none that is off screen).
    public mutating func settle<Target>(height: Int, document: Document<Target>) {
        self.height = max(1, height)
        lineCount = document.lines.count
        regions = document.targetLines
        scroll = min(max(0, scroll), maxScroll)
        switch style {
        case .items: selection = regions.isEmpty ? nil : min(max(0, selection ?? 0), regions.count - 1)
        case .links: dropHiddenLink()
        }
    }

    public mutating func down() {
        guard style == .links else { return move(by: 1) }
        let from = selectedLine ?? scroll - 1
        if let next = regions.firstIndex(where: { $0.lowerBound > from }), isVisible(line: regions[next].lowerBound) {
            selection = next
        } else if scroll < maxScroll {
            scroll += 1
            dropHiddenLink()
        }
    }

    public mutating func up() {
        guard style == .links else { return move(by: -1) }
        let from = selectedLine ?? scroll + height
        if let previous = regions.lastIndex(where: { $0.lowerBound < from }),
           isVisible(line: regions[previous].lowerBound) {
            selection = previous
        } else if scroll > 0 {
            scroll -= 1
            dropHiddenLink()
        } else {
            selection = nil
        }
    }

    /// `delta` steps down (positive) or up: links one Down or Up each, items the region `delta` further on.
    public mutating func move(by delta: Int) {
        switch style {
        case .links:
            for _ in 0..<abs(delta) { if delta < 0 { up() } else { down() } }
        case .items:
            guard !regions.isEmpty else { return }
            let index = min(max(0, (selection ?? 0) + delta), regions.count - 1)
            selection = index
            reveal(index)
        }
    }

    /// Scrolls by `lines` (clamped to the document): PgUp / PgDn and the mouse wheel.
    public mutating func page(_ lines: Int) {
        scroll = min(max(0, scroll + lines), maxScroll)
        if style == .links { dropHiddenLink() }
    }

    /// Home / End: the top or the bottom; items also select the first or last region, links none.
    public mutating func toEnd(last: Bool) {
        scroll = last ? maxScroll : 0
        selection = style == .items && !regions.isEmpty ? (last ? regions.count - 1 : 0) : nil
    }

    /// Scrolls so that `region` is on screen (its first line, when it is taller than the pane).
    public mutating func reveal(_ region: Int) {
        guard regions.indices.contains(region) else { return }
        let lines = regions[region]
        if lines.upperBound > scroll + height { scroll = lines.upperBound - height }
        if lines.lowerBound < scroll { scroll = lines.lowerBound }
    }

    /// Scrolls so that `line` is on screen: left alone when it is visible, else at the top (clamped), where less
    /// puts a found line. A link scrolled off screen is no longer selected.
    public mutating func show(line: Int) {
        guard !isVisible(line: line) else { return }
        scroll = min(max(0, line), maxScroll)
        if style == .links { dropHiddenLink() }
    }

    /// The first line of the selected region.
    private var selectedLine: Int? { selection.flatMap { regions.indices.contains($0) ? regions[$0].lowerBound : nil } }

    private mutating func dropHiddenLink() {
        if selection != nil, !(selectedLine.map(isVisible(line:)) ?? false) { selection = nil }
    }
}
