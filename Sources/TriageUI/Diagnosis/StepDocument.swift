import TerminalKit
import TriageCore

/// The current step laid out for the step pane at one width: wrapped, styled lines, some of which belong to a
/// target the keyboard can select (an answer of a question, a related code of a conclusion). An ask step has a
/// row for the value field, which the view draws with the text being typed.
typealias StepDocument = Document<StepTarget>

/// What a selectable part of the step pane is.
enum StepTarget: Hashable, Sendable {
    /// Answer `index` (0-based) of the question.
    case answer(Int)
    /// A related code of the conclusion.
    case code(CodeReference)
}

extension Document where Target == StepTarget {
    /// The document for `screen`'s current step, wrapped to `width` columns.
    init(screen: DiagnosisScreen, width: Int, glyphs: BoxGlyphs) {
        var builder = DocumentBuilder<StepTarget>(width: width, ellipsis: glyphs.ellipsis)
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
                             code: screen.session.code, glyphs: glyphs)
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
            builder.conclusion(conclusion, tree: catalog.tree(id: step.tree), catalog: catalog, glyphs: glyphs)
            builder.note(step.note)
            self = builder.finish(title: "Conclusion" + tree)
        }
    }
}

/// The kinds of step, written into the step pane.
private extension DocumentBuilder where Target == StepTarget {
    mutating func note(_ note: String?) {
        guard let note else { return }
        gap()
        text(note, Theme.notice, prefix: "Note: ", prefixStyle: Style(foreground: .yellow, bold: true))
    }

    // MARK: - Kinds of step

    mutating func question(prompt: String, detail: String?, answers: [String], implied: Int?, code: CodeReference?,
                           glyphs: BoxGlyphs) {
        text(prompt, Theme.code)
        if let detail {
            gap()
            paragraphs(detail)
        }
        gap()
        let digits = String(answers.count).count
        for (index, answer) in answers.enumerated() {
            let number = String(index + 1)
            let prefix = " " + String(repeating: " ", count: digits - number.count) + number + " "
            region(.answer(index)) { lines in
                lines.text(answer, prefix: prefix, prefixStyle: Theme.key)
                if index == implied, let code {
                    lines.text("implied by code \(code.code)", Theme.dim, prefix: String(repeating: " ", count: prefix.count))
                }
            }
        }
    }

    mutating func ask(prompt: String, detail: String?, secret: Bool, typing: Bool) {
        text(prompt, Theme.code)
        if let detail {
            gap()
            paragraphs(detail)
        }
        gap()
        field()
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

    mutating func conclusion(_ conclusion: Conclusion, tree: DecisionTree?, catalog: Catalog, glyphs: BoxGlyphs) {
        text(conclusion.diagnosis, Theme.code)
        // What to do comes first; why follows.
        heading("Steps", Theme.heading)
        let digits = String(conclusion.steps.count).count
        for (index, step) in conclusion.steps.enumerated() {
            let number = String(index + 1)
            text(step, prefix: String(repeating: " ", count: digits - number.count) + number + ". ",
                 prefixStyle: Theme.key)
        }
        if let explanation = conclusion.explanation {
            heading("Why", Theme.heading)
            paragraphs(explanation)
        }
        let vendors = tree?.vendors ?? []
        if !conclusion.related.isEmpty {
            heading("Related codes", Theme.heading)
            for reference in conclusion.related {
                let name = catalog.vendor(id: reference.vendor)?.name ?? reference.vendor
                var label = StyledLine(vendors == [reference.vendor] ? reference.code : "\(name) \(reference.code)")
                if let entry = catalog.entry(reference) {
                    if let status = entry.httpStatus { label.append("  \(status)", Theme.dim) }
                    if let message = entry.message { label.append("  \(message)", Theme.dim) }
                }
                region(.code(reference)) { $0.line(StyledLine(glyphs.link + " ", Theme.link) + label) }
            }
        }
        if let escalate = conclusion.escalate {
            let vendor = vendors.count == 1 ? (catalog.vendor(id: vendors[0])?.name ?? vendors[0]) : "the vendor"
            heading("Escalate to \(vendor)", Theme.heading)
            if let when = escalate.when { text(when, prefix: "When: ", prefixStyle: Theme.title) }
            if !escalate.include.isEmpty {
                text("Include:", Theme.title)
                for item in escalate.include { text(item, prefix: glyphs.bullet + " ") }
            }
        }
    }
}
