import TerminalKit

/// Where each part of the browser goes for a terminal size.
///
/// - `wide` (80 columns and more): vendors | codes | detail side by side, framed with shared borders. The codes
///   pane is as wide as its longest code needs (`codeWidth`) where there is room. Under 120 columns, with the
///   focus on the codes or the detail, the vendors pane collapses (as in ranger and lazygit) when the codes
///   would otherwise be cut: codes | detail, and Shift-Tab (or Esc) brings the vendors back.
/// - `narrow` (30 to 79 columns): one pane at a time, the focused one, filling the frame; Tab switches.
/// - `tooSmall` (under 30x8): only a "terminal too small" message; the UI comes back when the window grows.
///
/// Pane rectangles are the content inside the borders. The status line is always the last row.
public struct BrowserLayout: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case wide, narrow, tooSmall }

    public static let minimumWidth = 30
    public static let minimumHeight = 8
    /// From this width on, the three panes are shown side by side.
    public static let wideWidth = 80
    /// Under this width, the vendors pane collapses while the focus is on the codes or the detail.
    public static let collapseWidth = 120

    public var kind: Kind
    public var width: Int
    public var height: Int
    public var sidebar: Rect
    public var list: Rect
    public var detail: Rect
    public var status: Rect
    /// True when the vendors pane is collapsed to give the codes room (see the type's note).
    public var sidebarCollapsed = false

    /// The layout for a terminal size, the focused pane and the display width of the longest code the codes
    /// pane lists (0: unknown).
    public init(width: Int, height: Int, focus: Pane = .sidebar, codeWidth: Int = 0) {
        self.width = max(0, width)
        self.height = max(0, height)
        // Everything but the status line is one frame the panes share borders in.
        let frame = Rect(x: 0, y: 0, width: width, height: height - 1)
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            kind = .tooSmall
            sidebar = .zero
            list = .zero
            detail = .zero
        } else if width < Self.wideWidth {
            kind = .narrow
            let pane = Split.columns(frame, widths: [])[0]
            sidebar = pane
            list = pane
            detail = pane
        } else {
            kind = .wide
            // Marker, code, space and status, one column of padding: what the codes pane needs for whole codes.
            let wanted = codeWidth > 0 ? codeWidth + 7 : 0
            let inner = width - 4  // four vertical borders
            let sidebarWidth = min(max(width / 5, 18), 28)
            var listWidth = min(max((inner - sidebarWidth) * 45 / 100, 26), max(56, wanted))
            listWidth = max(listWidth, min(wanted, inner - sidebarWidth - 26))
            if focus != .sidebar, width < Self.collapseWidth, wanted > listWidth {
                // The codes would be cut: the vendors pane gives way.
                sidebarCollapsed = true
                let inner = width - 3  // three vertical borders
                let listWidth = focus == .list ? min(max(wanted, 26), inner - 28) : min(max(wanted, 26), inner / 2)
                let panes = Split.columns(frame, widths: [listWidth])
                sidebar = Rect(x: 1, y: 1, width: 0, height: panes[0].height)
                (list, detail) = (panes[0], panes[1])
            } else {
                let panes = Split.columns(frame, widths: [sidebarWidth, listWidth])
                (sidebar, list, detail) = (panes[0], panes[1], panes[2])
            }
        }
    }

    /// The content rectangle of a pane (in the narrow layout every pane has the same one; only the focused
    /// pane is drawn).
    public func rect(for pane: Pane) -> Rect {
        switch pane {
        case .sidebar: return sidebar
        case .list: return list
        case .detail: return detail
        }
    }

    /// The panes drawn when `focus` is focused.
    public func visiblePanes(focus: Pane) -> [Pane] {
        switch kind {
        case .wide: return sidebarCollapsed ? [.list, .detail] : Pane.allCases
        case .narrow: return [focus]
        case .tooSmall: return []
        }
    }

    /// The width available to detail text (one column of padding each side).
    public var detailTextWidth: Int { max(1, detail.width - 2) }
}
