import Foundation

/// A guided diagnosis in progress: where it started, the path taken so far and the node now shown.
///
/// The session is a plain value. It stores ids and the texts shown at each answered step, never the catalog;
/// every operation that needs tree contents takes the `Catalog`. Start it from a tree, optionally with the
/// code the engineer sees (questions the code already answers are then skipped), then `choose` answers and
/// `provide` values until `isFinished`. `back`, `jump(toStep:)` and `restart` move backwards; notes can be
/// set on any step.
///
/// Saving: the encoded session holds typed values, **including secret ones** (they are needed to fill later
/// text). Write `redacted()` to disk unless the secret values are really needed there.
public struct DiagnosisSession: Codable, Hashable, Sendable {
    /// The tree the diagnosis started in.
    public let tree: String
    /// The code the diagnosis started from, if any.
    public var code: CodeReference? { startCode.map { CodeReference(vendor: $0.vendor, code: $0.code) } }
    /// The tree and node now shown (never a `goto` link).
    public private(set) var currentTree: String
    public private(set) var currentNode: String
    /// True at a conclusion.
    public private(set) var isFinished: Bool
    /// The note on the current step.
    public private(set) var note: String?

    private let startCode: StoredCode?
    private var records: [Record]

    private init(tree: String, code: CodeReference?) {
        self.tree = tree
        startCode = code.map { StoredCode(vendor: $0.vendor, code: $0.code) }
        currentTree = tree
        currentNode = ""
        isFinished = false
        records = []
    }

    // MARK: Starting

    /// Starts a diagnosis at the start node of tree `id`. Given a `code` (which the tree, or the code's entry,
    /// must name), questions with exactly one answer listing the code are answered without asking.
    public static func start(tree id: String, from code: CodeReference? = nil, in catalog: Catalog) throws
        -> DiagnosisSession {
        guard let tree = catalog.tree(id: id) else {
            throw DiagnosisError.unknownTree(id, suggestions: Suggestions.closest(to: id, among: catalog.trees.map(\.id)))
        }
        if let code, !tree.codes.contains(code), catalog.entry(code)?.trees.contains(id) != true {
            throw DiagnosisError.codeNotDiagnosed(code, tree: id)
        }
        return try DiagnosisSession(tree: id, code: code).settled(tree: id, node: tree.start, in: catalog)
    }

    /// Starts a diagnosis from a code with the most specific tree that diagnoses it (the first of
    /// `trees(for:in:)`); throws `noTree` when none does.
    public static func start(code: CodeReference, in catalog: Catalog) throws -> DiagnosisSession {
        guard let first = trees(for: code, in: catalog).first else { throw DiagnosisError.noTree(code) }
        return try start(tree: first.id, from: code, in: catalog)
    }

    /// The trees that diagnose a code, most specific first: a tree written for a few codes (a named scenario such
    /// as a wrong environment) before the family tree that covers many. Ties keep the entry's order.
    public static func trees(for code: CodeReference, in catalog: Catalog) -> [DecisionTree] {
        var result = catalog.entry(code).map { catalog.trees(for: $0) } ?? []
        for tree in catalog.trees where tree.codes.contains(code) && !result.contains(where: { $0.id == tree.id }) {
            result.append(tree)
        }
        return result.enumerated()
            .sorted { ($0.element.codes.count, $0.offset) < ($1.element.codes.count, $1.offset) }
            .map(\.element)
    }

    // MARK: The current step and the path

    /// The node now shown, with placeholders filled and secret values masked; `nil` if the catalog no longer
    /// has it (a restored session after the trees changed).
    public func current(in catalog: Catalog) -> CurrentStep? {
        guard let node = catalog.tree(id: currentTree)?[node: currentNode] else { return nil }
        let kind: CurrentStep.Kind
        switch node.kind {
        case let .question(question):
            kind = .question(prompt: fill(question.prompt), detail: question.detail.map(fill),
                             answers: question.answers.map { fill($0.label) }, impliedAnswer: impliedAnswer(question))
        case let .ask(ask):
            kind = .ask(prompt: fill(ask.prompt), detail: ask.detail.map(fill), variable: ask.variable, secret: ask.secret)
        case let .conclusion(conclusion):
            kind = .conclusion(fill(conclusion))
        case .link:
            return nil
        }
        return CurrentStep(index: records.count, tree: currentTree, node: currentNode, kind: kind, note: note)
    }

