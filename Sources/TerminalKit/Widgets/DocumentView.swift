/// Draws a `Document` into a pane: the lines from `scroll`, one column of padding each side, and the selected
/// region highlighted (the one draw loop of every document: detail, step, path, help).
public enum DocumentView {
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
                                      into buffer: inout Buffer, ellipsis: String) {
        let textWidth = max(1, rect.width - 2)
        let selected = selection.flatMap { document.regions.indices.contains($0.region) ? document.regions[$0.region] : nil }
        for row in 0..<rect.height {
            let index = scroll + row
            guard document.lines.indices.contains(index) else { break }
            let y = rect.y + row
            buffer.draw(document.lines[index], x: rect.x + 1, y: y, width: textWidth, ellipsis: ellipsis)
            guard let selection, let selected, selected.lines.contains(index) else { continue }
            if let marker = selection.marker, index == selected.lines.lowerBound {
                buffer.put(marker.text, x: rect.x + 1, y: y, style: marker.style)
            }
            buffer.restyle(x: rect.x, y: y, width: rect.width) {
                if selection.reverse { $0.reverse = true }
                if selection.bold { $0.bold = true }
                if selection.undim { $0.dim = false }
            }
        }
    }
}
