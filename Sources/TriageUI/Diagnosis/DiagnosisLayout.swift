import TerminalKit

/// Where the parts of the diagnosis screen go for an area (the whole terminal).
///
/// - `sideBySide` (100 columns and more): the path | the current step, framed with a shared border.
/// - `stacked` (narrower): the path above the step in one frame, split by a divider row. The path pane is short
///   (a quarter of the rows, one line per step) and grows to half the rows while it has the focus. Without any
///   path yet the step takes the whole frame.
/// - `single` (too short to stack): one pane, the focused one, fills the frame.
///
/// Pane rectangles are the content inside the borders; the status line is the area's last row.
struct DiagnosisLayout: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case sideBySide, stacked, single }

    /// From this width on, path and step are side by side.
    static let sideBySideWidth = 100
    /// The fewest rows the step pane keeps under a stacked path.
    static let minimumStepRows = 6

    var kind: Kind
    var area: Rect
    /// Content rectangles; `.zero` when the pane is not shown.
    var path: Rect
    var step: Rect
    var status: Rect
    /// The row of the top and bottom borders.
    var top: Int
    var bottom: Int

    /// `compactPathLines` is the path's height in one-line-per-step form, `fullPathLines` with every step
    /// wrapped (both for the stacked text width, `area.width - 4`).
    init(area: Rect, compactPathLines: Int, fullPathLines: Int, hasPath: Bool, pathFocused: Bool) {
        self.area = area
        top = area.y
        bottom = area.y + max(0, area.height - 2)
        status = Rect(x: area.x, y: area.y + max(0, area.height - 1), width: area.width,
                      height: area.height > 0 ? 1 : 0)
        let contentHeight = max(0, area.height - 3)
        // Everything but the status line is one frame the panes share borders in.
        let frame = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        let full = Split.columns(frame, widths: [])[0]
        if area.width >= Self.sideBySideWidth {
            kind = .sideBySide
            let pathWidth = min(max((area.width - 3) * 35 / 100, 30), 50)
            let panes = Split.columns(frame, widths: [pathWidth])
            (path, step) = (panes[0], panes[1])
            return
        }
        let wanted = pathFocused
            ? min(max(2, contentHeight / 2), max(fullPathLines, compactPathLines))
            : min(compactPathLines, max(2, contentHeight / 4))
        if !hasPath {
            kind = .stacked
            path = .zero
            step = full
        } else if contentHeight - wanted - 1 >= Self.minimumStepRows {
            kind = .stacked
            let panes = Split.rows(frame, heights: [wanted])
            (path, step) = (panes[0], panes[1])
        } else {
            kind = .single
            path = pathFocused ? full : .zero
            step = pathFocused ? .zero : full
        }
    }

    /// The row between a stacked path and the step.
    var divider: Int? { kind == .stacked && path.height > 0 ? path.y + path.height : nil }

    /// Text width inside a pane (one column of padding each side).
    static func textWidth(_ rect: Rect) -> Int { max(1, rect.width - 2) }
}
