/// The contents of one decision-tree file, with the positions of every reference for later checks.
struct TreeFile {
    var tree: DecisionTree
    var vendorLocations: [SourceLocation]
    var codeLocations: [SourceLocation]
    var startLocation: SourceLocation
    /// Code references inside nodes (answers' `codes`, conclusions' `related`), for existence checks.
    var nodeCodeReferences: [(reference: CodeReference, location: SourceLocation)]
    /// Where each `next`, `goto` and `node` target is written, per node id.
    var targetLocations: [NodeID: [SourceLocation]]

    static let topKeys = ["id", "title", "summary", "vendors", "codes", "start", "nodes"]
    static let questionKeys = ["question", "detail", "answers", "cant_tell", "evidence"]
    static let answerKeys = ["label", "codes", "next", "match"]
    static let cantTellKeys = ["next", "check"]
    static let askKeys = ["ask", "detail", "var", "secret", "next", "cant_tell", "evidence", "choices", "format",
                          "pattern", "pattern_hint", "max_length", "optional"]
    static let conclusionKeys = ["conclusion", "explanation", "steps", "related", "escalate", "determined", "reply"]
    static let escalateKeys = ["when", "include"]
    static let linkKeys = ["goto", "node"]

    /// The key that gives a node its kind.
    enum NodeKeyword: String, CaseIterable {
        case question, ask, conclusion, goto
    }

    static func parse(_ root: YAMLMapping, source: String, _ problems: inout ProblemList) -> TreeFile? {
        root.rejectUnknownKeys(allowed: topKeys, in: "a decision tree", &problems)
        guard let idValue = root.required("id", in: "a decision tree", &problems),
              let id = idValue.text("tree id", &problems) else { return nil }
        if !Identifier.isValid(id) {
            problems.add(idValue.location, "tree id '\(id)' must use only lowercase letters, digits and '-'")
        }
        let titleValue = root.required("title", in: "tree '\(id)'", &problems)
        let title = titleValue?.text("tree title", &problems) ?? id
        if let titleValue, let match = Placeholders.occurrences(in: title).first {
            problems.add(titleValue.location, "tree title uses @\(match.name)@; placeholders are not allowed in titles (the title is shown before any value is known)")
        }
        let summary = root["summary"]?.text("tree summary", &problems)
        var vendors: [String] = []
        var vendorLocations: [SourceLocation] = []
        if let items = root.required("vendors", in: "tree '\(id)'", &problems)?.list("'vendors'", &problems) {
            for item in items {
                if let vendor = item.text("each vendor id", &problems) {
                    vendors.append(vendor)
                    vendorLocations.append(item.location)
                }
            }
            if items.isEmpty { problems.add(root.location, "tree '\(id)' must name at least one vendor") }
        }
        let defaultVendor = vendors.count == 1 ? vendors[0] : ""
        var codes: [CodeReference] = []
        var codeLocations: [SourceLocation] = []
        for item in root["codes"]?.list("'codes'", &problems) ?? [] {
            if let text = item.text("each code", &problems) {
                codes.append(CodeReference(parsing: text, defaultVendor: defaultVendor))
                codeLocations.append(item.location)
            }
        }
        let startValue = root.required("start", in: "tree '\(id)'", &problems)
        let start = startValue?.text("start node", &problems) ?? ""

        var file = TreeFile(
            tree: DecisionTree(id: TreeID(id), title: title, summary: summary, vendors: vendors, codes: codes, start: NodeID(start),
                               nodes: [], source: source, location: idValue.location),
            vendorLocations: vendorLocations, codeLocations: codeLocations,
            startLocation: startValue?.location ?? root.location, nodeCodeReferences: [], targetLocations: [:])
        file.target(start, at: file.startLocation)

        var nodes: [TreeNode] = []
        if let mapping = root.required("nodes", in: "tree '\(id)'", &problems)?.mapping("'nodes'", &problems) {
            var seen = Set<String>()
            for entry in mapping.entries {
                guard seen.insert(entry.key).inserted else {
                    problems.add(entry.keyLocation, "duplicate node '\(entry.key)'")
                    continue
                }
                if let node = file.parseNode(id: entry.key, entry.value, defaultVendor: defaultVendor, &problems) {
                    nodes.append(node)
                }
            }
            if mapping.entries.isEmpty { problems.add(mapping.location, "tree '\(id)' has no nodes") }
        }
        file.tree.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        file.tree.nodeOrder = nodes.map(\.id)
        return file
    }

    private mutating func target(_ id: String, at location: SourceLocation) {
        targetLocations[NodeID(id), default: []].append(location)
    }

