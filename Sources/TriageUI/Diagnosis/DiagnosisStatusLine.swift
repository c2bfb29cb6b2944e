import TerminalKit
import TriageCore

/// The diagnosis screen's last row: the note editor, a message or where you are on the left, the main keys on
/// the right (the least important dropped first when they do not fit), as the browser's status line does.
enum DiagnosisStatusLine {
    static func draw(into screen: inout Buffer, state: DiagnosisScreen, rect: Rect, glyphs: BoxGlyphs) {
        let width = rect.width
        guard width > 2, rect.height > 0 else { return }
        let y = rect.y
        let editing = state.noteEditor
        if editing == nil, let message = state.message,
           StatusBar.drawLongMessage(message, style: Theme.message, x: rect.x, row: y, width: width, maxRows: 3,
                                     into: &screen) { return }
        let leftLine = editing == nil ? left(state) : nil
        let leftWant = leftLine?.width ?? (DisplayWidth.of(editing?.input.text ?? "") + 20)
        // A message (such as the saved transcript's path) is shown whole, the keys only get what is left; the note
        // editor keeps its room; the breadcrumb gives way to the keys.
        let budget = state.message != nil && editing == nil ? max(0, width - 4 - leftWant)
            : editing != nil ? max(width - 4 - leftWant, width / 3)
            : width - 4 - min(leftWant, width / 4)
        let room = StatusBar.draw(into: &screen, x: rect.x, y: y, width: width, hints: hints(state), budget: budget,
                                  ellipsis: glyphs.ellipsis)
        if let editing {
            drawNotePrompt(into: &screen, editor: editing, x: room.x, y: y, width: room.width, glyphs: glyphs)
        } else {
            screen.draw(leftLine ?? StyledLine(), x: room.x, y: y, width: room.width, ellipsis: glyphs.ellipsis)
        }
    }

    /// "Note on step 3: text" with the cursor where it is edited; a long note shows the part around it.
    private static func drawNotePrompt(into screen: inout Buffer, editor: DiagnosisScreen.NoteEditor, x: Int, y: Int,
                                       width: Int, glyphs: BoxGlyphs) {
        let label = StyledLine("Note on step \(editor.step + 1): ", Theme.searchPrompt)
        guard width > label.width + 2 else { return }
        let window = editor.input.window(room: width - label.width)
        var line = label
        if window.cutBefore { line.append(glyphs.ellipsis, Theme.dim) }
        line.append(window.text)
        if window.cutAfter { line.append(glyphs.ellipsis, Theme.dim) }
        screen.draw(line, x: x, y: y, width: width, ellipsis: glyphs.ellipsis)
        let used = label.width + (window.cutBefore ? 1 : 0) + window.cursorColumn
        screen.cursor = (x: x + used, y: y)
    }

    private static func left(_ state: DiagnosisScreen) -> StyledLine {
        if let message = state.message { return StyledLine(message, Theme.message) }
        // The frame names the tree; the status line names the code it started from.
        if let code = state.session.code { return StyledLine(code.code) }
        return StyledLine("Diagnosis")
    }

    /// Key hints in display order, with their importance (0 first), from the table the next key goes to.
    static func hints(_ state: DiagnosisScreen?) -> [(line: StyledLine, priority: Int)] {
        guard let state else { return [] }
        return StatusBar.hints(state.activeKeys, for: state, keyStyle: Theme.key)
    }
}
