import TerminalKit

/// Layout, documents and scrolling of the diagnosis screen. The step pane moves the way the browser's detail pane
/// does: in a question Up/Down select the previous or next answer (scrolling it into view); in a conclusion Down
/// selects the next related code when it is on screen, otherwise scrolls one line.
extension DiagnosisScreen {
    var layout: DiagnosisLayout { layout(area: Rect(x: 0, y: 0, width: width, height: height)) }

    func layout(area: Rect) -> DiagnosisLayout {
        let steps = session.path
        let stackedWidth = max(1, area.width - 4)
        // Compact: a line per step and per note; only a focused path needs its text laid out.
        var compact = steps.count + steps.filter { $0.note != nil }.count
        var full = compact
        if focus == .path, !steps.isEmpty, area.width < DiagnosisLayout.sideBySideWidth {
            compact = cachedPath(width: stackedWidth, compact: true, expanded: pathSelection, glyphs: .unicode)
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
                                  savedPath: lastSavedPath)
        return stepDocuments.value(for: key) { StepDocument(screen: self, width: textWidth, glyphs: glyphs) }
    }

    func pathDocument(layout: DiagnosisLayout? = nil, glyphs: BoxGlyphs = .unicode) -> PathDocument {
        let layout = layout ?? self.layout
        let rect = layout.path.width > 0 ? layout.path : Rect(x: 0, y: 0, width: max(3, width - 2), height: 1)
        return cachedPath(width: DiagnosisLayout.textWidth(rect), compact: layout.kind != .sideBySide,
                          expanded: focus == .path ? pathSelection : nil, glyphs: glyphs)
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

    private func maxStepScroll(_ document: StepDocument) -> Int { max(0, document.lines.count - stepHeight) }

    private func isVisible(line: Int) -> Bool { line >= stepScroll && line < stepScroll + stepHeight }

    /// Scrolls so that target `index` is on screen (its first line, if it is taller than the pane).
    mutating func reveal(target index: Int, in document: StepDocument) {
        guard let lines = document.targetLines[safe: index] else { return }
        if lines.upperBound > stepScroll + stepHeight { stepScroll = lines.upperBound - stepHeight }
        if lines.lowerBound < stepScroll { stepScroll = lines.lowerBound }
    }

    /// Up (-1) or Down (+1) in the step pane.
    mutating func stepMove(by delta: Int) {
        let document = stepDocument()
        if case .answer? = document.targets.first {
            guard !document.targets.isEmpty else { return }
            let index = min(max(0, (selection ?? 0) + delta), document.targets.count - 1)
            selection = index
            reveal(target: index, in: document)
        } else {
            moveAmongLinks(document) { delta > 0 ? $0.down() : $0.up() }
        }
    }

    /// A conclusion's related codes are links: one `LinkScroller` move on the step's scroll and selection.
    private mutating func moveAmongLinks(_ document: StepDocument, _ move: (inout LinkScroller) -> Void) {
        var scroller = LinkScroller(scroll: stepScroll, link: selection, height: stepHeight,
                                    lineCount: document.lines.count, linkLines: document.targetLines.map(\.lowerBound))
        move(&scroller)
        stepScroll = scroller.scroll
        selection = scroller.link
    }

    /// PgUp / PgDn and the mouse wheel: scroll, keeping an answer selected (links off screen are dropped).
    mutating func stepScroll(by lines: Int) {
        let document = stepDocument()
        stepScroll = min(max(0, stepScroll + lines), maxStepScroll(document))
        dropHiddenLink(document)
    }

    /// Home / End: the top or the bottom of the step; a question also selects its first or last answer.
    mutating func stepToEnd(last: Bool) {
        let document = stepDocument()
        if case .answer? = document.targets.first {
            selection = last ? document.targets.count - 1 : 0
            stepScroll = last ? maxStepScroll(document) : 0
        } else {
            stepScroll = last ? maxStepScroll(document) : 0
            selection = nil
        }
    }

    /// A conclusion's link selection goes when its line leaves the screen; answers always stay selected.
    private mutating func dropHiddenLink(_ document: StepDocument) {
        guard let selection, case .code? = document.targets[safe: selection] else { return }
        if !isVisible(line: document.targetLines[selection].lowerBound) { self.selection = nil }
    }

    // MARK: - Path pane

    mutating func pathMove(by delta: Int) {
        let count = session.path.count
        guard count > 0 else { return }
        pathSelection = min(max(0, pathSelection + delta), count - 1)
        revealPathSelection()
    }

    mutating func pathScroll(by lines: Int) {
        let document = pathDocument()
        pathScroll = min(max(0, pathScroll + lines), max(0, document.lines.count - pathHeight))
    }

    mutating func revealPathSelection() {
        let document = pathDocument()
        guard let lines = document.targetLines[safe: pathSelection] else { return }
        if lines.upperBound > pathScroll + pathHeight { pathScroll = lines.upperBound - pathHeight }
        if lines.lowerBound < pathScroll { pathScroll = lines.lowerBound }
    }

    // MARK: - Keeping it valid

    /// Clamps selections and scroll offsets to the documents and the layout of the current size.
    mutating func settle() {
        let path = session.path
        if path.isEmpty, focus == .path { focus = .step }
        pathSelection = min(max(0, pathSelection), max(0, path.count - 1))
        let layout = self.layout
        let document = stepDocument(layout: layout)
        if let selection, !document.targets.indices.contains(selection) {
            self.selection = document.targets.isEmpty ? nil : document.targets.count - 1
        }
        if case .answer? = document.targets.first, selection == nil { selection = 0 }
        stepScroll = min(max(0, stepScroll), max(0, document.lines.count - max(1, layout.step.height)))
        let pathDocument = pathDocument(layout: layout)
        let pathRows = max(1, layout.path.height)
        let maxPathScroll = max(0, pathDocument.lines.count - pathRows)
        if focus == .path, let lines = pathDocument.targetLines[safe: pathSelection] {
            if lines.upperBound > pathScroll + pathRows { pathScroll = lines.upperBound - pathRows }
            if lines.lowerBound < pathScroll { pathScroll = lines.lowerBound }
        }
        // While the step has the focus, the path shows its latest steps, next to the question they lead to.
        pathScroll = focus == .step ? maxPathScroll : min(max(0, pathScroll), maxPathScroll)
    }
}
