import TerminalKit

/// Moving in the detail pane, the way a text browser does: Down selects the next link (related code or tree)
/// when it is on screen, otherwise scrolls one line; Up likewise backwards.
extension BrowserState {
    var detailHeight: Int { max(1, layout.detail.height) }

        /// Runs one `LinkScroller` move on the detail's scroll and link selection.
    private mutating func moveInDetail(_ move: (inout LinkScroller) -> Void) {
        let document = detailDocument()
        var scroller = LinkScroller(scroll: detailScroll, link: detailLink, height: detailHeight,
                                    lineCount: document.lines.count, linkLines: document.targetLines.map(\.lowerBound))
        move(&scroller)
        detailScroll = scroller.scroll
        detailLink = scroller.link
    }

    mutating func detailDown() { moveInDetail { $0.down() } }

    mutating func detailUp() { moveInDetail { $0.up() } }

    mutating func detailScroll(by lines: Int) { moveInDetail { $0.scroll(by: lines) } }

    mutating func detailToTop() {
        detailScroll = 0
        detailLink = nil
    }

    mutating func detailToBottom() {
        detailScroll = detailDocument().maxScroll(height: detailHeight)
        detailLink = nil
    }

    /// Enter on the selected link: jump to the related code, or start the tree's diagnosis from the code.
    mutating func openDetailLink() {
        let document = detailDocument()
        guard let link = detailLink, document.regions.indices.contains(link) else {
            message = document.regions.isEmpty ? nil : "Select a related code or tree with j/k, then Enter"
            return
        }
        switch document.regions[link].target {
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
            moveInDetail { $0.settle() }
        }
    }
}
