import TerminalKit

/// The detail pane: the selected code (or vendor) as wrapped text, scrolled; the selected link is reversed.
enum DetailView {
    static func draw(into screen: inout Buffer, state: BrowserState, document: DetailDocument, rect: Rect,
                     focused: Bool, glyphs: BoxGlyphs) {
        let textWidth = max(1, rect.width - 2)
        for line in 0..<rect.height {
            let index = state.detailScroll + line
            guard document.lines.indices.contains(index) else { break }
            let entry = document.lines[index]
            screen.draw(entry.text, x: rect.x + 1, y: rect.y + line, width: textWidth, ellipsis: glyphs.ellipsis)
            if let link = entry.link, link == state.detailLink {
                screen.restyle(x: rect.x, y: rect.y + line, width: rect.width) {
                    $0.reverse = focused
                    $0.bold = true
                }
            }
        }
    }

    static func footer(_ state: BrowserState, document: DetailDocument, height: Int) -> String? {
        guard document.lines.count > height else { return nil }
        let first = state.detailScroll + 1
        let last = min(document.lines.count, state.detailScroll + height)
        return "\(first)-\(last)/\(document.lines.count)"
    }
}
