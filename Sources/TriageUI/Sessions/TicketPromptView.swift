import TerminalKit

/// The ticket prompt (`T`) over the last row: "Ticket: ZD-4711" with the cursor after it.
enum TicketPromptView {
    static func draw(_ field: TextField, into screen: inout Buffer, width: Int, height: Int, glyphs: BoxGlyphs) {
        guard height > 0, width > 12 else { return }
        let y = height - 1
        screen.fill(x: 0, y: y, width: width, height: 1)
        var line = StyledLine(" Ticket: ", Theme.searchPrompt)
        let (shown, cut) = StatusBar.tail(field.text, room: width - line.width - 28)
        if cut { line.append(glyphs.ellipsis, Theme.dim) }
        line.append(shown)
        let used = screen.draw(line, x: 0, y: y, width: width - 26, ellipsis: glyphs.ellipsis)
        screen.cursor = (x: used, y: y)
        let hint = StyledLine("Enter", Theme.key) + StyledLine(" set  ") + StyledLine("Esc", Theme.key) + StyledLine(" cancel")
        screen.draw(hint, x: width - 1 - hint.width, y: y, width: hint.width, ellipsis: glyphs.ellipsis)
    }
}
