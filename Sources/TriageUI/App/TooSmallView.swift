import TerminalKit

/// What a terminal below the minimum size shows instead of the browser.
enum TooSmallView {
    static func draw(into screen: inout Buffer, glyphs: BoxGlyphs) {
        let width = screen.width
        let needed = "\(BrowserLayout.minimumWidth)x\(BrowserLayout.minimumHeight)"
        var lines: [StyledLine] = [StyledLine("Terminal too small", Theme.warning)]
        let rest = "Triage needs \(needed); this one is \(width)x\(screen.height). Enlarge the window, or press Ctrl-C to quit."
        lines += WordWrap.lines(rest, width: max(1, width)).map { StyledLine($0) }
        let top = max(0, (screen.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < screen.height {
            screen.drawCentered(line, x: 0, y: top + row, width: width, ellipsis: glyphs.ellipsis)
        }
    }
}
