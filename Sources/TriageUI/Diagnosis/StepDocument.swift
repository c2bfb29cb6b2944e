import TriageCore

/// The current step laid out for the step pane at one width: wrapped, styled lines, some of which belong to a
/// target the keyboard can select (an answer of a question, a related code of a conclusion). An ask step has a
/// row for the value field, which the view draws with the text being typed.
struct StepDocument: Hashable, Sendable {
    enum Target: Hashable, Sendable {
        /// Answer `index` (0-based) of the question.
        case answer(Int)
        /// A related code of the conclusion.
        case code(CodeReference)
    }

    struct Line: Hashable, Sendable {
        var text: StyledLine
        /// Index into `targets` when the line belongs to one.
        var target: Int?
    }

    /// The pane title: "Question 3 · TREE TITLE", "Conclusion · TREE TITLE".
    var title: String
    var lines: [Line] = []
    var targets: [Target] = []
    /// The lines of each target.
    var targetLines: [Range<Int>] = []
    /// The row of the value field of an ask step.
    var fieldLine: Int?
}

extension StepDocument {
    /// The document for `screen`'s current step, wrapped to `width` columns.
    init(screen: DiagnosisScreen, width: Int, glyphs: BoxGlyphs) {
        var builder = StepBuilder(width: max(1, width), glyphs: glyphs)
        let catalog = screen.catalog
        guard let step = screen.current else {
            builder.text("This step is no longer in the catalog (node \(screen.session.currentNode) of tree "
                + "\(screen.session.currentTree)).", Theme.warning)
            builder.gap()
            builder.text("b goes back, r restarts the diagnosis, Esc leaves it.", Theme.dim)
            self = builder.finish(title: "Diagnosis")
            return
        }
        let tree = " \(glyphs.dot) " + (catalog.tree(id: step.tree)?.title ?? step.tree)
        let number = step.index + 1
        switch step.kind {
        case let .question(prompt, detail, answers, implied):
            builder.question(prompt: prompt, detail: detail, answers: answers, implied: implied,
                             code: screen.session.code)
            builder.note(step.note)
            self = builder.finish(title: "Question \(number)" + tree)
        case let .ask(prompt, detail, _, secret):
            builder.ask(prompt: prompt, detail: detail, secret: secret, typing: screen.isTyping)
            builder.note(step.note)
            self = builder.finish(title: "Question \(number)" + tree)
        case let .conclusion(conclusion), let .notDetermined(conclusion):
            // The status line may have to shorten a long path; here it is shown whole, to copy.
            if let path = screen.lastSavedPath {
                builder.text("Transcript saved to \(path)", Theme.message)
                builder.gap()
            }
            builder.conclusion(conclusion, tree: catalog.tree(id: step.tree), catalog: catalog)
            builder.note(step.note)
            self = builder.finish(title: "Conclusion" + tree)
        }
    }
}

/// Appends wrapped, styled lines to a step document.
private struct StepBuilder {
    let width: Int
    let glyphs: BoxGlyphs
    var document = StepDocument(title: "")

    func finish(title: String) -> StepDocument {
        var result = document
        result.title = title
        while result.lines.last?.text.plain.isEmpty == true, result.lines.count - 1 != result.fieldLine {
            result.lines.removeLast()
        }
        return result
    }

    mutating func line(_ text: StyledLine, target: Int? = nil) {
        document.lines.append(.init(text: text, target: target))
    }

    /// One empty line, never two in a row or at the top.
    mutating func gap() {
        if let last = document.lines.last, !last.text.plain.isEmpty || document.fieldLine == document.lines.count - 1 {
            line(StyledLine())
        }
    }

    /// Wrapped text; `prefix` starts the first line (in `prefixStyle`) and is the hanging indent of the others.
    mutating func text(_ text: String, _ style: Style = .plain, prefix: String = "", prefixStyle: Style? = nil,
                       target: Int? = nil) {
        for piece in WordWrap.styled(text, width: width, style: style, prefix: prefix, prefixStyle: prefixStyle) {
            line(piece, target: target)
        }
    }

