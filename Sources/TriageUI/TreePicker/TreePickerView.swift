import TerminalKit
import TriageCore

/// Where the tree picker's box goes in an area: centred, as wide as useful, tall enough for the trees and the
/// selected tree's summary (three lines) when there is room.
struct TreePickerBox {
    let frame: Rect
    /// Rows for the list of trees.
    let listRows: Int
    /// Rows for the summary under the list (0 when the box is too short).
    let summaryRows: Int

    static let summaryLines = 3

    init(picker: TreePicker, area: Rect) {
        let width = min(max(0, area.width - 4), 90)
        let available = max(0, area.height - 1 - 2)  // the status line stays visible; two borders
        let wantedList = max(1, picker.trees.count)
        let summary = available >= wantedList + Self.summaryLines + 1 || available >= 8 ? Self.summaryLines + 1 : 0
        let list = max(1, min(wantedList, available - summary))
        let height = min(area.height - 1, list + summary + 2)
        frame = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - 1 - height) / 2),
                     width: width, height: height)
        listRows = max(1, min(list, height - 2))
        summaryRows = max(0, height - 2 - listRows - 1)
    }
}

extension TreePicker {
    /// Draws the picker as a box centred over the area (x, y, width, height), usually the whole terminal; the
    /// area's last row (the status line) is left alone.
    public func draw(into screen: inout Buffer, x: Int, y: Int, width: Int, height: Int, context: RenderContext) {
        var picker = self
        if picker.width != width || picker.height != height { picker.resize(width: width, height: height) }
        let glyphs = BoxGlyphs.forContext(context)
        let box = TreePickerBox(picker: picker, area: Rect(x: x, y: y, width: width, height: height))
        let frame = box.frame
        guard frame.width >= 8, frame.height >= 3 else { return }
        let footer = picker.filter.text.isEmpty ? "Type to filter  Enter start  Esc close"
            : "Filter: \(TerminalSafe.sanitize(picker.filter.text, keepNewlines: false))  Esc clear"
        Modal.draw(into: &screen, frame: frame, title: picker.title, titleStyle: Theme.focusedTitle,
                   footer: picker.message ?? footer, footerStyle: picker.message == nil ? Theme.dim : Theme.message,
                   border: Theme.border, glyphs: glyphs)
        let inner = frame.width - 4
        if picker.trees.isEmpty {
            let empty = picker.allTrees.isEmpty ? "No decision trees in the catalog." : "No tree matches the filter."
            screen.draw(StyledLine(empty, Theme.dim), x: frame.x + 2, y: frame.y + 1,
                        width: inner, ellipsis: glyphs.ellipsis)
            return
        }
        let digits = String(picker.trees.count).count
        let list = Rect(x: frame.x + 1, y: frame.y + 1, width: frame.width - 2, height: box.listRows)
        ListView.draw(into: &screen, rect: list, cursor: picker.cursor, count: picker.trees.count, focused: true,
                      textWidth: inner + 1, ellipsis: glyphs.ellipsis) { index, selected in
            guard let tree = picker.catalog.tree(id: picker.trees[index]) else { return StyledLine() }
            let number = index < 9 ? String(index + 1) : ""
            var line = StyledLine(selected ? glyphs.marker : " ", Theme.key)
            line.append(String(repeating: " ", count: digits - number.count) + number + " ", Theme.key)
            let count = "\(tree.codes.count) code\(tree.codes.count == 1 ? "" : "s")"
            let titleWidth = max(1, inner - line.width - DisplayWidth.of(count) - 2)
            line = line + StyledLine(tree.title).fitted(to: titleWidth, ellipsis: glyphs.ellipsis)
            line.append("  " + count, Theme.dim)
            return line
        }
        guard box.summaryRows > 0, let id = picker.selectedTree, let tree = picker.catalog.tree(id: id) else { return }
        let top = frame.y + 1 + box.listRows
        Frame.horizontalDivider(row: top, x: frame.x, width: frame.width, glyphs: glyphs, style: Theme.border, into: &screen)
        let vendors = tree.vendors.map { picker.catalog.vendor(id: $0)?.name ?? $0 }.joined(separator: ", ")
        let codes = tree.codes.map { tree.vendors == [$0.vendor] ? $0.code : $0.description }.joined(separator: ", ")
        let room = max(1, box.summaryRows - 1)
        var summary = WordWrap.lines(tree.summary ?? "Diagnoses \(codes).", width: inner)
        if summary.count > room {
            summary = Array(summary.prefix(room))
            let last = StyledLine(summary[room - 1] + " " + glyphs.ellipsis)
            summary[room - 1] = last.cut(to: inner, glyphs: glyphs).plain
        }
        let lines = summary.map { StyledLine($0) } + [StyledLine("\(vendors) \(glyphs.dot) \(tree.id)", Theme.dim)]
        for (row, line) in lines.prefix(box.summaryRows).enumerated() {
            screen.draw(line, x: frame.x + 2, y: top + 1 + row, width: inner, ellipsis: glyphs.ellipsis)
        }
    }
}