    private mutating func parseNode(id: String, _ value: YAMLValue, defaultVendor: String,
                                    _ problems: inout ProblemList) -> TreeNode? {
        guard let mapping = value.mapping("node '\(id)'", &problems) else { return nil }
        let what = "node '\(id)'"
        let kinds = NodeKeyword.allCases.filter { mapping.has($0.rawValue) }
        guard kinds.count == 1, let keyword = kinds.first else {
            problems.add(mapping.location, kinds.isEmpty
                ? "\(what) must have one of 'question', 'ask', 'conclusion' or 'goto'"
                : "\(what) has several kinds (\(kinds.map(\.rawValue).joined(separator: ", "))); use exactly one")
            return nil
        }
        let kind: TreeNode.Kind
        switch keyword {
        case .question: kind = .question(parseQuestion(mapping, what: what, defaultVendor: defaultVendor, &problems))
        case .ask: kind = .ask(parseAsk(mapping, what: what, &problems))
        case .conclusion: kind = .conclusion(parseConclusion(mapping, what: what, defaultVendor: defaultVendor, &problems))
        case .goto: kind = .link(parseLink(mapping, what: what, &problems))
        }
        return TreeNode(id: NodeID(id), kind: kind, location: mapping.location)
    }

    private mutating func parseQuestion(_ mapping: YAMLMapping, what: String, defaultVendor: String,
                                        _ problems: inout ProblemList) -> Question {
        mapping.rejectUnknownKeys(allowed: Self.questionKeys, in: "question \(what)", &problems)
        let prompt = mapping["question"]?.text("question of \(what)", &problems) ?? ""
        let detail = mapping["detail"]?.text("detail of \(what)", &problems)
        let evidence = parseEvidence(mapping, what: what, &problems)
        var answers: [Answer] = []
        for item in mapping.required("answers", in: what, &problems)?.list("answers of \(what)", &problems) ?? [] {
            guard let answer = item.mapping("an answer", &problems) else { continue }
            answer.rejectUnknownKeys(allowed: Self.answerKeys, in: "an answer", &problems)
            let label = answer.required("label", in: "an answer", &problems)?.text("answer label", &problems)
            let nextValue = answer.required("next", in: "an answer", &problems)
            let next = nextValue?.text("answer target", &problems)
            var codes: [CodeReference] = []
            for code in answer["codes"]?.list("codes of an answer", &problems) ?? [] {
                if let text = code.text("each code", &problems) {
                    let reference = CodeReference(parsing: text, defaultVendor: defaultVendor)
                    codes.append(reference)
                    nodeCodeReferences.append((reference, code.location))
                }
            }
            let match = answer["match"]?.textList("match of an answer", &problems) ?? []
            if !match.isEmpty, evidence == nil, let location = answer["match"]?.location {
                problems.add(location, "answer 'match' needs an 'evidence' key on question \(what)")
            }
            if let label, let next, let nextValue {
                target(next, at: nextValue.location)
                answers.append(Answer(label: label, codes: codes, next: NodeID(next), match: match, location: answer.location))
            }
        }
        if answers.count < 2 {
            problems.add(mapping.location, "question \(what) has \(answers.count) answer\(answers.count == 1 ? "" : "s"); it needs at least two")
        }
        var cantTell: CantTell?
        if let value = mapping["cant_tell"], let entry = value.mapping("cant_tell of \(what)", &problems) {
            entry.rejectUnknownKeys(allowed: Self.cantTellKeys, in: "cant_tell of \(what)", &problems)
            let nextValue = entry.required("next", in: "cant_tell of \(what)", &problems)
            let next = nextValue?.text("cant_tell next", &problems)
            let check = entry.required("check", in: "cant_tell of \(what)", &problems)?.text("cant_tell check", &problems)
            if let next, let nextValue {
                target(next, at: nextValue.location)
                cantTell = CantTell(next: NodeID(next), check: check ?? "", location: entry.location)
            }
        }
        return Question(prompt: prompt, detail: detail, answers: answers, cantTell: cantTell, evidence: evidence)
    }

