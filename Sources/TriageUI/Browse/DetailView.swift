import TerminalKit

/// The detail pane: the selected code (or vendor) as wrapped text, scrolled; the selected link is reversed.
enum DetailView {
    static func draw(into screen: inout Buffer, state: BrowserState, document: DetailDocument, rect: Rect,
                     focused: Bool, glyphs: BoxGlyphs) {
        let selection = state.detailLink.map { DocumentView.Selection(region: $0, reverse: focused, bold: true, undim: false) }
        DocumentView.render(document, scroll: state.detailScroll, selection: selection, in: rect, into: &screen,
                            ellipsis: glyphs.ellipsis)
    }

    static func footer(_ state: BrowserState, document: DetailDocument, height: Int) -> String? {
        Frame.position(scroll: state.detailScroll, lines: document.lines.count, height: height)
    }
}
