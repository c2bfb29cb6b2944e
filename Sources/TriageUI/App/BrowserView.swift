import TerminalKit

/// Draws the whole browser for a terminal size: frame, panes, status line, the tree list or the full-screen
/// diagnosis, and the help overlay on top.
public enum BrowserView {
    public static func render(_ state: BrowserState, _ context: RenderContext) -> Buffer {
        var state = state
        if state.width != context.width || state.height != context.height {
            state.width = max(0, context.width)
            state.height = max(0, context.height)
            state.browse.resize(width: state.width, height: state.height)
            state.settle()
        }
        var screen = Buffer(width: context.width, height: context.height)
        let glyphs = BoxGlyphs.forContext(context)
        let layout = state.layout
        guard layout.kind != .tooSmall else {
            TooSmallView.draw(into: &screen, glyphs: glyphs)
            return screen
        }
        switch state.active.base {
        case let .diagnosis(diagnosis):
            diagnosis.draw(into: &screen, x: 0, y: 0, width: context.width, height: context.height, context: context)
        case let .explain(box):
            box.draw(into: &screen, width: context.width, height: context.height, catalog: state.catalog, glyphs: glyphs)
        case let .sessions(sessions):
            sessions.draw(into: &screen, x: 0, y: 0, width: context.width, height: context.height, context: context)
        case let .trees(picker):
            drawBrowser(state, layout: layout, into: &screen, context: context)
            picker.draw(into: &screen, x: 0, y: 0, width: context.width, height: context.height, context: context)
        case let .switcher(switcher):
            drawBrowser(state, layout: layout, into: &screen, context: context)
            switcher.draw(into: &screen, width: context.width, height: context.height, context: context)
        case .browse, .help, .prompt:
            drawBrowser(state, layout: layout, into: &screen, context: context)
        }
        if state.mode == .help {
            if state.active.base.kind != .browse {
                screen.fill(x: 0, y: layout.status.y, width: layout.status.width, height: 1)
                StatusLineView.draw(into: &screen, state: state, layout: layout, glyphs: glyphs)
            }
            state.helpOverlay(width: layout.width, height: layout.height, unicode: context.unicode)
                .draw(into: &screen, scroll: state.helpScroll.scroll, glyphs: glyphs)
        }
        if let prompt = state.prompt {
            PromptView.draw(prompt, into: &screen, width: context.width, height: context.height, glyphs: glyphs)
        }
        return screen
    }

    /// Frame, panes and status line.
    private static func drawBrowser(_ state: BrowserState, layout: BrowserLayout, into screen: inout Buffer,
                                    context: RenderContext) {
        let glyphs = BoxGlyphs.forContext(context)
        let browse = state.browse
        let document = browse.detailDocument(unicode: context.unicode)
        var labels = FrameView.Labels()
        labels.titles = [.sidebar: SidebarView.title, .list: CodeListView.title(browse), .detail: document.title]
        labels.footers[.list] = CodeListView.footer(browse)
        labels.footers[.detail] = DetailView.footer(browse, document: document, height: layout.detail.height)
        if layout.kind == .narrow { labels.titles = [:] }
        FrameView.draw(into: &screen, layout: layout, focus: browse.focus, labels: labels, glyphs: glyphs)
        if layout.kind == .narrow {
            let title = [Pane.sidebar: SidebarView.title, .list: CodeListView.title(browse), .detail: document.title]
            PaneTabs.draw(into: &screen, layout: layout, focus: browse.focus, title: title[browse.focus] ?? "",
                          glyphs: glyphs)
        }
        for pane in layout.visiblePanes(focus: browse.focus) {
            let rect = layout.rect(for: pane)
            let focused = pane == browse.focus && [.browse, .search, .find].contains(state.mode)
            switch pane {
            case .sidebar: SidebarView.draw(into: &screen, state: browse, rect: rect, focused: focused, glyphs: glyphs)
            case .list: CodeListView.draw(into: &screen, state: browse, rect: rect, focused: focused, glyphs: glyphs)
            case .detail:
                DetailView.draw(into: &screen, state: browse, document: document, rect: rect, focused: focused, glyphs: glyphs)
            }
        }
        StatusLineView.draw(into: &screen, state: state, layout: layout, glyphs: glyphs)
    }
}