    private mutating func parseAsk(_ mapping: YAMLMapping, what: String, _ problems: inout ProblemList) -> Ask {
        mapping.rejectUnknownKeys(allowed: Self.askKeys, in: "ask \(what)", &problems)
        let prompt = mapping["ask"]?.text("prompt of \(what)", &problems) ?? ""
        let detail = mapping["detail"]?.text("detail of \(what)", &problems)
        let variable = mapping.required("var", in: what, &problems)?.text("var of \(what)", &problems) ?? ""
        if !variable.isEmpty, !variable.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }) {
            problems.add(mapping["var"]?.location ?? mapping.location,
                         "var '\(variable)' must use only capital letters, digits and '_'")
        }
        let secret = mapping["secret"]?.boolean("secret of \(what)", &problems) ?? false
        let nextValue = mapping.required("next", in: what, &problems)
        let next = nextValue?.text("next of \(what)", &problems) ?? ""
        if let nextValue { target(next, at: nextValue.location) }
        var cantTell: String?
        if let value = mapping["cant_tell"], let node = value.text("cant_tell of \(what) (a node id)", &problems) {
            cantTell = node
            target(node, at: value.location)
        }
        return Ask(prompt: prompt, detail: detail, variable: variable, secret: secret, next: NodeID(next),
                   cantTell: cantTell.map { NodeID($0) },
                   rules: parseRules(mapping, what: what, &problems), evidence: parseEvidence(mapping, what: what, &problems))
    }

    /// `choices`, `format`, `pattern` + `pattern_hint`, `max_length`, `optional`.
    private func parseRules(_ mapping: YAMLMapping, what: String, _ problems: inout ProblemList) -> ValueRules {
        var rules = ValueRules()
        if let value = mapping["choices"], let choices = value.textList("choices of \(what)", &problems) {
            rules.choices = choices
            if choices.isEmpty { problems.add(value.location, "choices of \(what) must list at least one choice") }
        }
        if let value = mapping["format"], let name = value.text("format of \(what)", &problems) {
            if let format = ValueFormat(rawValue: name) {
                rules.format = format
            } else {
                let names = ValueFormat.allCases.map(\.rawValue)
                var message = "unknown format '\(name)' of \(what) (formats: \(names.joined(separator: ", ")))"
                if let guess = Suggestions.closest(to: name, among: names, limit: 1).first { message += "; did you mean '\(guess)'?" }
                problems.add(value.location, message)
            }
        }
        if let value = mapping["pattern"], let pattern = value.text("pattern of \(what)", &problems) {
            if let error = ValueRules.patternError(pattern) {
                problems.add(value.location, "pattern of \(what) \(error)")
            } else {
                rules.pattern = pattern
            }
            if mapping["pattern_hint"] == nil {
                problems.add(value.location, "pattern of \(what) needs a 'pattern_hint': the message shown when a value does not match")
            }
        }
        if let value = mapping["pattern_hint"] {
            rules.patternHint = value.text("pattern_hint of \(what)", &problems)
            if mapping["pattern"] == nil { problems.add(value.location, "pattern_hint of \(what) needs a 'pattern'") }
        }
        let kinds = ["choices", "format", "pattern"].filter { mapping.has($0) }
        if kinds.count > 1 {
            problems.add(mapping.location, "\(what) has \(kinds.joined(separator: " and ")); use one of them")
        }
        if let value = mapping["max_length"],
           let length = value.integer("max_length of \(what)", in: ValueRules.maxLengthRange, &problems) {
            rules.maxLength = length
        }
        rules.optional = mapping["optional"]?.boolean("optional of \(what)", &problems) ?? false
        return rules
    }

    private func parseEvidence(_ mapping: YAMLMapping, what: String, _ problems: inout ProblemList) -> Evidence.Key? {
        guard let value = mapping["evidence"], let name = value.text("evidence of \(what)", &problems) else { return nil }
        if let key = Evidence.Key(rawValue: name) { return key }
        let names = Evidence.Key.allCases.map(\.rawValue)
        var message = "unknown evidence '\(name)' of \(what) (keys: \(names.joined(separator: ", ")))"
        if let guess = Suggestions.closest(to: name, among: names, limit: 1).first { message += "; did you mean '\(guess)'?" }
        problems.add(value.location, message)
        return nil
    }

    private mutating func parseConclusion(_ mapping: YAMLMapping, what: String, defaultVendor: String,
                                          _ problems: inout ProblemList) -> Conclusion {
        mapping.rejectUnknownKeys(allowed: Self.conclusionKeys, in: "conclusion \(what)", &problems)
        let diagnosis = mapping["conclusion"]?.text("conclusion of \(what)", &problems) ?? ""
        let explanation = mapping["explanation"]?.text("explanation of \(what)", &problems)
        let steps = mapping["steps"]?.textList("steps of \(what)", &problems) ?? []
        if steps.isEmpty {
            problems.add(mapping.location, "conclusion \(what) has no steps; it needs at least one resolution step")
        }
        var related: [CodeReference] = []
        for code in mapping["related"]?.list("related of \(what)", &problems) ?? [] {
            if let text = code.text("each related code", &problems) {
                let reference = CodeReference(parsing: text, defaultVendor: defaultVendor)
                related.append(reference)
                nodeCodeReferences.append((reference, code.location))
            }
        }
        var escalation: Escalation?
        if let escalate = mapping["escalate"]?.mapping("escalate of \(what)", &problems) {
            escalate.rejectUnknownKeys(allowed: Self.escalateKeys, in: "escalate", &problems)
            escalation = Escalation(when: escalate["when"]?.text("escalate when", &problems),
                                    include: escalate["include"]?.textList("escalate include", &problems) ?? [])
        }
        let determined = mapping["determined"]?.boolean("determined of \(what)", &problems) ?? true
        var conclusion = Conclusion(diagnosis: diagnosis, explanation: explanation, steps: steps, related: related,
                                    escalate: escalation, determined: determined)
        conclusion.reply = mapping["reply"].flatMap { ConclusionReply.parse($0, what: what, &problems) }
        return conclusion
    }

    private func parseLink(_ mapping: YAMLMapping, what: String, _ problems: inout ProblemList) -> Link {
        mapping.rejectUnknownKeys(allowed: Self.linkKeys, in: "goto \(what)", &problems)
        let tree = mapping["goto"]?.text("goto of \(what)", &problems) ?? ""
        let node = mapping["node"]?.text("node of \(what)", &problems)
        return Link(tree: TreeID(tree), node: node.map { NodeID($0) })
    }
}
