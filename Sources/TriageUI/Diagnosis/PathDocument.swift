import TriageCore

/// The path so far laid out for the path pane: each step taken (question and answer, a typed value, a jump into
/// another tree) with its note. In full form every entry is wrapped; in compact form (the stacked layout of
/// narrower terminals) each entry takes one line, question cut before the answer, except the `expanded` one.
struct PathDocument: Hashable, Sendable {
    struct Line: Hashable, Sendable {
        var text: StyledLine
        /// The path step (index into `DiagnosisSession.path`) the line belongs to.
        var entry: Int?
    }

    var lines: [Line] = []
    /// The lines of each step.
    var entryLines: [Range<Int>] = []

    init(steps: [DiagnosisStep], width: Int, compact: Bool, expanded: Int?, glyphs: BoxGlyphs) {
        let width = max(1, width)
        guard !steps.isEmpty else {
            lines = [Line(text: StyledLine("No answers yet.", Theme.dim), entry: nil)]
            return
        }
        let digits = String(steps.count).count
        for step in steps {
            let start = lines.count
            let number = String(step.index + 1)
            let prefix = " " + String(repeating: " ", count: digits - number.count) + number + " "
            if compact, step.index != expanded {
                let line = Self.compact(step, prefix: prefix, width: width, glyphs: glyphs)
                lines.append(Line(text: line, entry: step.index))
                if let note = step.note {
                    let indent = String(repeating: " ", count: prefix.count)
                    let text = StyledLine(indent + "Note: " + Self.oneLine(note), Theme.notice)
                    lines.append(Line(text: text.cut(to: width, glyphs: glyphs), entry: step.index))
                }
            } else {
                for text in Self.full(step, prefix: prefix, width: width) {
                    lines.append(Line(text: text, entry: step.index))
                }
            }
            entryLines.append(start..<lines.count)
        }
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
        let question = StyledLine(oneLine(step.prompt), Theme.dim)
        let arrow = StyledLine(" \(glyphs.link) ", Theme.dim)
        var answer = StyledLine(oneLine(step.answer), Theme.code)
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

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
