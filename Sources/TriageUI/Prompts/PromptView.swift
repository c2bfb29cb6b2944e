import TerminalKit

/// A prompt over the last row: the question (and the field being typed, with the cursor in it) on the left,
/// its keys from `Prompt.keys` on the right.
enum PromptView {
    static func draw(_ prompt: Prompt, into screen: inout Buffer, width: Int, height: Int, glyphs: BoxGlyphs) {
        guard height > 0, width > 12 else { return }
        let y = height - 1
        screen.fill(x: 0, y: y, width: width, height: 1)
        let hints = StatusBar.fit(StatusBar.hints(prompt.keys, for: prompt, keyStyle: Theme.key), in: max(0, width / 3))
        let room = width - 2 - (hints.width > 0 ? hints.width + 2 : 0)
        var line = StyledLine(" " + prompt.text, Theme.searchPrompt)
        if let field = prompt.field {
            let (shown, cut) = StatusBar.tail(field.text, room: max(1, room - line.width - 1))
            if cut { line.append(glyphs.ellipsis, Theme.dim) }
            line.append(shown)
        }
        let used = screen.draw(line, x: 0, y: y, width: max(0, room), ellipsis: glyphs.ellipsis)
        if prompt.field != nil { screen.cursor = (x: used, y: y) }
        if hints.width > 0 { screen.draw(hints, x: width - 1 - hints.width, y: y, width: hints.width, ellipsis: glyphs.ellipsis) }
    }
}
