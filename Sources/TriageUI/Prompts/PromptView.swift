import TerminalKit

/// A prompt over the last row: the question (and the field being typed, with the cursor in it) on the left,
/// its keys from `Prompt.keys` on the right.
enum PromptView {
    static func draw(_ prompt: Prompt, into screen: inout Buffer, width: Int, height: Int, glyphs: BoxGlyphs) {
        guard height > 0, width > 12 else { return }
        let y = height - 1
        screen.fill(x: 0, y: y, width: width, height: 1)
        let room = StatusBar.draw(into: &screen, x: 0, y: y, width: width,
                                  hints: StatusBar.hints(prompt.keys, for: prompt, keyStyle: Theme.key), budget: width / 3,
                                  ellipsis: glyphs.ellipsis)
        var line = StyledLine(prompt.text, Theme.searchPrompt)
        if let field = prompt.field {
            let (shown, cut) = StatusBar.tail(field.text, room: max(1, room.width - line.width - 1))
            if cut { line.append(glyphs.ellipsis, Theme.dim) }
            line.append(shown)
        }
        let used = screen.draw(line, x: room.x, y: y, width: room.width, ellipsis: glyphs.ellipsis)
        if prompt.field != nil { screen.cursor = (x: room.x + used, y: y) }
    }
}
