import TerminalKit
import TriageCore

/// The diagnosis screen's last row: which ticket and stored session this is (`ZD-4711 #12`, always, at every
/// width), then the note editor, a message or where you are, and the main keys on the right (the least important
/// dropped first when they do not fit), as the browser's status line does.
enum DiagnosisStatusLine {
    static func draw(into screen: inout Buffer, state: DiagnosisScreen, rect: Rect, glyphs: BoxGlyphs) {
        let width = rect.width
        guard width > 2, rect.height > 0 else { return }
        let y = rect.y
        let editing = state.noteEditor
        let handle = Self.handle(state.recording, glyphs: glyphs)
        let gap = handle.width > 0 ? 2 : 0
        if editing == nil, let message = state.message,
           StatusBar.drawLongMessage(handle.plain + String(repeating: " ", count: gap) + message, style: Theme.message,
                                     x: rect.x, row: y, width: width, maxRows: 3, into: &screen) { return }
        let leftLine = editing == nil ? left(state) : nil
        let leftWant = leftLine?.width ?? (DisplayWidth.of(editing?.input.text ?? "") + 20)
        // The handle is never given up; a message (such as the saved transcript's path) is shown whole, the keys
        // only get what is left; the note editor keeps its room; the breadcrumb gives way to the keys.
        let usable = width - handle.width - gap
        let budget = state.message != nil && editing == nil ? max(0, usable - 4 - leftWant)
            : editing != nil ? max(usable - 4 - leftWant, usable / 3)
            : usable - 4 - min(leftWant, usable / 4)
        let room = StatusBar.draw(into: &screen, x: rect.x, y: y, width: width, hints: hints(state), budget: budget,
                                  ellipsis: glyphs.ellipsis)
        let used = handle.width > 0 ? screen.draw(handle, x: room.x, y: y, width: room.width, ellipsis: glyphs.ellipsis) : 0
        let x = room.x + used + gap
        let rest = max(0, room.width - used - gap)
        if let editing {
            drawNotePrompt(into: &screen, editor: editing, x: x, y: y, width: rest, glyphs: glyphs)
        } else {
            screen.draw(leftLine ?? StyledLine(), x: x, y: y, width: rest, ellipsis: glyphs.ellipsis)
        }
    }

    /// The ticket (at most 16 columns) and the stored session (`ZD-4711 #12`; `#12` without a ticket, the ticket
    /// alone before the first answer stores it); empty when there is neither.
    static func handle(_ recording: SessionRecording, glyphs: BoxGlyphs) -> StyledLine {
        var line = StyledLine()
        if let ticket = recording.ticket {
            let text = StyledLine(ticket, Theme.title)
            line = text.width > 16 ? text.fitted(to: 16, ellipsis: glyphs.ellipsis) : text
        }
        if let id = recording.id { line = line + StyledLine((line.width > 0 ? " " : "") + "#\(id)", Theme.key) }
        return line
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
