import Foundation

/// A guided diagnosis in progress: where it started, the path taken so far and the node now shown.
///
/// The session is a plain value. It stores ids and the texts shown at each answered step, never the catalog;
/// every operation that needs tree contents takes the `Catalog`. Start it from a tree, optionally with the
/// code the engineer sees (questions the code already answers are then skipped), then `choose` answers and
/// `provide` values until `isFinished`; `cantTell` answers "I can't tell from the ticket" at either. Started with
/// `Evidence` (facts from a pasted response), the asks and questions that name an `evidence:` key are filled
/// from it, recorded as coming from `Evidence.origin`, and can be changed like any answer. `back`,
/// `jump(toStep:)` and `restart` move backwards; notes can be set on any step.
///
/// Answering is amortised constant time in the length of the path (values are kept in an index, steps are
/// built only when asked for); going back rebuilds the index once. A 10,000-step diagnosis stays fast.
///
/// Saving: the encoded session holds typed values, **including secret ones** (they are needed to fill later
/// text). Write `redacted()` to disk unless the secret values are really needed there.
public struct DiagnosisSession: Codable, Hashable, Sendable {
    /// The tree the diagnosis started in.
    public let tree: TreeID
    /// The code the diagnosis started from, if any.
    public var code: CodeReference? { startCode }
    /// The tree and node now shown (never a `goto` link).
    public private(set) var currentTree: TreeID
    public private(set) var currentNode: NodeID
    /// True at a conclusion (determined or not).
    public private(set) var isFinished: Bool
    /// False at a conclusion that does not determine the cause (`determined: false`); true everywhere else.
    public private(set) var isDetermined: Bool
    /// The note on the current step.
    public private(set) var note: String?
    /// The facts the diagnosis started with, if any.
    public let evidence: Evidence?
    /// What the customer pasted, when the diagnosis started from a paste: secrets masked (`SecretMasker`), at most
    /// `pasteLimit` bytes of UTF-8. Set with `attachPaste(_:)`; kept by `restart`.
    public private(set) var paste: String?

    /// The most of a paste a session keeps (64 KiB); the rest is cut, and the cut said.
    public static let pasteLimit = 64 * 1024

    private let startCode: CodeReference?
    private var records: [Record]
    /// The values known now, by variable (derived from `records`).
    private var known: [String: String] = [:]
    /// Variables whose known value is secret (derived from `records`).
    private var secrets: Set<String> = []

    private init(tree: TreeID, code: CodeReference?, evidence: Evidence?) {
        self.tree = tree
        startCode = code
        self.evidence = evidence?.isEmpty == false ? evidence : nil
        currentTree = tree
        currentNode = ""
        isFinished = false
        isDetermined = true
        records = []
        known = Self.seed(self.evidence)
    }

    /// The values the evidence gives before anything is asked (`Evidence.variables`: the region the ticket
    /// names fills `@APP_REGION@`); typed values replace them.
    private static func seed(_ evidence: Evidence?) -> [String: String] { evidence?.variables ?? [:] }

    /// True at a conclusion that determines the cause.
    public var reachedDetermined: Bool { isFinished && isDetermined }

    // MARK: Starting

    /// Starts a diagnosis at the start node of tree `id`. Given a `code` (which the tree, or the code's entry,
    /// must name), questions with exactly one answer listing the code are answered without asking. Given
    /// `evidence`, asks and questions with an `evidence:` key it has are filled from it.
    public static func start(tree id: TreeID, from code: CodeReference? = nil, evidence: Evidence? = nil,
                             paste: String? = nil, in catalog: Catalog) throws -> DiagnosisSession {
        guard let tree = catalog.tree(id: id) else {
            throw DiagnosisError.unknownTree(id, suggestions: Suggestions.closest(to: id, among: catalog.trees.map(\.id)))
        }
        if let code, !tree.codes.contains(code), catalog.entry(code)?.trees.contains(id) != true {
            throw DiagnosisError.codeNotDiagnosed(code, tree: id)
        }
        var session = DiagnosisSession(tree: id, code: code, evidence: evidence)
        if let paste { session.attachPaste(paste) }
        try session.settle(tree: id, node: tree.start, in: catalog)
        return session
    }

