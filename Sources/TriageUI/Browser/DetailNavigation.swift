/// Moving in the detail pane, the way a text browser does: Down selects the next link (related code or tree)
/// when it is on screen, otherwise scrolls one line; Up likewise backwards.
extension BrowserState {
    var detailHeight: Int { max(1, layout.detail.height) }

    private func maxDetailScroll(_ document: DetailDocument) -> Int { max(0, document.lines.count - detailHeight) }

    private func isVisible(line: Int) -> Bool { line >= detailScroll && line < detailScroll + detailHeight }

    /// Drops the link selection when its line went off screen.
    private mutating func dropHiddenLink(_ document: DetailDocument) {
        if let link = detailLink, !document.linkLines.indices.contains(link) || !isVisible(line: document.linkLines[link]) {
            detailLink = nil
        }
    }

    mutating func detailDown() {
        let document = detailDocument()
        let from = detailLink.map { document.linkLines[$0] } ?? detailScroll - 1
        if let next = document.linkLines.firstIndex(where: { $0 > from }), isVisible(line: document.linkLines[next]) {
            detailLink = next
        } else if detailScroll < maxDetailScroll(document) {
            detailScroll += 1
            dropHiddenLink(document)
        }
    }

    mutating func detailUp() {
        let document = detailDocument()
        let from = detailLink.map { document.linkLines[$0] } ?? detailScroll + detailHeight
        if let previous = document.linkLines.lastIndex(where: { $0 < from }), isVisible(line: document.linkLines[previous]) {
            detailLink = previous
        } else if detailScroll > 0 {
            detailScroll -= 1
            dropHiddenLink(document)
        } else {
            detailLink = nil
        }
    }

    mutating func detailScroll(by lines: Int) {
        let document = detailDocument()
        detailScroll = min(max(0, detailScroll + lines), maxDetailScroll(document))
        dropHiddenLink(document)
    }

    mutating func detailToTop() {
        detailScroll = 0
        detailLink = nil
    }

    mutating func detailToBottom() {
        detailScroll = maxDetailScroll(detailDocument())
        detailLink = nil
    }

    /// Enter on the selected link: jump to the related code, or start the tree's diagnosis from the code.
    mutating func openDetailLink() {
        let document = detailDocument()
        guard let link = detailLink, document.links.indices.contains(link) else {
            message = document.links.isEmpty ? nil : "Select a related code or tree with j/k, then Enter"
            return
        }
        switch document.links[link] {
        case let .code(reference):
            follow(reference)
        case let .tree(id):
            diagnose(tree: id)
        }
    }

    /// Keeps the detail scroll and link valid; resets them when the pane shows something else.
    mutating func settleDetail() {
        let content = detailContent
        if content != detailShown {
            detailShown = content
            detailScroll = 0
            detailLink = nil
        } else if detailScroll > 0 || detailLink != nil {
            let document = detailDocument()
            detailScroll = min(max(0, detailScroll), maxDetailScroll(document))
            dropHiddenLink(document)
        }
    }
}
