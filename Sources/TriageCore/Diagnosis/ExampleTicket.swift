/// An example ticket from `catalog/tests/*.yaml`: how a diagnosis starts (a code or a tree), the answers an
/// engineer can give from the ticket, and the conclusion they must reach. `triage test` walks each one.
public struct ExampleTicket: Hashable, Sendable, Codable {
    /// The most answers an example may need.
    public static let maxAnswers = 8

    public var name: String
    /// Start like `triage diagnose CODE`; the vendor is empty when the file wrote a bare code.
    public var code: CodeReference?
    /// Start in (or, with `code`, pick) this tree.
    public var tree: TreeID?
    /// The ticket text or pasted response the answers come from.
    public var ticket: String?
    /// What the customer pasted (a log, a curl -v, an SDK exception, a raw response): when present, the example
    /// starts as `diagnose --from` does, from the code and evidence `explain` finds in it, and `code` and
    /// `evidence` are what explain must find.
    public var paste: String?
    /// Facts a paste gives, filled in before the first question (`evidence: {app_id: ..., region: ...}`); with
    /// `paste`, the facts explain must take from it.
    public var evidence: Evidence?
    /// In order: an answer number, a typed value, or "can't tell".
    public var answers: [ExampleAnswer]
    /// The id of the conclusion node to reach.
    public var expect: NodeID
    /// The catalog source the file came from (`built-in` or a folder).
    public var source: String
    public var location: SourceLocation

    public init(name: String, code: CodeReference? = nil, tree: TreeID? = nil, ticket: String? = nil,
                paste: String? = nil, evidence: Evidence? = nil, answers: [ExampleAnswer], expect: NodeID, source: String,
                location: SourceLocation) {
        self.name = name
        self.code = code
        self.tree = tree
        self.ticket = ticket
        self.paste = paste
        self.evidence = evidence
        self.answers = answers
        self.expect = expect
        self.source = source
        self.location = location
    }
}

/// One answer of an example: `cant_tell`, or text (an answer number at a question, the value at an ask).
public enum ExampleAnswer: Hashable, Sendable, Codable, CustomStringConvertible {
    case cantTell
    case text(String)

    public var description: String {
        switch self {
        case .cantTell: return "cant_tell"
        case let .text(text): return text
        }
    }
}

/// The contents of one example-ticket file (a top-level `tests:` list).
struct ExampleFile {
    static let topKeys = ["tests"]
    static let testKeys = ["name", "code", "tree", "ticket", "paste", "evidence", "answers", "expect"]

    var examples: [ExampleTicket]

    static func parse(_ root: YAMLMapping, source: String, _ problems: inout ProblemList) -> ExampleFile {
        root.rejectUnknownKeys(allowed: topKeys, in: "an example-ticket file", &problems)
        var examples: [ExampleTicket] = []
        let items = root["tests"]?.list("'tests'", &problems) ?? []
        if items.isEmpty, let tests = root["tests"] { problems.add(tests.location, "'tests' lists no example tickets") }
        for item in items {
            guard let test = item.mapping("an example ticket", &problems) else { continue }
            let what = "an example ticket"
            test.rejectUnknownKeys(allowed: testKeys, in: what, &problems)
            let name = test.required("name", in: what, &problems)?.text("example name", &problems) ?? ""
            let named = name.isEmpty ? what : "example '\(name)'"
            let code = test["code"]?.text("code of \(named)", &problems)
                .map { CodeReference(parsing: $0, defaultVendor: "") }
            let tree = test["tree"]?.text("tree of \(named)", &problems)
            let paste = test["paste"]?.text("paste of \(named)", &problems)
            if code == nil, tree == nil, test["code"] == nil, test["paste"] == nil {
                problems.add(test.location, "\(named) needs 'code', 'tree' or 'paste': where the diagnosis starts")
            }
            let ticket = test["ticket"]?.text("ticket of \(named)", &problems)
            var evidence: Evidence?
            if let mapping = test["evidence"]?.mapping("evidence of \(named)", &problems) {
                var facts = Evidence()
                for entry in mapping.entries {
                    // A paste example may also name what a vendor file declares (`guid`, `target_uid`); the
                    // validator checks those once the vendors are merged.
                    let vendorName = paste != nil && entry.key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }
                    guard let key = Evidence.Key(rawValue: entry.key) ?? (vendorName ? Evidence.Key(named: entry.key) : nil) else {
                        let names = Evidence.Key.allCases.map(\.rawValue)
                        var message = "unknown evidence '\(entry.key)' in \(named)"
                        if let guess = Suggestions.closest(to: entry.key, among: names, limit: 1).first {
                            message += "; did you mean '\(guess)'?"
                        }
                        problems.add(entry.keyLocation, message)
                        continue
                    }
                    facts[key] = entry.value.text("evidence \(entry.key)", &problems)
                }
                evidence = facts
            }
            var answers: [ExampleAnswer] = []
            for answer in test.required("answers", in: named, &problems)?.list("answers of \(named)", &problems) ?? [] {
                guard let text = answer.text("each answer", &problems) else { continue }
                answers.append(text == "cant_tell" ? .cantTell : .text(text))
            }
            if answers.count > ExampleTicket.maxAnswers, let location = test["answers"]?.location {
                problems.add(location, "\(named) gives \(answers.count) answers; an example reaches its conclusion in \(ExampleTicket.maxAnswers) or fewer")
            }
            let expect = test.required("expect", in: named, &problems)?.text("expect of \(named)", &problems) ?? ""
            examples.append(ExampleTicket(name: name, code: code, tree: tree.map { TreeID($0) }, ticket: ticket,
                                          paste: paste, evidence: evidence, answers: answers, expect: NodeID(expect), source: source, location: test.location))
        }
        return ExampleFile(examples: examples)
    }
}