    /// Starts a diagnosis from a code with the most specific tree that diagnoses it (the first of
    /// `trees(for:in:)`); throws `noTree` when none does.
    public static func start(code: CodeReference, evidence: Evidence? = nil, in catalog: Catalog) throws
        -> DiagnosisSession {
        guard let first = trees(for: code, in: catalog).first else { throw DiagnosisError.noTree(code) }
        return try start(tree: first.id, from: code, evidence: evidence, in: catalog)
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
        var cantTell: String?
        var rules: ValueRules?
        switch node.kind {
        case let .question(question):
            kind = .question(prompt: fill(question.prompt), detail: question.detail.map(fill),
                             answers: question.answers.map { fill($0.label) }, impliedAnswer: impliedAnswer(question))
            cantTell = question.cantTell.map { fill($0.check) }
        case let .ask(ask):
            kind = .ask(prompt: fill(ask.prompt), detail: ask.detail.map(fill), variable: ask.variable, secret: ask.secret)
            rules = ask.rules
        case let .conclusion(conclusion):
            kind = conclusion.determined ? .conclusion(fill(conclusion)) : .notDetermined(fill(conclusion))
        case .link:
            return nil
        }
        return CurrentStep(index: records.count, tree: currentTree, node: currentNode, kind: kind, note: note,
                           cantTell: cantTell, rules: rules)
    }

    /// The steps taken so far, oldest first (the current step is not included).
    public var path: [DiagnosisStep] { steps(from: 0) }

    /// The number of steps taken so far (`path.count`, in constant time).
    public var stepCount: Int { records.count }

    /// The steps from index `start` on (`path.dropFirst(start)`, without building the earlier ones).
    public func steps(from start: Int) -> [DiagnosisStep] {
        guard start < records.count else { return [] }
        return (max(0, start)..<records.count).map { step(at: $0) }
    }

    private func step(at index: Int) -> DiagnosisStep {
        let record = records[index]
        let kind: DiagnosisStep.Kind
        var origin: String?
        switch record.kind {
        case let .answer(answer, from):
            kind = .question(answer: answer, impliedBy: nil)
            origin = from
        case let .implied(answer): kind = .question(answer: answer, impliedBy: code)
        case let .cantTell(check): kind = .cantTell(check: check)
        case let .value(variable, value, secret, from):
            kind = value == nil ? .unknownValue(variable: variable) : .ask(variable: variable, secret: secret)
            origin = from
        case let .link(target, node): kind = .link(tree: target, node: node)
        }
        return DiagnosisStep(index: index, tree: record.tree, node: record.node, kind: kind, prompt: record.prompt,
                             answer: record.answer, note: record.note, origin: origin)
    }

    /// The values known so far by variable name, secret ones included (unmasked, unless `redacted()`). A value
    /// answered "can't tell" is absent.
    public var values: [String: String] { known }

    /// Variables typed at a secret ask step.
    public var secretVariables: Set<String> { secrets }

    // MARK: Answering

    /// Takes answer `index` (0-based) of the current question, then follows links and implied answers.
    public mutating func choose(_ index: Int, in catalog: Catalog) throws {
        let question = try currentQuestion(in: catalog)
        guard question.answers.indices.contains(index) else {
            throw DiagnosisError.answerOutOfRange(index, count: question.answers.count)
        }
        try advance(Record(tree: currentTree, node: currentNode, prompt: fill(question.prompt),
                           answer: fill(question.answers[index].label), note: note,
                           kind: .answer(index: index, origin: nil)),
                    to: question.answers[index].next, in: catalog)
    }

