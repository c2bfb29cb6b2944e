import TerminalKit

/// Layout, documents and scrolling of the diagnosis screen, each pane a `ScrollState`: in a question Up/Down
/// select the previous or next answer (items); in a conclusion they move among the related codes the way the
/// browser's detail pane does (links).
extension DiagnosisScreen {
    var layout: DiagnosisLayout { layout(area: Rect(x: 0, y: 0, width: width, height: height)) }

    func layout(area: Rect) -> DiagnosisLayout {
        let steps = session.path
        let stackedWidth = max(1, area.width - 4)
        // Compact: a line per step and per note; only a focused path needs its text laid out.
        var compact = steps.count + steps.filter { $0.note != nil }.count
        var full = compact
        if focus == .path, !steps.isEmpty, area.width < DiagnosisLayout.sideBySideWidth {
            compact = cachedPath(width: stackedWidth, compact: true, expanded: pathPane.selection, glyphs: .unicode)
                .lines.count
            full = cachedPath(width: stackedWidth, compact: false, expanded: nil, glyphs: .unicode).lines.count
        }
        return DiagnosisLayout(area: area, compactPathLines: compact, fullPathLines: full, hasPath: !steps.isEmpty,
                               pathFocused: focus == .path)
    }

    func stepDocument(layout: DiagnosisLayout? = nil, glyphs: BoxGlyphs = .unicode) -> StepDocument {
        let layout = layout ?? self.layout
        let rect = layout.step.width > 0 ? layout.step : Rect(x: 0, y: 0, width: max(3, width - 2), height: 1)
        let textWidth = DiagnosisLayout.textWidth(rect)
        let key = StepDocumentKey(session: session, typing: isTyping, width: textWidth, unicode: glyphs == .unicode,
                                  savedPath: lastSavedPath, reply: showingReply)
        return stepDocuments.value(for: key) { StepDocument(screen: self, width: textWidth, glyphs: glyphs) }
    }

    func pathDocument(layout: DiagnosisLayout? = nil, glyphs: BoxGlyphs = .unicode) -> PathDocument {
        let layout = layout ?? self.layout
        let rect = layout.path.width > 0 ? layout.path : Rect(x: 0, y: 0, width: max(3, width - 2), height: 1)
        return cachedPath(width: DiagnosisLayout.textWidth(rect), compact: layout.kind != .sideBySide,
                          expanded: focus == .path ? pathPane.selection : nil, glyphs: glyphs)
    }

    private func cachedPath(width: Int, compact: Bool, expanded: Int?, glyphs: BoxGlyphs) -> PathDocument {
        let key = PathDocumentKey(session: session, width: width, compact: compact, expanded: expanded,
                                  unicode: glyphs == .unicode)
        return pathDocuments.value(for: key) {
            PathDocument(steps: session.path, width: width, compact: compact, expanded: expanded, glyphs: glyphs)
        }
    }

    var stepHeight: Int { max(1, layout.step.height) }
    var pathHeight: Int { max(1, layout.path.height) }

    // MARK: - Step pane

    /// Measures the step shown now in the step pane: a question's answers are items, a conclusion's related
    /// codes links.
    private mutating func measureStep(_ layout: DiagnosisLayout) {
        let document = stepDocument(layout: layout)
        if case .answer? = document.targets.first { stepPane.style = .items } else { stepPane.style = .links }
        stepPane.settle(height: max(1, layout.step.height), document: document)
    }

    /// Up (-1) or Down (+1) in the step pane.
    mutating func stepMove(by delta: Int) {
        measureStep(layout)
        stepPane.move(by: delta)
    }

    /// PgUp / PgDn and the mouse wheel: scroll, keeping an answer selected (links off screen are dropped).
    mutating func stepScroll(by lines: Int) {
        measureStep(layout)
        stepPane.page(lines)
    }

    /// Home / End: the top or the bottom of the step; a question also selects its first or last answer.
    mutating func stepToEnd(last: Bool) {
        measureStep(layout)
        stepPane.toEnd(last: last)
    }

    // MARK: - Path pane

    /// Another path step, scrolled into view. Measured after selecting: the compact path lays the selected step
    /// out whole.
    mutating func pathMove(by delta: Int) {
        guard let last = session.path.indices.last else { return }
        pathPane.selection = min(max(0, (pathPane.selection ?? 0) + delta), last)
        revealPathSelection()
    }

    mutating func revealPathSelection() {
        pathPane.settle(height: pathHeight, document: pathDocument())
        if let selected = pathPane.selection { pathPane.reveal(selected) }
    }

    // MARK: - Keeping it valid

    /// Clamps selections and scroll offsets to the documents and the layout of the current size.
    mutating func settle() {
        let path = session.path
        if path.isEmpty, focus == .path { focus = .step }
        pathPane.selection = path.indices.last.map { min(pathPane.selection ?? $0, $0) }
        let layout = self.layout
        measureStep(layout)
        pathPane.settle(height: max(1, layout.path.height), document: pathDocument(layout: layout))
        if focus == .path, let selected = pathPane.selection { pathPane.reveal(selected) }
        // While the step has the focus, the path shows its latest steps, next to the question they lead to.
        if focus == .step { pathPane.scroll = pathPane.maxScroll }
    }
}
