/// Draws the whole browser for a terminal size: frame, panes, status line, and the help overlay on top.
public enum BrowserView {
    public static func render(_ state: BrowserState, _ context: RenderContext) -> Screen {
        var state = state
        if state.width != context.width || state.height != context.height {
            state.width = max(0, context.width)
            state.height = max(0, context.height)
            state.settle()
        }
        var screen = Screen(width: context.width, height: context.height)
        let glyphs = BoxGlyphs.forContext(context)
        let layout = state.layout
        guard layout.kind != .tooSmall else {
            TooSmallView.draw(into: &screen, glyphs: glyphs)
            return screen
        }
        let document = state.detailDocument(unicode: context.unicode)
        var labels = FrameView.Labels()
        labels.titles = [.sidebar: SidebarView.title, .list: CodeListView.title(state), .detail: document.title]
        labels.footers[.list] = CodeListView.footer(state)
        labels.footers[.detail] = DetailView.footer(state, document: document, height: layout.detail.height)
        FrameView.draw(into: &screen, layout: layout, focus: state.focus, labels: labels, glyphs: glyphs)
        for pane in layout.visiblePanes(focus: state.focus) {
            let rect = layout.rect(for: pane)
            let focused = pane == state.focus && state.mode != .help
            switch pane {
            case .sidebar: SidebarView.draw(into: &screen, state: state, rect: rect, focused: focused, glyphs: glyphs)
            case .list: CodeListView.draw(into: &screen, state: state, rect: rect, focused: focused, glyphs: glyphs)
            case .detail:
                DetailView.draw(into: &screen, state: state, document: document, rect: rect, focused: focused, glyphs: glyphs)
            }
        }
        StatusLineView.draw(into: &screen, state: state, layout: layout, glyphs: glyphs)
        if state.mode == .help {
            state.helpOverlays.overlay(width: layout.width, height: layout.height, unicode: context.unicode)
                .draw(into: &screen, scroll: state.helpScroll, glyphs: glyphs)
        }
        return screen
    }
}