    /// Gives the value the current ask step asks for (surrounding whitespace removed). The value must follow the
    /// ask's rules (choices, format, pattern, length); an empty value counts as "can't tell" on an optional ask
    /// and is refused on the others.
    public mutating func provide(_ value: String, in catalog: Catalog) throws {
        let ask = try currentAsk(in: catalog)
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            guard ask.rules.optional else { throw DiagnosisError.emptyValue }
            return try cantTell(in: catalog)
        }
        let checked: String
        switch ask.rules.check(trimmed) {
        case let .success(value): checked = value
        case let .failure(problem): throw DiagnosisError.invalidValue(problem)
        }
        // The one masking point: a credential typed into an ordinary ask is kept as `[secret]`.
        let kept = ask.secret ? checked : SecretMasker.masked(checked).text
        try advance(valueRecord(ask, value: kept, origin: nil), to: ask.next, in: catalog)
    }

    /// Answers the current question or ask with "I can't tell from the ticket". A question continues at its
    /// `cant_tell.next` (its check is recorded in the path); an ask leaves the value unknown (texts then show the
    /// placeholder's fallback) and continues at its `cant_tell` node, else at `next`.
    public mutating func cantTell(in catalog: Catalog) throws {
        guard let node = catalog.tree(id: currentTree)?[node: currentNode] else {
            throw DiagnosisError.unknownNode(tree: currentTree, node: currentNode)
        }
        switch node.kind {
        case let .question(question):
            guard let cantTell = question.cantTell else { throw DiagnosisError.noCantTell }
            try advance(Record(tree: currentTree, node: currentNode, prompt: fill(question.prompt),
                               answer: DiagnosisStep.cantTellAnswer, note: note,
                               kind: .cantTell(check: fill(cantTell.check))),
                        to: cantTell.next, in: catalog)
        case let .ask(ask):
            try advance(Record(tree: currentTree, node: currentNode, prompt: fill(ask.prompt),
                               answer: DiagnosisStep.cantTellAnswer, note: note,
                               kind: .value(variable: ask.variable, value: nil, secret: ask.secret, origin: nil)),
                        to: ask.cantTell ?? ask.next, in: catalog)
        case .conclusion, .link:
            throw DiagnosisError.notAQuestion
        }
    }

    private func currentQuestion(in catalog: Catalog) throws -> Question {
        guard let node = catalog.tree(id: currentTree)?[node: currentNode] else {
            throw DiagnosisError.unknownNode(tree: currentTree, node: currentNode)
        }
        guard case let .question(question) = node.kind else { throw DiagnosisError.notAQuestion }
        return question
    }

    private func currentAsk(in catalog: Catalog) throws -> Ask {
        guard let node = catalog.tree(id: currentTree)?[node: currentNode] else {
            throw DiagnosisError.unknownNode(tree: currentTree, node: currentNode)
        }
        guard case let .ask(ask) = node.kind else { throw DiagnosisError.notAnAsk }
        return ask
    }

    private func valueRecord(_ ask: Ask, value: String, origin: String?) -> Record {
        Record(tree: currentTree, node: currentNode, prompt: fill(ask.prompt),
               answer: ask.secret ? Placeholders.mask(value) : value, note: origin == nil ? note : nil,
               kind: .value(variable: ask.variable, value: value, secret: ask.secret, origin: origin))
    }

    /// Records the answer to the current step and moves on; on failure the session is unchanged.
    private mutating func advance(_ record: Record, to next: NodeID, in catalog: Catalog) throws {
        // Saved without the value index: copying it would make every step cost the length of the path.
        let saved = (records.count, currentTree, currentNode, isFinished, isDetermined, note)
        append(record)
        note = nil
        do {
            try settle(tree: currentTree, node: next, in: catalog)
        } catch {
            records.removeSubrange(saved.0...)
            (currentTree, currentNode, isFinished, isDetermined, note) = (saved.1, saved.2, saved.3, saved.4, saved.5)
            reindex()
            throw error
        }
    }

    private mutating func append(_ record: Record) {
        records.append(record)
        if case let .value(variable, value, secret, _) = record.kind {
            known[variable] = value
            if value != nil && secret { secrets.insert(variable) } else { secrets.remove(variable) }
        }
    }

    /// Rebuilds `known` and `secrets` from the records.
    private mutating func reindex() {
        known = Self.seed(evidence)
        secrets = []
        let all = records
        records = []
        for record in all { append(record) }
    }

    // MARK: Moving back

    /// Goes back `steps` answered steps (choices and typed values; implied answers and links are passed over),
    /// dropping everything answered after. The step returned to shows again with its note. Returns false if
    /// there was no answered step to go back to (the session is then unchanged).
    @discardableResult
    public mutating func back(_ steps: Int = 1) -> Bool {
        var moved = false
        for _ in 0..<max(0, steps) {
            guard let index = records.lastIndex(where: \.isAnswered) else { break }
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
        while target < records.count, case .link = records[target].kind { target += 1 }
        if target < records.count { reopen(target) }
        return true
    }

    /// Starts over at the start tree (with the same start code and evidence); every answer and note is
    /// dropped. If the catalog no longer has the start tree, the session stays at its start node and `current`
    /// is `nil`.
    public mutating func restart(in catalog: Catalog) {
        var fresh = DiagnosisSession(tree: tree, code: code, evidence: evidence)
        let start = catalog.tree(id: tree)?.start ?? ""
        do {
            try fresh.settle(tree: tree, node: start, in: catalog)
        } catch {
            fresh = DiagnosisSession(tree: tree, code: code, evidence: evidence)
            fresh.currentNode = start
        }
        fresh.paste = paste
        self = fresh
    }

    /// Keeps `text` (what the customer pasted) with the session, for the transcript: its secrets masked first
    /// (`SecretMasker`, on the whole text), then cut to `pasteLimit` bytes. Blank text removes the paste.
    public mutating func attachPaste(_ text: String) {
        paste = Self.storedPaste(text)
    }

    /// `text` masked and bounded as `paste` holds it; nil when blank. `slack` lets a paste already cut (with
    /// the sentence saying so) be read back unchanged.
    static func storedPaste(_ text: String, slack: Int = 0) -> String? {
        let masked = SecretMasker.masked(text).text
        guard !masked.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        guard masked.utf8.count > pasteLimit + slack else { return masked }
        var kept = ""
        var used = 0
        for character in masked {
            let size = character.utf8.count
            if used + size > pasteLimit { break }
            kept.append(character)
            used += size
        }
        return kept + "\n[... cut: \(masked.utf8.count - used) more bytes not kept]"
    }

    // MARK: Notes

    /// Sets (or with `nil` or blank text, removes) the note on step `index` of `path`; `path.count` is the
    /// current step. Secrets in it are masked (`SecretMasker`). Returns false for an index outside `0...path.count`.
    @discardableResult
    public mutating func setNote(_ text: String?, forStep index: Int) -> Bool {
        guard index >= 0, index <= records.count else { return false }
        let trimmed = text.map { SecretMasker.masked($0).text.trimmingCharacters(in: .whitespacesAndNewlines) }
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
        // Without a secret value the session is already safe: no copy, no reindex (each step stays linear).
        guard records.contains(where: \.holdsSecret) else { return self }
        var copy = self
        for index in copy.records.indices {
            if case let .value(variable, value?, true, origin) = copy.records[index].kind {
                copy.records[index].kind = .value(variable: variable, value: Placeholders.mask(value), secret: true,
                                                  origin: origin)
            }
        }
        copy.reindex()
        return copy
    }

    // MARK: Internals

    /// Moves the session to (tree, node) and on through links, implied answers and evidence, to the node to
    /// show. Throws on a broken catalog (the caller restores the session).
    private mutating func settle(tree: TreeID, node: NodeID, in catalog: Catalog) throws {
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
            currentTree = position.tree
            currentNode = position.node
            switch node.kind {
            case let .link(link):
                guard let target = catalog.tree(id: link.tree) else {
                    throw DiagnosisError.unknownTree(
                        link.tree, suggestions: Suggestions.closest(to: link.tree, among: catalog.trees.map(\.id)))
                }
                append(Record(tree: position.tree, node: position.node, prompt: "Continued in tree \(target.title)",
                              answer: target.title, kind: .link(tree: link.tree, node: link.node)))
                position = Position(tree: link.tree, node: link.node ?? target.start)
                continue
            case let .question(question):
                if let implied = impliedAnswer(question) {
                    append(Record(tree: position.tree, node: position.node, prompt: fill(question.prompt),
                                  answer: fill(question.answers[implied].label), kind: .implied(index: implied)))
                    position.node = question.answers[implied].next
                    continue
                }
                if let evidence, let answer = evidenceAnswer(question, evidence) {
                    append(Record(tree: position.tree, node: position.node, prompt: fill(question.prompt),
                                  answer: fill(question.answers[answer].label),
                                  kind: .answer(index: answer, origin: evidence.origin)))
                    position.node = question.answers[answer].next
                    continue
                }
            case let .ask(ask):
                // From the evidence: the ask's `evidence:` key, else the variable the vendor file maps evidence to.
                if let evidence, let raw = ask.evidence.flatMap({ evidence[$0] }) ?? evidence.variables[ask.variable],
                   case let .success(value) = ask.rules.check(raw) {
                    append(valueRecord(ask, value: value, origin: evidence.origin))
                    position.node = ask.next
                    continue
                }
            case .conclusion:
                break
            }
            note = nil
            if case let .conclusion(conclusion) = node.kind {
                isFinished = true
                isDetermined = conclusion.determined
            } else {
                isFinished = false
                isDetermined = true
            }
            return
        }
    }

    /// The one answer whose `match` lists the evidence value for the question's key, if exactly one does.
    private func evidenceAnswer(_ question: Question, _ evidence: Evidence) -> Int? {
        guard let key = question.evidence, let value = evidence[key]?.trimmingCharacters(in: .whitespaces),
              !value.isEmpty else { return nil }
        let matching = question.answers.indices.filter { index in
            question.answers[index].match.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
        }
        return matching.count == 1 ? matching[0] : nil
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
        isDetermined = true
        reindex()
    }

    private func fill(_ text: String) -> String {
        Placeholders.fill(text, values: known, secret: secrets)
    }

    private func fill(_ conclusion: Conclusion) -> Conclusion {
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
        case tree, startCode = "code", currentTree, currentNode, isFinished = "finished", isDetermined = "determined",
             note, evidence, paste, records = "path"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tree = try container.decode(TreeID.self, forKey: .tree)
        startCode = try container.decodeIfPresent(CodeReference.self, forKey: .startCode)
        currentTree = try container.decode(TreeID.self, forKey: .currentTree)
        currentNode = try container.decode(NodeID.self, forKey: .currentNode)
        isFinished = try container.decode(Bool.self, forKey: .isFinished)
        isDetermined = try container.decodeIfPresent(Bool.self, forKey: .isDetermined) ?? true
        note = try container.decodeIfPresent(String.self, forKey: .note)
        evidence = try container.decodeIfPresent(Evidence.self, forKey: .evidence)
        // Re-masked and bounded on the way in too: a stored file is not trusted to hold what `attachPaste` made.
        paste = try container.decodeIfPresent(String.self, forKey: .paste).flatMap { Self.storedPaste($0, slack: 100) }
        records = try container.decode([Record].self, forKey: .records)
        reindex()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tree, forKey: .tree)
        try container.encodeIfPresent(startCode, forKey: .startCode)
        try container.encode(currentTree, forKey: .currentTree)
        try container.encode(currentNode, forKey: .currentNode)
        try container.encode(isFinished, forKey: .isFinished)
        try container.encode(isDetermined, forKey: .isDetermined)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(evidence, forKey: .evidence)
        try container.encodeIfPresent(paste, forKey: .paste)
        try container.encode(records, forKey: .records)
    }
}

