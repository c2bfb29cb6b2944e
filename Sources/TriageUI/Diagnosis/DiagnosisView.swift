import TerminalKit
import TriageCore

/// Draws the diagnosis screen: the frame with the path and step panes (side by side, stacked or one at a time),
/// the value field of an ask step, and the status line with the note editor or the key hints.
extension DiagnosisScreen {
    /// Draws the whole screen into the area (x, y, width, height) of `screen`, usually the whole terminal.
    public func draw(into screen: inout Buffer, x: Int, y: Int, width: Int, height: Int, context: RenderContext) {
        var state = self
        if state.width != width || state.height != height { state.resize(width: width, height: height) }
        state.render(into: &screen, area: Rect(x: x, y: y, width: width, height: height),
                     glyphs: BoxGlyphs.forContext(context))
    }

    private func render(into screen: inout Buffer, area: Rect, glyphs: BoxGlyphs) {
        guard area.width >= 4, area.height >= 4 else { return }
        screen.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        let layout = layout(area: area)
        let step = stepDocument(layout: layout, glyphs: glyphs)
        let path = pathDocument(layout: layout, glyphs: glyphs)
        drawFrame(into: &screen, layout: layout, step: step, path: path, glyphs: glyphs)
        if layout.path.height > 0 { drawPath(path, into: &screen, rect: layout.path, glyphs: glyphs) }
        if layout.step.height > 0 { drawStep(step, into: &screen, rect: layout.step, glyphs: glyphs) }
        DiagnosisStatusLine.draw(into: &screen, state: self, rect: layout.status, glyphs: glyphs)
    }

    // MARK: - Frame

    private func drawFrame(into screen: inout Buffer, layout: DiagnosisLayout, step: StepDocument, path: PathDocument,
                           glyphs: BoxGlyphs) {
        let area = layout.area
        screen.box(Rect(x: area.x, y: layout.top, width: area.width, height: layout.bottom - layout.top + 1),
                   glyphs: glyphs, style: Theme.border)
        let pathTitle = "Path (\(session.path.count))"
        let stepFooter = Frame.position(scroll: stepPane.scroll, lines: step.lines.count, height: layout.step.height)
        let pathFooter = Frame.position(scroll: pathPane.scroll, lines: path.lines.count, height: layout.path.height)
        switch layout.kind {
        case .sideBySide:
            Frame.verticalDivider(column: layout.step.x - 1, top: layout.top, bottom: layout.bottom, glyphs: glyphs,
                                  style: Theme.border, into: &screen)
            label(&screen, title: pathTitle, focused: focus == .path, footer: pathFooter, rect: layout.path,
                  titleRow: layout.top, footerRow: layout.bottom, glyphs: glyphs)
            label(&screen, title: step.title, focused: focus == .step, footer: stepFooter, rect: layout.step,
                  titleRow: layout.top, footerRow: layout.bottom, glyphs: glyphs)
        case .stacked, .single:
            if let divider = layout.divider {
                Frame.horizontalDivider(row: divider, x: area.x, width: area.width, glyphs: glyphs, style: Theme.border,
                                        into: &screen)
                label(&screen, title: pathTitle, focused: focus == .path, footer: pathFooter, rect: layout.path,
                      titleRow: layout.top, footerRow: divider, glyphs: glyphs)
                label(&screen, title: step.title, focused: focus == .step, footer: stepFooter, rect: layout.step,
                      titleRow: divider, footerRow: layout.bottom, glyphs: glyphs)
            } else if layout.path.height > 0 {
                label(&screen, title: pathTitle, focused: true, footer: pathFooter, rect: layout.path,
                      titleRow: layout.top, footerRow: layout.bottom, glyphs: glyphs)
            } else {
                label(&screen, title: step.title, focused: true, footer: stepFooter, rect: layout.step,
                      titleRow: layout.top, footerRow: layout.bottom, glyphs: glyphs)
            }
        }
    }

    /// A pane's title on the border above it and its scroll position on the border below.
    private func label(_ screen: inout Buffer, title: String, focused: Bool, footer: String?, rect: Rect, titleRow: Int,
                       footerRow: Int, glyphs: BoxGlyphs) {
        Frame.title(title, style: focused ? Theme.focusedTitle : Theme.title, pane: rect, row: titleRow, glyphs: glyphs,
                    into: &screen)
        if let footer {
            Frame.footer(footer, style: Theme.dim, pane: rect, row: footerRow, glyphs: glyphs, into: &screen)
        }
    }

    // MARK: - Panes

    private func drawPath(_ document: PathDocument, into screen: inout Buffer, rect: Rect, glyphs: BoxGlyphs) {
        let selection = focus == .path ? DocumentView.Selection(region: pathPane.selection ?? 0,
                                                                marker: Span(glyphs.marker, Theme.key),
                                                                reverse: true, bold: false, undim: true) : nil
        DocumentView.render(document, scroll: pathPane.scroll, selection: selection, in: rect, into: &screen,
                            ellipsis: glyphs.ellipsis)
    }

    private func drawStep(_ document: StepDocument, into screen: inout Buffer, rect: Rect, glyphs: BoxGlyphs) {
        let focused = focus == .step && noteEditor == nil
        let highlight = stepPane.selection.map { index in
            let isAnswer: Bool
            if case .answer? = document.targets[safe: index] { isAnswer = true } else { isAnswer = false }
            return DocumentView.Selection(region: index, marker: isAnswer ? Span(glyphs.marker, Theme.key) : nil,
                                          reverse: focused, bold: true, undim: true)
        }
        DocumentView.render(document, scroll: stepPane.scroll, selection: highlight, in: rect, into: &screen,
                            ellipsis: glyphs.ellipsis)
        if let field = document.fieldLine, field >= stepPane.scroll, field < stepPane.scroll + rect.height {
            drawField(into: &screen, x: rect.x + 1, y: rect.y + field - stepPane.scroll, width: DiagnosisLayout.textWidth(rect),
                      glyphs: glyphs)
        }
    }

    /// The value field: a prompt mark and the text (its end when long), underlined across the field; a secret
    /// is masked unless Ctrl-R shows it. The terminal cursor sits at the field's cursor while typing.
    private func drawField(into screen: inout Buffer, x: Int, y: Int, width: Int, glyphs: BoxGlyphs) {
        guard width > 3 else { return }
        let secret: Bool
        if case let .ask(_, _, _, isSecret)? = current?.kind { secret = isSecret } else { secret = false }
        let mask = glyphs == .unicode ? "\u{2022}" : "*"
        let typed = secret && !revealSecret ? String(repeating: mask, count: field.text.count) : field.text
        let window = field.window(typed, room: width - 2)
        let fieldStyle = Style(underline: true, dim: !isTyping)
        var line = StyledLine(glyphs.marker + " ", isTyping ? Theme.searchPrompt : Theme.dim)
        let start = line.width
        if window.cutBefore { line.append(glyphs.ellipsis, Theme.dim) }
        line.append(window.text, fieldStyle)
        if window.cutAfter { line.append(glyphs.ellipsis, Theme.dim) }
        let used = screen.draw(line, x: x, y: y, width: width, ellipsis: glyphs.ellipsis)
        screen.fill(x: x + used, y: y, width: width - used, height: 1, with: Cell(" ", style: fieldStyle))
        let column = start + (window.cutBefore ? 1 : 0) + window.cursorColumn
        if isTyping, noteEditor == nil, focus == .step { screen.cursor = (x: x + min(column, width - 1), y: y) }
    }
}
