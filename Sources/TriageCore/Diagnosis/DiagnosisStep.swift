/// One step of the path a diagnosis took: a question answered (by the engineer, by the pasted response, or
/// implied by the code the diagnosis started from), "can't tell", a value typed (or unknown), or an automatic
/// jump into another tree.
///
/// The texts are as they were shown: placeholders filled with the values known at that step, and secret values
/// masked. A step never holds a secret value.
public struct DiagnosisStep: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A multiple-choice question: the answer taken (0-based); `impliedBy` is set when the start code took it.
        case question(answer: Int, impliedBy: CodeReference?)
        /// A question answered "I can't tell from the ticket"; `check` is what to check.
        case cantTell(check: String)
        /// A typed case value, shown later as `@variable@`.
        case ask(variable: String, secret: Bool)
        /// An ask answered "can't tell": the value is unknown (texts show the placeholder's fallback).
        case unknownValue(variable: String)
        /// A `goto` followed automatically into another tree (at its start, or at `node`).
        case link(tree: TreeID, node: NodeID?)
    }

    /// The position in `DiagnosisSession.path` (0-based).
    public var index: Int
    /// The tree and node of this step.
    public var tree: TreeID
    public var node: NodeID
    public var kind: Kind
    /// The question or ask prompt; for a link "Continued in tree TITLE".
    public var prompt: String
    /// The chosen answer's label, the typed value (`[secret]` if secret) or, for a link, the tree's title.
    public var answer: String
    public var note: String?
    /// Where the answer came from when the engineer did not give it: `Evidence.origin` ("the pasted response").
    public var origin: String?

    /// The answer text recorded for "can't tell".
    public static let cantTellAnswer = "I can't tell from the ticket"

    public init(index: Int, tree: TreeID, node: NodeID, kind: Kind, prompt: String, answer: String,
                note: String? = nil, origin: String? = nil) {
        self.index = index
        self.tree = tree
        self.node = node
        self.kind = kind
        self.prompt = prompt
        self.answer = answer
        self.note = note
        self.origin = origin
    }

    /// Answered "can't tell" (a question or an ask).
    public var isCantTell: Bool {
        switch kind {
        case .cantTell, .unknownValue: return true
        case .question, .ask, .link: return false
        }
    }

    /// The code the diagnosis started from, when it answered this question without asking.
    public var impliedBy: CodeReference? {
        if case let .question(_, code) = kind { return code }
        return nil
    }

    /// Answered automatically because of the start code.
    public var isImplied: Bool { impliedBy != nil }

    /// Answered by the engineer (a choice, a typed value, "can't tell") or filled from the evidence; `back()`
    /// returns to such steps only.
    public var isAnswered: Bool {
        switch kind {
        case let .question(_, code): return code == nil
        case .ask, .cantTell, .unknownValue: return true
        case .link: return false
        }
    }

    /// The answer as shown in a path or transcript: `LABEL`, `LABEL (implied by code vendor:CODE)`,
    /// `LABEL (from the pasted response)`, the value, `I can't tell from the ticket (check: ...)`, or
    /// `continued in tree TITLE (id)`.
    public var answerText: String {
        switch kind {
        case let .question(_, code?): return "\(answer) (implied by code \(code))"
        case .question, .ask: return origin.map { "\(answer) (from \($0))" } ?? answer
        case let .cantTell(check): return "\(answer) (check: \(check))"
        case .unknownValue: return answer
        case let .link(tree, _): return "continued in tree \(answer) (\(tree))"
        }
    }
}