    /// Paragraphs (split at line breaks) separated by one empty line.
    mutating func paragraphs(_ text: String, _ style: Style = .plain) {
        let parts = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (number, part) in parts.enumerated() {
            if number > 0 { line(StyledLine()) }
            self.text(part, style)
        }
    }

    mutating func heading(_ title: String) {
        gap()
        text(title, Theme.heading)
    }

    mutating func beginTarget(_ target: StepDocument.Target) -> Int {
        document.targets.append(target)
        document.targetLines.append(document.lines.count..<document.lines.count)
        return document.targets.count - 1
    }

    mutating func endTarget(_ index: Int) {
        document.targetLines[index] = document.targetLines[index].lowerBound..<document.lines.count
    }

    mutating func note(_ note: String?) {
        guard let note else { return }
        gap()
        text(note, Theme.notice, prefix: "Note: ", prefixStyle: Style(foreground: .yellow, bold: true))
    }

    // MARK: - Kinds of step

    mutating func question(prompt: String, detail: String?, answers: [String], implied: Int?, code: CodeReference?) {
        text(prompt, Theme.code)
        if let detail {
            gap()
            paragraphs(detail)
        }
        gap()
        let digits = String(answers.count).count
        for (index, answer) in answers.enumerated() {
            let target = beginTarget(.answer(index))
            let number = String(index + 1)
            let prefix = " " + String(repeating: " ", count: digits - number.count) + number + " "
            text(answer, prefix: prefix, prefixStyle: Theme.key, target: target)
            if index == implied, let code {
                text("implied by code \(code.code)", Theme.dim, prefix: String(repeating: " ", count: prefix.count),
                     target: target)
            }
            endTarget(target)
        }
    }

    mutating func ask(prompt: String, detail: String?, secret: Bool, typing: Bool) {
        text(prompt, Theme.code)
        if let detail {
            gap()
            paragraphs(detail)
        }
        gap()
        document.fieldLine = document.lines.count
        line(StyledLine())
        if typing {
            text("Typing: letters are text here. Enter submits, Esc leaves the field.", Theme.dim)
        } else {
            text("Enter or i types the value; b goes back, Esc leaves the diagnosis.", Theme.dim)
        }
        if secret {
            text("Secret: masked while you type (Ctrl-R shows it), and [secret] everywhere after this step.",
                 Theme.dim)
        }
    }

    mutating func conclusion(_ conclusion: Conclusion, tree: DecisionTree?, catalog: Catalog) {
        text(conclusion.diagnosis, Theme.code)
        // What to do comes first; why follows.
        heading("Steps")
        let digits = String(conclusion.steps.count).count
        for (index, step) in conclusion.steps.enumerated() {
            let number = String(index + 1)
            text(step, prefix: String(repeating: " ", count: digits - number.count) + number + ". ",
                 prefixStyle: Theme.key)
        }
        if let explanation = conclusion.explanation {
            heading("Why")
            paragraphs(explanation)
        }
        let vendors = tree?.vendors ?? []
        if !conclusion.related.isEmpty {
            heading("Related codes")
            for reference in conclusion.related {
                let name = catalog.vendor(id: reference.vendor)?.name ?? reference.vendor
                var label = StyledLine(vendors == [reference.vendor] ? reference.code : "\(name) \(reference.code)")
                if let entry = catalog.entry(reference) {
                    if let status = entry.httpStatus { label.append("  \(status)", Theme.dim) }
                    if let message = entry.message { label.append("  \(message)", Theme.dim) }
                }
                let target = beginTarget(.code(reference))
                line(StyledLine(glyphs.link + " ", Theme.link) + label, target: target)
                endTarget(target)
            }
        }
        if let escalate = conclusion.escalate {
            let vendor = vendors.count == 1 ? (catalog.vendor(id: vendors[0])?.name ?? vendors[0]) : "the vendor"
            heading("Escalate to \(vendor)")
            if let when = escalate.when { text(when, prefix: "When: ", prefixStyle: Theme.title) }
            if !escalate.include.isEmpty {
                text("Include:", Theme.title)
                for item in escalate.include { text(item, prefix: glyphs.bullet + " ") }
            }
        }
    }
}
