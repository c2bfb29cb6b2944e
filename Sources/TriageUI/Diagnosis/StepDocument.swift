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
    /// The question's last row, "0 I can't tell from the ticket".
    case cantTell
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
        let tree = " \(glyphs.dot) " + (catalog.tree(id: step.tree)?.title ?? step.tree.rawValue)
        let number = step.index + 1
        switch step.kind {
        case let .question(prompt, detail, answers, implied):
            builder.question(prompt: prompt, detail: detail, answers: answers, implied: implied,
                             code: screen.session.code, cantTell: step.cantTell != nil, glyphs: glyphs)
            builder.note(step.note)
            self = builder.finish(title: "Question \(number)" + tree)
        case let .ask(prompt, detail, _, secret):
            builder.ask(prompt: prompt, detail: detail, secret: secret, typing: screen.isTyping, rules: step.rules)
            builder.note(step.note)
            self = builder.finish(title: "Question \(number)" + tree)
        case let .conclusion(conclusion), let .notDetermined(conclusion):
            if screen.showingReply {
                builder.reply(DiagnosisReply(session: screen.session, catalog: catalog))
                self = builder.finish(title: "Reply for the ticket" + tree)
                return
            }
            // The status line may have to shorten a long path; here it is shown whole, to copy.
            if let path = screen.lastSavedPath {
                builder.text("Transcript saved to \(path)", Theme.message)
                builder.gap()
            }
            let determined: Bool
            if case .conclusion = step.kind { determined = true } else { determined = false }
            let presumptions = Presumption.of(screen.session.path)
            builder.conclusion(conclusion, tree: catalog.tree(id: step.tree), catalog: catalog, presumptions: presumptions,
                               glyphs: glyphs)
            builder.note(step.note)
            let title = !determined ? "Not determined" : presumptions.isEmpty ? "Conclusion" : "Presumed conclusion"
            self = builder.finish(title: title + tree)
        }
    }
}

/// The kinds of step, written into the step pane.
private extension DocumentBuilder where Target == StepTarget {
    /// `r` at a conclusion: the reply for the customer and the internal note, as `c` copies them.
    mutating func reply(_ reply: DiagnosisReply?) {
        guard let reply else {
            text("This conclusion has no reply in the catalog; y copies the transcript.", Theme.warning)
            return
        }
        heading("Reply to the customer", Theme.heading)
        paragraphs(reply.customer)
        heading("Internal note", Theme.heading)
        paragraphs(reply.internalNote)
        gap()
        text("c copies both; r shows the conclusion again.", Theme.dim)
    }

    mutating func note(_ note: String?) {
        guard let note else { return }
        gap()
        text(note, Theme.notice, prefix: "Note: ", prefixStyle: Style(foreground: .yellow, bold: true))
    }

    // MARK: - Kinds of step

    mutating func question(prompt: String, detail: String?, answers: [String], implied: Int?, code: CodeReference?,
                           cantTell: Bool, glyphs: BoxGlyphs) {
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
        if cantTell {
            let prefix = " " + String(repeating: " ", count: digits - 1) + "0 "
            region(.cantTell) { $0.text(DiagnosisStep.cantTellAnswer, Theme.dim, prefix: prefix, prefixStyle: Theme.key) }
        }
    }

    mutating func ask(prompt: String, detail: String?, secret: Bool, typing: Bool, rules: ValueRules?) {
        text(prompt, Theme.code)
        if let detail {
            gap()
            paragraphs(detail)
        }
        gap()
        if let choices = rules?.choices, !choices.isEmpty {
            let digits = String(choices.count).count
            for (index, choice) in choices.enumerated() {
                let number = String(index + 1)
                text(choice, prefix: " " + String(repeating: " ", count: digits - number.count) + number + " ",
                     prefixStyle: Theme.key)
            }
            text("Type a number or a choice, then Enter.", Theme.dim)
        } else if let expected = rules?.expected {
            text("Expected: \(expected)", Theme.dim)
        }
        field()
        text("Ctrl-T: I can't tell from the ticket" + (rules?.optional == true ? " (or Enter on an empty field)" : ""),
             Theme.dim)
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

    mutating func conclusion(_ conclusion: Conclusion, tree: DecisionTree?, catalog: Catalog,
                             presumptions: [Presumption], glyphs: BoxGlyphs) {
        let summary = ConclusionSummary(conclusion, tree: tree, catalog: catalog, presumptions: presumptions)
        text(summary.headline, Theme.code)
        // Before what to do: which branches were taken without a fact, and what confirms them.
        if summary.isPresumed {
            heading(Presumption.heading, Theme.warning)
            for presumption in summary.presumptions { text(presumption.line, prefix: glyphs.bullet + " ") }
        }
        // What to do (or, when the cause was not determined, what to collect) comes first; why follows.
        heading(summary.stepsHeading, Theme.heading)
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
        if !summary.related.isEmpty {
            heading("Related codes", Theme.heading)
            for code in summary.related {
                let label = RelatedCodeLabel.line(code.reference, catalog: catalog, besides: tree?.vendors ?? [])
                region(.code(code.reference)) { $0.line(StyledLine(glyphs.link + " ", Theme.link) + label) }
            }
        }
        if let escalate = conclusion.escalate {
            heading("Escalate to \(summary.escalationTarget)", Theme.heading)
            if let when = escalate.when { text(when, prefix: "When: ", prefixStyle: Theme.title) }
            if !escalate.include.isEmpty {
                text("Include:", Theme.title)
                for item in escalate.include { text(item, prefix: glyphs.bullet + " ") }
            }
        }
    }
}