/// The node a diagnosis now shows, with its texts ready to display: placeholders filled, secret values masked.
/// It is never a `goto` link (links are followed) and never a question the start code answers (those are
/// skipped), except right after `jump(toStep:)` back to such a question, so the engineer can overrule the code.
public struct CurrentStep: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Choose one of `answers` (0-based in `DiagnosisSession.choose`); `impliedAnswer` is the answer the start
        /// code implies, if any.
        case question(prompt: String, detail: String?, answers: [String], impliedAnswer: Int?)
        /// Type a value for `@variable@`. When `secret`, the UI may show the value only while it is typed.
        case ask(prompt: String, detail: String?, variable: String, secret: Bool)
        /// The end: the diagnosis with every text filled.
        case conclusion(Conclusion)
        /// The end without a determined cause (`determined: false`): what to collect and whom to ask.
        case notDetermined(Conclusion)
    }

    /// The position this step takes in the path once answered (equals `path.count`).
    public var index: Int
    public var tree: TreeID
    public var node: NodeID
    public var kind: Kind
    /// The note on this step.
    public var note: String?
    /// For a question: the check recorded when it is answered "can't tell" (nil: the question has no such path).
    public var cantTell: String?
    /// For an ask: what the value must look like.
    public var rules: ValueRules?

    public init(index: Int, tree: TreeID, node: NodeID, kind: Kind, note: String? = nil, cantTell: String? = nil,
                rules: ValueRules? = nil) {
        self.index = index
        self.tree = tree
        self.node = node
        self.kind = kind
        self.note = note
        self.cantTell = cantTell
        self.rules = rules
    }

    /// The question or ask prompt, or the conclusion's diagnosis.
    public var prompt: String {
        switch kind {
        case let .question(prompt, _, _, _), let .ask(prompt, _, _, _): return prompt
        case let .conclusion(conclusion), let .notDetermined(conclusion): return conclusion.diagnosis
        }
    }

    /// The conclusion, determined or not.
    public var conclusion: Conclusion? {
        switch kind {
        case let .conclusion(conclusion), let .notDetermined(conclusion): return conclusion
        case .question, .ask: return nil
        }
    }
}

/// Why a diagnosis operation was refused.
public enum DiagnosisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No tree has this id; `suggestions` are the closest ids.
    case unknownTree(TreeID, suggestions: [TreeID])
    /// A node is missing: a broken `next`/`goto`, or a saved session that no longer matches the catalog.
    case unknownNode(tree: TreeID, node: NodeID)
    /// `goto` links (or a broken catalog) lead in a circle.
    case cycle(tree: TreeID, node: NodeID)
    /// The tree does not diagnose the code the diagnosis was to start from.
    case codeNotDiagnosed(CodeReference, tree: TreeID)
    /// No tree diagnoses the code.
    case noTree(CodeReference)
    /// `choose` was given an answer index (0-based) outside `0..<count`.
    case answerOutOfRange(Int, count: Int)
    /// `choose` was called while the current step is not a question.
    case notAQuestion
    /// `provide` was called while the current step does not ask for a value.
    case notAnAsk
    /// `provide` was given an empty or blank value.
    case emptyValue
    /// `provide` was given a value that does not follow the ask's rules.
    case invalidValue(ValueProblem)
    /// `cantTell` at a question without a `cant_tell` path (a catalog that did not pass lint).
    case noCantTell

    public var description: String {
        switch self {
        case let .unknownTree(id, suggestions):
            var message = "unknown decision tree '\(id)'"
            if !suggestions.isEmpty {
                message += "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            }
            return message
        case let .unknownNode(tree, node):
            return "node '\(node)' of tree '\(tree)' does not exist (the catalog changed?); restart the diagnosis"
        case let .cycle(tree, node):
            return "tree '\(tree)' leads in a circle at node '\(node)'; run 'triage lint'"
        case let .codeNotDiagnosed(code, tree):
            return "tree '\(tree)' does not diagnose \(code)"
        case let .noTree(code):
            return "no decision tree diagnoses \(code)"
        case let .answerOutOfRange(index, count):
            return "there is no answer \(index + 1); choose 1 to \(count)"
        case .notAQuestion:
            return "the current step is not a question"
        case .notAnAsk:
            return "the current step does not ask for a value"
        case .emptyValue:
            return "the value is empty; type the value the question asks for"
        case let .invalidValue(problem):
            return problem.description
        case .noCantTell:
            return "this question has no \"can't tell\" path; choose an answer"
        }
    }
}
