import TerminalKit

/// Moving in the detail pane, the way a text browser does (`ScrollState.Style.links`): Down selects the next link
/// (related code or tree) when it is on screen, otherwise scrolls one line; Up likewise backwards.
extension BrowseModel {
    var detailHeight: Int { max(1, layout.detail.height) }

    /// One move of the detail's scroll state, measured against the document the pane shows now.
    mutating func inDetail(_ move: (inout ScrollState) -> Void) {
        detailPane.settle(height: detailHeight, document: detailDocument())
        move(&detailPane)
    }

    /// Enter on the selected link: jump to the related code, or ask the shell to start the tree's diagnosis
    /// from the code.
    mutating func openDetailLink() -> BrowseRequest? {
        let document = detailDocument()
        guard let link = detailPane.selection, document.regions.indices.contains(link) else {
            message = document.regions.isEmpty ? nil : "Select a related code or tree with j/k, then Enter"
            return nil
        }
        switch document.regions[link].target {
        case let .code(reference):
            follow(reference)
            return nil
        case let .tree(id):
            return .diagnoseTree(id, from: selectedEntry?.reference)
        }
    }

    /// Keeps the detail scroll and link valid; resets them (and the find) when the pane shows something else.
    mutating func settleDetail() {
        let content = detailContent
        if content != detailShown {
            detailShown = content
            detailPane = ScrollState()
            detailFind = nil
        } else if detailPane.scroll > 0 || detailPane.selection != nil {
            inDetail { _ in }
        }
    }
}
