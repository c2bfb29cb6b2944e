import Foundation
import TerminalKit

/// A diagnosis as a plain-text dialogue, for dumb terminals, screen readers and scripts: the same questions as
/// the full-screen UI, one after another, answered on input lines.
///
/// A question is answered with its number, an ask step with the value; on either, `?` answers "I can't tell
/// from the ticket", `b` goes back one answered step, `n` sets a note (`n TEXT`, or `n` alone to be asked for
/// it; an empty note removes it) and `q` stops. `presetAnswers` are taken as input lines, in order, before
/// anything is read (they are echoed; secret values masked). Bad input is answered with a short message and
/// asked again. `q` and the end of input stop with a closing line that says where. A secret value is read with
/// `readSecret` when given (the caller turns the terminal's echo off). With `width`, lines are wrapped to it.
/// The output is plain text without colours, and catalog text is made terminal-safe.
public struct LineModeDiagnosis {
    public var catalog: Catalog
    public var session: DiagnosisSession
    public var presetAnswers: [String]
    public var readLine: () -> String?
    /// Reads a secret value without echoing it; nil: `readLine`.
    public var readSecret: (() -> String?)?
    public var write: (String) -> Void
    /// The terminal width to wrap lines to; nil: no wrapping.
    public var width: Int?
    /// Called with the session after every step that changes it (an answer, a value, a note, going back), before
    /// the next question is shown: where the caller saves it.
    public var afterStep: ((DiagnosisSession) -> Void)? = nil

    public init(catalog: Catalog, session: DiagnosisSession, presetAnswers: [String] = [],
                readLine: @escaping () -> String?, readSecret: (() -> String?)? = nil, width: Int? = nil,
                write: @escaping (String) -> Void) {
        self.catalog = catalog
        self.session = session
        self.presetAnswers = presetAnswers
        self.readLine = readLine
        self.readSecret = readSecret
        self.width = width
        self.write = write
    }

    /// Runs the dialogue until a conclusion (which is printed), `q` or the end of input, and returns the session
    /// as it then is (finished or not).
    public func run() -> DiagnosisSession {
        var dialogue = Dialogue(mode: self)
        return dialogue.run()
    }
}

/// One line of input, as the dialogue understands it.
public enum LineCommand: Hashable, Sendable {
    case back
    case quit
    /// `?`: "I can't tell from the ticket".
    case cantTell
    /// `n TEXT`, or `n` alone (nil: ask for the text).
    case note(String?)
    /// An answer number or a value.
    case input(String)

    public init(parsing line: String) {
        let input = line.trimmingCharacters(in: .whitespaces)
        switch input {
        case "q", "Q": self = .quit
        case "b", "B": self = .back
        case "?": self = .cantTell
        case "n", "N": self = .note(nil)
        default:
            if input.hasPrefix("n ") || input.hasPrefix("N ") {
                let text = String(input.dropFirst()).trimmingCharacters(in: .whitespaces)
                self = .note(text.isEmpty ? nil : text)
            } else {
                self = .input(input)
            }
        }
    }

    /// A command rather than an answer (echoed as typed even at a secret step).
    public var isCommand: Bool {
        if case .input = self { return false }
        return true
    }
}

/// The running dialogue: the session, the presets left, and how many path steps have been shown.
private struct Dialogue {
    let mode: LineModeDiagnosis
    var session: DiagnosisSession
    var presets: ArraySlice<String>
    var shown = 0

    init(mode: LineModeDiagnosis) {
        self.mode = mode
        session = mode.session
        presets = mode.presetAnswers[...]
    }

    private var catalog: Catalog { mode.catalog }

