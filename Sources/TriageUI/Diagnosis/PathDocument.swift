import TerminalKit
import TriageCore

/// The path so far laid out for the path pane: each step taken (question and answer, a typed value, a jump into
/// another tree) with its note. In full form every entry is wrapped; in compact form (the stacked layout of
/// narrower terminals) each entry takes one line, question cut before the answer, except the `expanded` one.
typealias PathDocument = Document<Int>

extension Document where Target == Int {
    /// The path's document: one region per step (its index into `DiagnosisSession.path`).
    init(steps: [DiagnosisStep], width: Int, compact: Bool, expanded: Int?, glyphs: BoxGlyphs) {
        var builder = DocumentBuilder<Int>(width: width, ellipsis: glyphs.ellipsis)
        let width = builder.width
        guard !steps.isEmpty else {
            builder.line(StyledLine("No answers yet.", Theme.dim))
            self = builder.finish()
            return
        }
        let digits = String(steps.count).count
        for step in steps {
            let number = String(step.index + 1)
            let prefix = " " + String(repeating: " ", count: digits - number.count) + number + " "
            builder.region(step.index) { lines in
                if compact, step.index != expanded {
                    lines.line(Self.compact(step, prefix: prefix, width: width, glyphs: glyphs))
                    if let note = step.note {
                        let indent = String(repeating: " ", count: prefix.count)
                        let text = StyledLine(indent + "Note: " + note.oneLine, Theme.notice)
                        lines.line(text.cut(to: width, glyphs: glyphs))
                    }
                } else {
                    for text in Self.full(step, prefix: prefix, width: width) { lines.line(text) }
                }
            }
        }
        self = builder.finish()
    }

    /// Question (dim), answer (bold), the code that implied it, the note; wrapped under the step number.
    private static func full(_ step: DiagnosisStep, prefix: String, width: Int) -> [StyledLine] {
        let indent = String(repeating: " ", count: prefix.count)
        var result: [StyledLine] = []
        func add(_ text: String, _ style: Style, first: String? = nil, firstStyle: Style? = nil) {
            result += WordWrap.styled(text, width: width, style: style, prefix: first ?? indent, prefixStyle: firstStyle,
                                      indent: indent)
        }
        switch step.kind {
        case let .link(tree, _):
            add("Continued in tree \(step.answer) (\(tree))", Theme.dim, first: prefix, firstStyle: Theme.key)
        case .question, .ask, .cantTell, .unknownValue:
            add(step.prompt, Theme.dim, first: prefix, firstStyle: Theme.key)
            add(step.answer, Theme.code)
            if let code = step.impliedBy { add("implied by code \(code.code)", Theme.dim) }
        }
        if let note = step.note { add(note, Theme.notice, first: indent + "Note: ") }
        return result
    }

    /// One line: number, question cut to leave room for the answer, arrow, answer.
    private static func compact(_ step: DiagnosisStep, prefix: String, width: Int, glyphs: BoxGlyphs) -> StyledLine {
        let head = StyledLine(prefix, Theme.key)
        if case let .link(tree, _) = step.kind {
            let text = StyledLine("Continued in tree \(step.answer) (\(tree))", Theme.dim)
            return (head + text).cut(to: width, glyphs: glyphs)
        }
        let question = StyledLine(step.prompt.oneLine, Theme.dim)
        let arrow = StyledLine(" \(glyphs.link) ", Theme.dim)
        var answer = StyledLine(step.answer.oneLine, Theme.code)
        if step.isImplied { answer.append(" (implied by the code)", Theme.dim) }
        let room = width - head.width - arrow.width
        guard room > 2 else { return (head + answer).cut(to: width, glyphs: glyphs) }
        if question.width + answer.width <= room { return head + question + arrow + answer }
        // The answer matters most: it keeps at least half the room, and all of it the question does not need.
        let answerRoom = min(answer.width, max(room / 2, room - question.width))
        let questionRoom = room - answerRoom
        return head + question.cut(to: questionRoom, glyphs: glyphs) + arrow
            + answer.cut(to: answerRoom, glyphs: glyphs)
    }

}
