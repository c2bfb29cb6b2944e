/// Walks an example ticket through its tree as an engineer would, answer by answer, and says whether it reached
/// the expected conclusion.
public enum ExampleRunner {
    /// The outcome of one example.
    public struct Result: Hashable, Sendable {
        public var example: ExampleTicket
        /// The conclusion node reached, if any.
        public var reached: NodeID?
        /// The answers taken before the walk ended (at a conclusion, a refused answer, or the last answer).
        public var answersUsed: Int
        /// Why the example failed; nil when it reached its conclusion with every answer used.
        public var problem: String?
        /// The diagnosis as the walk left it (nil when it could not start), e.g. to fill the conclusion's reply.
        public var session: DiagnosisSession?

        public var passed: Bool { problem == nil }

        /// `file:line: expected conclusion X, reached Y after N answers` (or the problem), nil when passed.
        public var message: String? { problem.map { "\(example.location.file):\(example.location.line): \($0)" } }
    }

    /// Walks `example`; a `paste` example is first explained with `searcher` (one is built when nil).
    public static func run(_ example: ExampleTicket, in catalog: Catalog, searcher: Searcher? = nil) -> Result {
        var result = Result(example: example, reached: nil, answersUsed: 0, problem: nil)
        var session: DiagnosisSession
        var pasted: String?
        do {
            if let paste = example.paste {
                let explanation = Explainer.explain(PasteInput(text: paste), searcher: searcher ?? Searcher(catalog: catalog))
                let problem = pasteProblem(example, explanation, in: catalog)
                guard problem == nil, let code = explanation.recognised?.reference else {
                    result.problem = problem
                    return result
                }
                session = try start(example, code: code, from: explanation, in: catalog)
                pasted = explanation.maskedText
            } else {
                let code = example.startCode(in: catalog)
                if let tree = example.tree {
                    session = try DiagnosisSession.start(tree: tree, from: code, evidence: example.evidence, in: catalog)
                } else if let code {
                    session = try DiagnosisSession.start(code: code, evidence: example.evidence, in: catalog)
                } else {
                    result.problem = "example '\(example.name)' names no tree and no known code to start from"
                    return result
                }
            }
        } catch {
            result.problem = "example '\(example.name)' cannot start: \(error)"
            return result
        }
        for answer in example.answers {
            guard !session.isFinished, let step = session.current(in: catalog) else { break }
            let number = result.answersUsed + 1
            do {
                switch (answer, step.kind) {
                case (.cantTell, _):
                    try session.cantTell(in: catalog)
                case let (.text(text), .question(_, _, answers, _)):
                    guard let index = Int(text), (1...max(1, answers.count)).contains(index) else {
                        result.problem = "expected conclusion \(example.expect), but answer \(number) '\(text)' is not an answer of question '\(step.node)' (1-\(answers.count) or cant_tell)"
                        return result
                    }
                    try session.choose(index - 1, in: catalog)
                case let (.text(text), _):
                    if let pasted, let problem = reasked(text, at: step, number: number, paste: pasted, in: catalog) {
                        result.problem = problem
                        return result
                    }
                    try session.provide(text, in: catalog)
                }
            } catch {
                result.problem = "expected conclusion \(example.expect), but answer \(number) '\(answer)' was refused at '\(step.node)': \(error)"
                return result
            }
            result.answersUsed = number
        }
        let answers = "\(result.answersUsed) answer\(result.answersUsed == 1 ? "" : "s")"
        guard session.isFinished else {
            result.problem = "expected conclusion \(example.expect), reached no conclusion (stopped at '\(session.currentNode)') after \(answers)"
            return result
        }
        result.reached = session.currentNode
        result.session = session
        if session.currentNode != example.expect {
            result.problem = "expected conclusion \(example.expect), reached \(session.currentNode) after \(answers)"
        } else if result.answersUsed < example.answers.count {
            let left = example.answers.count - result.answersUsed
            result.problem = "expected conclusion \(example.expect), reached \(session.currentNode) after \(answers), with \(left) answer\(left == 1 ? "" : "s") left over"
        }
        return result
    }

    /// Why a paste example cannot start: explain points to no single code, to another code than `code`, or misses
    /// a fact `evidence` lists.
    private static func pasteProblem(_ example: ExampleTicket, _ explanation: Explanation, in catalog: Catalog) -> String? {
        guard let recognised = explanation.recognised?.reference else {
            let fits = explanation.candidates.prefix(3).map(\.reference.description).joined(separator: ", ")
            return "the paste does not point to one code" + (fits.isEmpty ? "" : " (it fits \(fits))")
        }
        if example.code != nil, let expected = example.startCode(in: catalog), expected != recognised {
            return "the paste is explained as \(recognised), expected \(expected)"
        }
        for (key, value) in (example.evidence?.values ?? [:]).sorted(by: { $0.key < $1.key }) {
            let found = explanation.evidence[key]
            if found != value {
                return "the paste should give \(key.rawValue) '\(value)', explain found " + (found.map { "'\($0)'" } ?? "none")
            }
        }
        return nil
    }

    /// The diagnosis `diagnose --from` starts for the explained paste: its code, in `tree` when the example names
    /// one, with the paste's evidence and the masked paste attached.
    private static func start(_ example: ExampleTicket, code: CodeReference, from explanation: Explanation,
                              in catalog: Catalog) throws -> DiagnosisSession {
        var session: DiagnosisSession
        if let tree = example.tree {
            let diagnosed = DiagnosisSession.trees(for: code, in: catalog).contains { $0.id == tree }
            session = try DiagnosisSession.start(tree: tree, from: diagnosed ? code : nil, evidence: explanation.evidence, in: catalog)
        } else {
            session = try DiagnosisSession.start(code: code, evidence: explanation.evidence, in: catalog)
        }
        session.attachPaste(explanation.maskedText)
        return session
    }

    /// A value the engineer types at an ask a paste can fill although the paste holds it: explain did not take
    /// it, so the engineer is asked again. An ask can be filled when it names an `evidence:` key, or when a vendor
    /// of its tree maps evidence to its variable (`values:` in the vendor file's `explain:`).
    private static func reasked(_ text: String, at step: CurrentStep, number: Int, paste: String, in catalog: Catalog) -> String? {
        guard let tree = catalog.tree(id: step.tree), case let .ask(ask)? = tree[node: step.node]?.kind else { return nil }
        let fillable = ask.evidence?.rawValue ?? tree.vendors.lazy.compactMap { vendor in
            catalog.vendor(id: vendor)?.explain.values.first { $0.value.contains(ask.variable) }?.key
        }.first
        guard let name = fillable else { return nil }
        let value = text.trimmingCharacters(in: .whitespaces)
        guard value.count >= 3, paste.range(of: value, options: .caseInsensitive) != nil else { return nil }
        return "answer \(number) types '\(value)' at '\(step.node)', but the paste already gives it: \(name) should be filled from the paste"
    }
}