    mutating func run() -> DiagnosisSession {
        if let tree = catalog.tree(id: session.tree) { put("\(tree.title)\n") }
        if let code = session.code { put("Started from code \(code).\n") }
        if let evidence = session.evidence { put("Using facts from \(evidence.origin).\n") }
        if let others = session.evidence?.otherCodes, !others.isEmpty {
            put("Also in the paste (this diagnosis follows the code it reports most):\n")
            for line in others { put("  \(line)\n") }
        }
        while true {
            showAutomaticSteps()
            guard let step = session.current(in: catalog) else {
                put("\nThis diagnosis no longer matches the catalog (node '\(session.currentNode)' of tree '\(session.currentTree)'); restart it.\n")
                return session
            }
            if let conclusion = step.conclusion {
                let summary = ConclusionSummary(conclusion, tree: catalog.tree(id: step.tree), catalog: catalog,
                                                presumptions: Presumption.of(session.path))
                put(Self.conclusionText(summary))
                if let note = step.note { put("Note: \(note)\n") }
                if !conclusion.determined {
                    put("\nNot determined: the ticket does not tell the cause. Collect what is listed above"
                        + (conclusion.escalate == nil ? "" : " and ask \(summary.escalationTarget)") + ".\n")
                }
                return session
            }
            show(step)
            switch ask(step) {
            case .moved:
                continue
            case .quit:
                put("Stopped before a conclusion, at step \(session.stepCount + 1): \(step.prompt)\n")
            case .endOfInput:
                put("\nEnd of input: stopped before a conclusion, at step \(session.stepCount + 1): \(step.prompt)\n")
            case .broken:
                break
            }
            return session
        }
    }

    /// Steps taken without asking: implied answers, links, and answers from the evidence.
    private mutating func showAutomaticSteps() {
        for step in session.steps(from: shown) where !step.isAnswered || step.origin != nil {
            switch step.kind {
            case let .link(tree, node): put("\n\(step.prompt) (\(node.map { "\(tree), at \($0)" } ?? tree.rawValue)).\n")
            default: put("\n\(step.prompt)\n  -> \(step.answerText)\n")
            }
        }
        shown = session.stepCount
    }

    private func show(_ step: CurrentStep) {
        switch step.kind {
        case let .question(text, detail, answers, _):
            put("\n\(text)\n")
            if let detail { put(Self.indent(detail) + "\n") }
            for (index, answer) in answers.enumerated() { put("\(index + 1)) \(answer)\n") }
            if step.cantTell != nil { put("?) \(DiagnosisStep.cantTellAnswer)\n") }
        case let .ask(text, detail, _, _):
            put("\n\(text)\n")
            if let detail { put(Self.indent(detail) + "\n") }
            if let expected = step.rules?.expected { put("  Expected: \(expected)\n") }
        case .conclusion, .notDetermined:
            break
        }
        if let note = step.note { put("Note: \(note)\n") }
    }

    /// How asking for one step ended.
    private enum Outcome { case moved, quit, endOfInput, broken }