    /// The steps taken so far, oldest first (the current step is not included).
    public var path: [DiagnosisStep] {
        records.enumerated().map { index, record in
            let kind: DiagnosisStep.Kind
            switch record.kind {
            case .answer: kind = .question(answer: record.index ?? 0, impliedBy: nil)
            case .implied: kind = .question(answer: record.index ?? 0, impliedBy: code)
            case .value: kind = .ask(variable: record.variable ?? "", secret: record.secret ?? false)
            case .link: kind = .link(tree: record.target ?? "", node: record.targetNode)
            }
            return DiagnosisStep(index: index, tree: record.tree, node: record.node, kind: kind, prompt: record.prompt,
                                 answer: record.answer, note: record.note)
        }
    }

    /// The values typed so far by variable name, secret ones included (unmasked, unless `redacted()`).
    public var values: [String: String] {
        var values: [String: String] = [:]
        for record in records where record.kind == .value {
            if let variable = record.variable, let value = record.value { values[variable] = value }
        }
        return values
    }

    /// Variables typed at a secret ask step.
    public var secretVariables: Set<String> {
        Set(records.filter { $0.kind == .value && $0.secret == true }.compactMap(\.variable))
    }

    // MARK: Answering

    /// Takes answer `index` (0-based) of the current question, then follows links and implied answers.
    public mutating func choose(_ index: Int, in catalog: Catalog) throws {
        guard let node = catalog.tree(id: currentTree)?[node: currentNode] else {
            throw DiagnosisError.unknownNode(tree: currentTree, node: currentNode)
        }
        guard case let .question(question) = node.kind else { throw DiagnosisError.notAQuestion }
        guard question.answers.indices.contains(index) else {
            throw DiagnosisError.answerOutOfRange(index, count: question.answers.count)
        }
        var next = self
        next.records.append(Record(kind: .answer, tree: currentTree, node: currentNode, prompt: fill(question.prompt),
                                   answer: fill(question.answers[index].label), index: index, note: note))
        next.note = nil
        self = try next.settled(tree: currentTree, node: question.answers[index].next, in: catalog)
    }