extension CodeReference: Codable {
    private enum CodingKeys: String, CodingKey { case vendor, code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(vendor: try container.decode(String.self, forKey: .vendor),
                  code: try container.decode(String.self, forKey: .code))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(vendor, forKey: .vendor)
        try container.encode(code, forKey: .code)
    }
}

private struct Position: Hashable {
    var tree: TreeID
    var node: NodeID
}

/// One step of the path as saved. Texts are stored as shown (filled, masked), so the path reads the same
/// without the catalog; a typed value is kept itself (masked only by `redacted()`).
private struct Record: Codable, Hashable, Sendable {
    enum Kind: Codable, Hashable, Sendable {
        /// A question answered by the engineer, or (`origin`) from the evidence.
        case answer(index: Int, origin: String?)
        /// A question answered by the start code.
        case implied(index: Int)
        /// A question answered "can't tell", with the check to do.
        case cantTell(check: String)
        /// A typed value, or `nil` for "can't tell"; `origin` when it came from the evidence.
        case value(variable: String, value: String?, secret: Bool, origin: String?)
        /// A `goto` followed into `tree` (at `node`, or its start).
        case link(tree: TreeID, node: NodeID?)
    }

    var tree: TreeID
    var node: NodeID
    var prompt: String
    var answer: String
    var note: String?
    var kind: Kind