    /// Asks until the input moves the diagnosis or stops it.
    private mutating func ask(_ step: CurrentStep) -> Outcome {
        let prompt: String
        var secret = false
        switch step.kind {
        case let .question(_, _, answers, _):
            prompt = "answer [1-\(answers.count)\(step.cantTell == nil ? "" : ", ?=can't tell"), b=back, n=note, q=quit]: "
        case let .ask(_, _, _, isSecret):
            let optional = step.rules?.optional == true ? "Enter=skip, " : ""
            if let choices = step.rules?.choices, !choices.isEmpty {
                prompt = "value [\(choices.joined(separator: "/")), \(optional)?=can't tell, b=back, n=note, q=quit]: "
            } else {
                prompt = "value [text, \(optional)?=can't tell, b=back, n=note, q=quit]: "
            }
            secret = isSecret
        case .conclusion, .notDetermined:
            return .moved
        }
        while true {
            put(prompt)
            guard let line = next(secret: secret) else { return .endOfInput }
            switch LineCommand(parsing: line) {
            case .quit:
                return .quit
            case .back:
                if session.back() {
                    mode.afterStep?(session)
                    shown = session.stepCount
                    return .moved
                }
                put("Nothing to go back to.\n")
            case let .note(text):
                var text = text
                if text == nil {
                    put("note (empty removes it): ")
                    guard let line = next(secret: false) else { return .endOfInput }
                    text = line
                }
                session.setNote(text)
                mode.afterStep?(session)
                put(session.note == nil ? "Note removed.\n" : "Note saved.\n")
            case .cantTell:
                do {
                    try session.cantTell(in: catalog)
                    mode.afterStep?(session)
                    return .moved
                } catch DiagnosisError.noCantTell {
                    put("This question has no \"can't tell\" answer; please choose a number.\n")
                } catch {
                    put("Cannot continue: \(error)\n")
                    return .broken
                }
            case let .input(input):
                do {
                    switch step.kind {
                    case let .question(_, _, answers, _):
                        guard let number = Int(input), (1...max(1, answers.count)).contains(number) else {
                            put("Please answer with a number from 1 to \(answers.count)\(step.cantTell == nil ? "" : ", ? if you can't tell"), or b, n or q.\n")
                            continue
                        }
                        try session.choose(number - 1, in: catalog)
                    default:
                        if input.isEmpty, step.rules?.optional != true {
                            put("Please type a value, ? if you can't tell, or b, n or q.\n")
                            continue
                        }
                        try session.provide(input, in: catalog)
                    }
                    mode.afterStep?(session)
                    return .moved
                } catch let error as DiagnosisError {
                    switch error {
                    case .emptyValue, .invalidValue:
                        put("Please try again: \(error).\n")
                    default:
                        put("Cannot continue: \(error)\n")
                        return .broken
                    }
                } catch {
                    put("Cannot continue: \(error)\n")
                    return .broken
                }
            }
        }
    }

    /// The next input line: a preset (echoed, a secret masked) or a line read (a secret without echo).
    private mutating func next(secret: Bool) -> String? {
        if let preset = presets.popFirst() {
            let shown = secret && !LineCommand(parsing: preset).isCommand ? Placeholders.mask(preset) : preset
            put(shown + "\n")
            return preset
        }
        if secret, let readSecret = mode.readSecret {
            let line = readSecret()
            if line != nil { put("\n") }
            return line
        }
        return mode.readLine()
    }

    /// Writes sanitized text, wrapped to the width when there is one (a last line without newline, such as a
    /// prompt, is wrapped too but keeps no newline).
    private func put(_ text: String) {
        let safe = TerminalSafe.sanitize(text)
        guard let width = mode.width, width > 0 else { return mode.write(safe) }
        let lines = safe.split(separator: "\n", omittingEmptySubsequences: false)
        let wrapped = lines.map { line -> String in
            guard line.count > width else { return String(line) }
            let hanging = String(repeating: " ", count: Self.hangingIndent(line))
            let body = WordWrap.lines(String(line.dropFirst(hanging.count)), width: max(10, width - hanging.count))
            return body.enumerated().map { ($0 == 0 ? String(line.prefix(hanging.count)) : hanging) + $1 }
                .joined(separator: "\n")
        }
        mode.write(wrapped.joined(separator: "\n"))
    }

    /// The width of a line's lead-in that continuation lines align under: its spaces, and a list marker
    /// (`1) `, `2. `, `- `, `-> `, `?) `) after them.
    private static func hangingIndent(_ line: Substring) -> Int {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        for marker in ["- ", "-> ", "?) "] where rest.hasPrefix(marker) { return spaces + marker.count }
        let digits = rest.prefix { $0.isNumber }.count
        if digits > 0, digits < 4 {
            let after = rest.dropFirst(digits)
            if after.hasPrefix(") ") || after.hasPrefix(". ") { return spaces + digits + 2 }
        }
        return spaces
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    private static func conclusionText(_ summary: ConclusionSummary) -> String {
        let conclusion = summary.conclusion
        var text = "\n" + (conclusion.determined ? "\(summary.label): \(conclusion.diagnosis)" : summary.headline) + "\n"
        if summary.isPresumed {
            text += "\n\(Presumption.heading):\n"
            for presumption in summary.presumptions { text += "  - \(presumption.line)\n" }
        }
        if let explanation = conclusion.explanation { text += (summary.isPresumed ? "\n" : "") + indent(explanation) + "\n" }
        text += "\n\(summary.stepsHeading):\n"
        for (index, step) in conclusion.steps.enumerated() { text += "  \(index + 1). \(step)\n" }
        if !summary.related.isEmpty {
            text += "\nRelated codes:\n"
            for code in summary.related {
                text += "  \(code.reference)\(code.description.map { ": " + $0 } ?? "")\n"
            }
        }
        if let escalate = conclusion.escalate, let line = summary.escalationLine {
            text += "\n" + line + "\n"
            if !escalate.include.isEmpty {
                text += "Include in the escalation:\n"
                for item in escalate.include { text += "  - \(item)\n" }
            }
        }
        return text
    }
}