    /// Gives the value the current ask step asks for (surrounding whitespace removed; blank is refused).
    public mutating func provide(_ value: String, in catalog: Catalog) throws {
        guard let node = catalog.tree(id: currentTree)?[node: currentNode] else {
            throw DiagnosisError.unknownNode(tree: currentTree, node: currentNode)
        }
        guard case let .ask(ask) = node.kind else { throw DiagnosisError.notAnAsk }
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw DiagnosisError.emptyValue }
        var next = self
        next.records.append(Record(kind: .value, tree: currentTree, node: currentNode, prompt: fill(ask.prompt),
                                   answer: ask.secret ? Placeholders.mask(value) : value, variable: ask.variable,
                                   value: value, secret: ask.secret, note: note))
        next.note = nil
        self = try next.settled(tree: currentTree, node: ask.next, in: catalog)
    }

    // MARK: Moving back

    /// Goes back `steps` answered steps (choices and typed values; implied answers and links are passed over),
    /// dropping everything answered after. The step returned to shows again with its note. Returns false if
    /// there was no answered step to go back to (the session is then unchanged).
    @discardableResult
    public mutating func back(_ steps: Int = 1) -> Bool {
        var moved = false
        for _ in 0..<max(0, steps) {
            guard let index = records.lastIndex(where: { $0.kind == .answer || $0.kind == .value }) else { break }
            reopen(index)
            moved = true
        }
        return moved
    }

    /// Returns to step `index` of `path`, dropping it and every later step, so it can be answered again (with
    /// its note kept). A question the start code implied is shown to be answered by hand. A link step cannot be
    /// stopped at: jumping to one returns to the first step after it. `index == path.count` (the current step)
    /// changes nothing. Returns false for an index outside `0...path.count`.
    @discardableResult
    public mutating func jump(toStep index: Int) -> Bool {
        guard index >= 0, index <= records.count else { return false }
        var target = index
        while target < records.count, records[target].kind == .link { target += 1 }
        if target < records.count { reopen(target) }
        return true
    }

    /// Starts over at the start tree (with the same start code); every answer and note is dropped. If the
    /// catalog no longer has the start tree, the session stays at its start node and `current` is `nil`.
    public mutating func restart(in catalog: Catalog) {
        let fresh = DiagnosisSession(tree: tree, code: code)
        let start = catalog.tree(id: tree)?.start ?? ""
        if let settled = try? fresh.settled(tree: tree, node: start, in: catalog) {
            self = settled
        } else {
            self = fresh
            currentNode = start
        }
    }

    // MARK: Notes

    /// Sets (or with `nil` or blank text, removes) the note on step `index` of `path`; `path.count` is the
    /// current step. Returns false for an index outside `0...path.count`.
    @discardableResult
    public mutating func setNote(_ text: String?, forStep index: Int) -> Bool {
        guard index >= 0, index <= records.count else { return false }
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = trimmed?.isEmpty == false ? trimmed : nil
        if index == records.count { self.note = note } else { records[index].note = note }
        return true
    }

    /// Sets (or removes) the note on the current step.
    public mutating func setNote(_ text: String?) { setNote(text, forStep: records.count) }

    // MARK: Saving

    /// The session with every secret value replaced by its mask: safe to write to disk. It can still be
    /// continued; later text then shows the mask where the secret value was.
    public func redacted() -> DiagnosisSession {
        var copy = self
        for index in copy.records.indices where copy.records[index].kind == .value && copy.records[index].secret == true {
            copy.records[index].value = copy.records[index].value.map(Placeholders.mask)
        }
        return copy
    }

    // MARK: Internals

    /// Moves the session to (tree, node) and on through links and implied answers, to the node to show.
    private func settled(tree: String, node: String, in catalog: Catalog) throws -> DiagnosisSession {
        var session = self
        var position = Position(tree: tree, node: node)
        var seen = Set<Position>()
        while true {
            guard seen.insert(position).inserted else {
                throw DiagnosisError.cycle(tree: position.tree, node: position.node)
            }
            guard let current = catalog.tree(id: position.tree) else {
                throw DiagnosisError.unknownTree(position.tree, suggestions: [])
            }
            guard let node = current[node: position.node] else {
                throw DiagnosisError.unknownNode(tree: position.tree, node: position.node)
            }
            switch node.kind {
            case let .link(link):
                guard let target = catalog.tree(id: link.tree) else {
                    throw DiagnosisError.unknownTree(
                        link.tree, suggestions: Suggestions.closest(to: link.tree, among: catalog.trees.map(\.id)))
                }
                session.records.append(Record(kind: .link, tree: position.tree, node: position.node,
                                              prompt: "Continued in tree \(target.title)", answer: target.title,
                                              target: link.tree, targetNode: link.node))
                position = Position(tree: link.tree, node: link.node ?? target.start)
                continue
            case let .question(question):
                if let implied = session.impliedAnswer(question) {
                    session.records.append(Record(kind: .implied, tree: position.tree, node: position.node,
                                                  prompt: session.fill(question.prompt),
                                                  answer: session.fill(question.answers[implied].label), index: implied))
                    position.node = question.answers[implied].next
                    continue
                }
            case .ask, .conclusion:
                break
            }
            session.currentTree = position.tree
            session.currentNode = position.node
            if case .conclusion = node.kind { session.isFinished = true } else { session.isFinished = false }
            return session
        }
    }

    /// The one answer listing the start code, if exactly one does.
    private func impliedAnswer(_ question: Question) -> Int? {
        guard let code else { return nil }
        let matching = question.answers.indices.filter { question.answers[$0].codes.contains(code) }
        return matching.count == 1 ? matching[0] : nil
    }

    /// Makes record `index` the current step again, dropping it and everything after it.
    private mutating func reopen(_ index: Int) {
        let record = records[index]
        records.removeSubrange(index...)
        currentTree = record.tree
        currentNode = record.node
        note = record.note
        isFinished = false
    }

    private func fill(_ text: String) -> String {
        Placeholders.fill(text, values: values, secret: secretVariables)
    }

    private func fill(_ conclusion: Conclusion) -> Conclusion {
        let values = values, secret = secretVariables
        let fill = { (text: String) in Placeholders.fill(text, values: values, secret: secret) }
        var filled = conclusion
        filled.diagnosis = fill(conclusion.diagnosis)
        filled.explanation = conclusion.explanation.map(fill)
        filled.steps = conclusion.steps.map(fill)
        if let escalate = conclusion.escalate {
            filled.escalate = Escalation(when: escalate.when.map(fill), include: escalate.include.map(fill))
        }
        return filled
    }

    private enum CodingKeys: String, CodingKey {
        case tree, startCode = "code", currentTree, currentNode, isFinished = "finished", note, records = "path"
    }
}

/// The saved form of a code reference.
private struct StoredCode: Codable, Hashable, Sendable {
    var vendor: String
    var code: String
}

private struct Position: Hashable {
    var tree: String
    var node: String
}

/// One step of the path as saved. Texts are stored as shown (filled, masked), so the path reads the same
/// without the catalog; `value` holds the typed value itself (masked only by `redacted()`).
private struct Record: Codable, Hashable, Sendable {
    enum Kind: String, Codable, Sendable {
        /// A question answered by the engineer.
        case answer
        /// A question answered by the start code.
        case implied
        /// A typed value.
        case value
        /// A `goto` followed.
        case link
    }

    var kind: Kind
    var tree: String
    var node: String
    var prompt: String
    var answer: String
    /// The answer's index, for `answer` and `implied`.
    var index: Int?
    var variable: String?
    var value: String?
    var secret: Bool?
    /// The tree and node a link leads to.
    var target: String?
    var targetNode: String?
    var note: String?
}
