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

    public static func run(_ example: ExampleTicket, in catalog: Catalog) -> Result {
        var result = Result(example: example, reached: nil, answersUsed: 0, problem: nil)
        var session: DiagnosisSession
        do {
            let code = example.startCode(in: catalog)
            if let tree = example.tree {
                session = try DiagnosisSession.start(tree: tree, from: code, evidence: example.evidence, in: catalog)
            } else if let code {
                session = try DiagnosisSession.start(code: code, evidence: example.evidence, in: catalog)
            } else {
                result.problem = "example '\(example.name)' names no tree and no known code to start from"
                return result
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
}
