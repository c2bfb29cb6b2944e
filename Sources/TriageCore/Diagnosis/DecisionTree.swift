/// A guided diagnosis: questions leading to conclusions, for a family of codes.
public struct DecisionTree: Hashable, Sendable, Codable {
    public var id: TreeID
    public var title: String
    public var summary: String?
    public var vendors: [String]
    /// The codes this tree diagnoses.
    public var codes: [CodeReference]
    public var start: NodeID
    /// Nodes by id; `nodeOrder` keeps the file's order.
    public var nodes: [NodeID: TreeNode]
    public var nodeOrder: [NodeID]
    public var source: String
    public var location: SourceLocation

    public init(id: TreeID, title: String, summary: String? = nil, vendors: [String], codes: [CodeReference],
                start: NodeID, nodes: [TreeNode], source: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.vendors = vendors
        self.codes = codes
        self.start = start
        self.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.nodeOrder = nodes.map(\.id)
        self.source = source
        self.location = location
    }

    public subscript(node id: NodeID) -> TreeNode? { nodes[id] }
}

/// One step of a tree.
public struct TreeNode: Hashable, Sendable, Codable {
    public var id: NodeID
    public var kind: Kind
    public var location: SourceLocation

    public init(id: NodeID, kind: Kind, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.location = location
    }

    public enum Kind: Hashable, Sendable, Codable {
        case question(Question)
        case ask(Ask)
        case conclusion(Conclusion)
        case link(Link)
    }

    /// The ids of the nodes of the same tree that this node leads to.
    public var successors: [NodeID] {
        switch kind {
        case let .question(question): return question.answers.map(\.next) + (question.cantTell.map { [$0.next] } ?? [])
        case let .ask(ask): return ask.cantTell.map { [ask.next, $0] } ?? [ask.next]
        case .conclusion, .link: return []
        }
    }
}

/// A multiple-choice question.
public struct Question: Hashable, Sendable, Codable {
    public var prompt: String
    /// How to find the answer: the header, field, request or dashboard screen to look at.
    public var detail: String?
    public var answers: [Answer]
    /// Where "I can't tell from the ticket" leads, and what to check; required by lint on every question.
    public var cantTell: CantTell?
    /// The evidence (from a pasted response) that answers this question: the answer whose `match` lists it.
    public var evidence: Evidence.Key?

    public init(prompt: String, detail: String? = nil, answers: [Answer], cantTell: CantTell? = nil,
                evidence: Evidence.Key? = nil) {
        self.prompt = prompt
        self.detail = detail
        self.answers = answers
        self.cantTell = cantTell
        self.evidence = evidence
    }
}

/// A question's "I can't tell from the ticket" path: the node it continues at (the most likely branch, or a
/// step that says how to find out) and the check to do, recorded in the path and the transcript.
public struct CantTell: Hashable, Sendable, Codable {
    public var next: NodeID
    public var check: String
    public var location: SourceLocation

    public init(next: NodeID, check: String, location: SourceLocation) {
        self.next = next
        self.check = check
        self.location = location
    }
}

public struct Answer: Hashable, Sendable, Codable {
    public var label: String
    /// Started from one of these codes, this answer is taken without asking.
    public var codes: [CodeReference]
    public var next: NodeID
    /// Evidence values (case-insensitive) that take this answer when the question has an `evidence` key.
    public var match: [String]
    public var location: SourceLocation

    public init(label: String, codes: [CodeReference] = [], next: NodeID, match: [String] = [],
                location: SourceLocation) {
        self.label = label
        self.codes = codes
        self.next = next
        self.match = match
        self.location = location
    }
}

/// A question whose answer is a value the engineer types (an app id, a region), shown later as `@VAR@`.
public struct Ask: Hashable, Sendable, Codable {
    public var prompt: String
    public var detail: String?
    public var variable: String
    /// Secret values (keys, tokens) are masked everywhere but where they are typed.
    public var secret: Bool
    public var next: NodeID
    /// Where "can't tell" continues (the value is then unknown); `nil`: at `next`.
    public var cantTell: NodeID?
    /// What a typed value must look like.
    public var rules: ValueRules
    /// The evidence (from a pasted response) that fills this value.
    public var evidence: Evidence.Key?

    public init(prompt: String, detail: String? = nil, variable: String, secret: Bool = false, next: NodeID,
                cantTell: NodeID? = nil, rules: ValueRules = ValueRules(), evidence: Evidence.Key? = nil) {
        self.prompt = prompt
        self.detail = detail
        self.variable = variable
        self.secret = secret
        self.next = next
        self.cantTell = cantTell
        self.rules = rules
        self.evidence = evidence
    }
}

/// The end of a diagnosis: what is wrong and what to do.
public struct Conclusion: Hashable, Sendable, Codable {
    public var diagnosis: String
    public var explanation: String?
    public var steps: [String]
    public var related: [CodeReference]
    public var escalate: Escalation?
    /// False for "not determined from the ticket: here is what to collect and whom to ask" (`determined: false`).
    public var determined: Bool
    /// The reply for the customer and the internal note (`reply:`); lint asks for one on every conclusion.
    public var reply: ConclusionReply?

    public init(diagnosis: String, explanation: String? = nil, steps: [String], related: [CodeReference] = [],
                escalate: Escalation? = nil, determined: Bool = true) {
        self.diagnosis = diagnosis
        self.explanation = explanation
        self.steps = steps
        self.related = related
        self.escalate = escalate
        self.determined = determined
    }
}

/// When and how to hand the case to the vendor.
public struct Escalation: Hashable, Sendable, Codable {
    public var when: String?
    /// What to include in the vendor ticket.
    public var include: [String]

    public init(when: String? = nil, include: [String] = []) {
        self.when = when
        self.include = include
    }
}

/// Continue in another tree, at its start or at a given node.
public struct Link: Hashable, Sendable, Codable {
    public var tree: TreeID
    public var node: NodeID?

    public init(tree: TreeID, node: NodeID? = nil) {
        self.tree = tree
        self.node = node
    }
}