    /// A secret typed value, not masked yet.
    var holdsSecret: Bool {
        if case let .value(_, value?, true, _) = kind { return value != Placeholders.mask(value) }
        return false
    }

    /// Answered by the engineer or the evidence: `back()` returns to such steps.
    var isAnswered: Bool {
        switch kind {
        case .answer, .cantTell, .value: return true
        case .implied, .link: return false
        }
    }
}

// MARK: Stored step by step

/// How a store keeps a session so that each step costs its own size, not the length of the path: the path as
/// one JSON text per step (appended; a jump back drops the tail), the rest (`head`) as one small JSON text.
extension DiagnosisSession {
    /// How many leading steps of the path `other` has exactly as this session has them (0 when `other` is nil or
    /// another diagnosis): the steps a store that saved `other` already holds.
    public func sharedSteps(with other: DiagnosisSession?) -> Int {
        guard let other, other.tree == tree else { return 0 }
        let count = min(records.count, other.records.count)
        var index = 0
        while index < count, records[index] == other.records[index] { index += 1 }
        return index
    }

    /// The path's steps from `start` on, one JSON text each.
    public func encodedSteps(from start: Int) throws -> [String] {
        guard start < records.count else { return [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try records[max(0, start)...].map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }

    /// Everything but the path, as JSON (its `path` is empty).
    public func encodedHead() throws -> String {
        var head = self
        head.records = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(head), as: UTF8.self)
    }

    /// Rebuilds a session from its head and its steps (`encodedHead`, `encodedSteps`). A head that still holds its
    /// path (stored whole, before steps were stored one by one) keeps it when `steps` is empty.
    public init(head: String, steps: [String]) throws {
        let decoder = JSONDecoder()
        self = try decoder.decode(DiagnosisSession.self, from: Data(head.utf8))
        guard !steps.isEmpty else { return }
        records = try steps.map { try decoder.decode(Record.self, from: Data($0.utf8)) }
        reindex()
    }

    /// A session with no step, standing in for one whose stored state cannot be read.
    public static func unreadable(tree: TreeID) -> DiagnosisSession {
        DiagnosisSession(tree: tree, code: nil, evidence: nil)
    }
}
