/// Draws a `Document` into a pane: the lines from `scroll`, one column of padding each side, the selected
/// region highlighted, found text marked and links handed to the buffer (the one draw loop of every document:
/// detail, step, path, help).
public enum DocumentView {
    /// Cells of a line drawn in another style (the matches of a find, `DocumentFind`).
    public struct Highlight: Hashable, Sendable {
        public var match: TextMatch
        public var style: Style

        public init(_ match: TextMatch, style: Style) {
            self.match = match
            self.style = style
        }
    }

    /// How the selected region is shown.
    public struct Selection: Sendable {
        /// The selected region's index.
        public var region: Int
        /// Drawn over the first column of the region's first line (a list marker), if any.
        public var marker: Span?
        /// Reverse video over the pane's width (false: only bold, for a pane without the focus).
        public var reverse: Bool
        public var bold: Bool
        /// Dim text of the region is shown at full strength.
        public var undim: Bool

        public init(region: Int, marker: Span? = nil, reverse: Bool, bold: Bool, undim: Bool) {
            self.region = region
            self.marker = marker
            self.reverse = reverse
            self.bold = bold
            self.undim = undim
        }
    }

    public static func render<Target>(_ document: Document<Target>, scroll: Int, selection: Selection?, in rect: Rect,
                                      into buffer: inout Buffer, ellipsis: String, highlights: [Highlight] = []) {
        let textWidth = max(1, rect.width - 2)
        let selected = selection.flatMap { document.regions.indices.contains($0.region) ? document.regions[$0.region] : nil }
        for row in 0..<rect.height {
            let index = scroll + row
            guard document.lines.indices.contains(index) else { break }
            let y = rect.y + row
            buffer.draw(document.lines[index], x: rect.x + 1, y: y, width: textWidth, ellipsis: ellipsis)
            if let selection, let selected, selected.lines.contains(index) {
                if let marker = selection.marker, index == selected.lines.lowerBound {
                    buffer.put(marker.text, x: rect.x + 1, y: y, style: marker.style)
                }
                buffer.restyle(x: rect.x, y: y, width: rect.width) {
                    if selection.reverse { $0.reverse = true }
                    if selection.bold { $0.bold = true }
                    if selection.undim { $0.dim = false }
                }
            }
            // Over the selection; cut to the text's width (a cut line ends in the ellipsis).
            for highlight in highlights where highlight.match.line == index {
                let columns = highlight.match.columns.clamped(to: 0..<textWidth)
                buffer.restyle(x: rect.x + 1 + columns.lowerBound, y: y, width: columns.count) { $0 = highlight.style }
            }
            // A link only where its whole text is drawn (`Hyperlink` drops an unsafe URL).
            for link in document.links where link.line == index && link.columns.upperBound <= textWidth {
                if let hyperlink = Hyperlink(x: rect.x + 1 + link.columns.lowerBound, y: y, width: link.columns.count,
                                             url: link.url) {
                    buffer.hyperlinks.append(hyperlink)
                }
            }
        }
    }
}
