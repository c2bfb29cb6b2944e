import Foundation
import TerminalKit

/// A diagnosis as a plain-text dialogue, for dumb terminals, screen readers and scripts: the same questions as
/// the full-screen UI, one after another, answered on input lines.
///
/// A question is answered with its number, an ask step with the value; on either, `b` goes back one answered
/// step, `n` sets a note (`n TEXT`, or `n` alone to be asked for it; an empty note removes it) and `q` stops.
/// `presetAnswers` are taken as input lines, in order, before anything is read (they are echoed; secret values
/// masked). Bad input is answered with a short message and asked again; the end of input stops cleanly. The
/// output is plain text without colours, and catalog text is made terminal-safe.
public struct LineModeDiagnosis {
    public var catalog: Catalog
    public var session: DiagnosisSession
    public var presetAnswers: [String]
    public var readLine: () -> String?
    public var write: (String) -> Void

    public init(catalog: Catalog, session: DiagnosisSession, presetAnswers: [String] = [],
                readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.catalog = catalog
        self.session = session
        self.presetAnswers = presetAnswers
        self.readLine = readLine
        self.write = write
    }

    /// Runs the dialogue until a conclusion (which is printed), `q` or the end of input, and returns the session
    /// as it then is (finished or not).
    public func run() -> DiagnosisSession {
        var session = session
        var presets = presetAnswers[...]
        func next(secret: Bool) -> String? {
            if let preset = presets.popFirst() {
                put(secret && !Self.isCommand(preset) ? Placeholders.mask(preset) : preset)
                put("\n")
                return preset
            }
            return readLine()
        }

        if let tree = catalog.tree(id: session.tree) { put("\(tree.title)\n") }
        if let code = session.code { put("Started from code \(code).\n") }
        var shown = 0
        while true {
            let path = session.path
            // Steps taken without asking: implied answers and links.
            for step in path.dropFirst(shown) where !step.isAnswered {
                switch step.kind {
                case .link: put("\n\(step.prompt) (\(linkTarget(step))).\n")
                case .question, .ask: put("\n\(step.prompt)\n  -> \(step.answerText)\n")
                }
            }
            shown = path.count

            guard let step = session.current(in: catalog) else {
                put("\nThis diagnosis no longer matches the catalog (node '\(session.currentNode)' of tree '\(session.currentTree)'); restart it.\n")
                return session
            }
            let prompt: String
            let secret: Bool
            switch step.kind {
            case let .conclusion(conclusion):
                put(conclusionText(conclusion, tree: step.tree))
                if let note = step.note { put("Note: \(note)\n") }
                return session
            case let .question(text, detail, answers, _):
                put("\n\(text)\n")
                if let detail { put(indent(detail) + "\n") }
                for (index, answer) in answers.enumerated() { put("\(index + 1)) \(answer)\n") }
                prompt = "answer [1-\(answers.count), b=back, n=note, q=quit]: "
                secret = false
            case let .ask(text, detail, _, isSecret):
                put("\n\(text)\n")
                if let detail { put(indent(detail) + "\n") }
                prompt = "value [text, b=back, n=note, q=quit]: "
                secret = isSecret
            }
            if let note = step.note { put("Note: \(note)\n") }

            // Ask until the input moves the diagnosis.
            asking: while true {
                put(prompt)
                guard let line = next(secret: secret) else {
                    put("\n")
                    return session
                }
                let input = line.trimmingCharacters(in: .whitespaces)
                switch input {
                case "q", "Q":
                    return session
                case "b", "B":
                    if session.back() {
                        shown = session.path.count
                        break asking
                    }
                    put("Nothing to go back to.\n")
                    continue asking
                default:
                    break
                }
                if input == "n" || input == "N" || input.hasPrefix("n ") || input.hasPrefix("N ") {
                    var text = String(input.dropFirst()).trimmingCharacters(in: .whitespaces)
                    if text.isEmpty {
                        put("note (empty removes it): ")
                        guard let line = next(secret: false) else {
                            put("\n")
                            return session
                        }
                        text = line
                    }
                    session.setNote(text)
                    put(session.note == nil ? "Note removed.\n" : "Note saved.\n")
                    continue asking
                }
                do {
                    switch step.kind {
                    case let .question(_, _, answers, _):
                        guard let number = Int(input), (1...answers.count).contains(number) else {
                            put("Please answer with a number from 1 to \(answers.count), or b, n or q.\n")
                            continue asking
                        }
                        try session.choose(number - 1, in: catalog)
                    case .ask:
                        guard !input.isEmpty else {
                            put("Please type a value, or b, n or q.\n")
                            continue asking
                        }
                        try session.provide(input, in: catalog)
                    case .conclusion:
                        return session
                    }
                    break asking
                } catch {
                    put("Cannot continue: \(error)\n")
                    return session
                }
            }
        }
    }

    private static func isCommand(_ input: String) -> Bool {
        let input = input.trimmingCharacters(in: .whitespaces)
        return ["b", "B", "q", "Q", "n", "N"].contains(input) || input.hasPrefix("n ") || input.hasPrefix("N ")
    }

    private func put(_ text: String) { write(TerminalSafe.sanitize(text)) }

    private func linkTarget(_ step: DiagnosisStep) -> String {
        if case let .link(tree, node) = step.kind { return node.map { "\(tree), at \($0)" } ?? tree }
        return step.tree
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    private func conclusionText(_ conclusion: Conclusion, tree: String) -> String {
        var text = "\nDiagnosis: \(conclusion.diagnosis)\n"
        if let explanation = conclusion.explanation { text += indent(explanation) + "\n" }
        text += "\nSteps:\n"
        for (index, step) in conclusion.steps.enumerated() { text += "  \(index + 1). \(step)\n" }
        if !conclusion.related.isEmpty {
            text += "\nRelated codes:\n"
            for code in conclusion.related {
                let description = catalog.entry(code).map { ": " + Transcript.oneLine($0.description) } ?? ""
                text += "  \(code)\(description)\n"
            }
        }
        if let escalate = conclusion.escalate {
            let vendors = catalog.tree(id: tree)?.vendors ?? []
            let target = vendors.count == 1 ? (catalog.vendor(id: vendors[0])?.name ?? vendors[0]) : "the vendor"
            text += "\n" + (escalate.when.map { "Escalate to \(target) when: \($0)" } ?? "Escalate to \(target).") + "\n"
            if !escalate.include.isEmpty {
                text += "Include in the escalation:\n"
                for item in escalate.include { text += "  - \(item)\n" }
            }
        }
        return text
    }
}
