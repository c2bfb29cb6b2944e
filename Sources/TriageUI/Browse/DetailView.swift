import TerminalKit

/// The detail pane: the selected code (or vendor) as wrapped text, scrolled; the selected link is reversed, and
/// the matches of a find (`/` in the detail) are marked.
enum DetailView {
    static func draw(into screen: inout Buffer, state: BrowseModel, document: DetailDocument, rect: Rect,
                     focused: Bool, glyphs: BoxGlyphs) {
        let selection = state.detailPane.selection.map {
            DocumentView.Selection(region: $0, reverse: focused, bold: true, undim: false)
        }
        DocumentView.render(document, scroll: state.detailPane.scroll, selection: selection, in: rect, into: &screen,
                            ellipsis: glyphs.ellipsis, highlights: state.detailHighlights(in: document, height: rect.height))
    }

    static func footer(_ state: BrowseModel, document: DetailDocument, height: Int) -> String? {
        Frame.position(scroll: state.detailPane.scroll, lines: document.lines.count, height: height)
    }
}
