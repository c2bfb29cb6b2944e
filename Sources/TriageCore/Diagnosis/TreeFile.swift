/// The contents of one decision-tree file, with the positions of every reference for later checks.
struct TreeFile {
    var tree: DecisionTree
    var vendorLocations: [SourceLocation]
    var codeLocations: [SourceLocation]
    var startLocation: SourceLocation
    /// Code references inside nodes (answers' `codes`, conclusions' `related`), for existence checks.
    var nodeCodeReferences: [(reference: CodeReference, location: SourceLocation)]
    /// Where each `next`, `goto` and `node` target is written, per node id.
    var targetLocations: [String: [SourceLocation]]

    static let topKeys = ["id", "title", "summary", "vendors", "codes", "start", "nodes"]
    static let questionKeys = ["question", "detail", "answers"]
    static let answerKeys = ["label", "codes", "next"]
    static let askKeys = ["ask", "detail", "var", "secret", "next"]
    static let conclusionKeys = ["conclusion", "explanation", "steps", "related", "escalate"]
    static let escalateKeys = ["when", "include"]
    static let linkKeys = ["goto", "node"]

    static func parse(_ root: YAMLMapping, source: String, _ problems: inout ProblemList) -> TreeFile? {
        root.rejectUnknownKeys(allowed: topKeys, in: "a decision tree", &problems)
        guard let idValue = root.required("id", in: "a decision tree", &problems),
              let id = idValue.text("tree id", &problems) else { return nil }
        if !Identifier.isValid(id) {
            problems.add(idValue.location, "tree id '\(id)' must use only lowercase letters, digits and '-'")
        }
        let title = root.required("title", in: "tree '\(id)'", &problems)?.text("tree title", &problems) ?? id
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
            tree: DecisionTree(id: id, title: title, summary: summary, vendors: vendors, codes: codes, start: start,
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
        targetLocations[id, default: []].append(location)
    }

    private mutating func parseNode(id: String, _ value: YAMLValue, defaultVendor: String,
                                    _ problems: inout ProblemList) -> TreeNode? {
        guard let mapping = value.mapping("node '\(id)'", &problems) else { return nil }
        let what = "node '\(id)'"
        let kinds = ["question", "ask", "conclusion", "goto"].filter { mapping.has($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            problems.add(mapping.location, kinds.isEmpty
                ? "\(what) must have one of 'question', 'ask', 'conclusion' or 'goto'"
                : "\(what) has several kinds (\(kinds.joined(separator: ", "))); use exactly one")
            return nil
        }
        switch kind {
        case "question":
            mapping.rejectUnknownKeys(allowed: Self.questionKeys, in: "question \(what)", &problems)
            let prompt = mapping["question"]?.text("question of \(what)", &problems) ?? ""
            let detail = mapping["detail"]?.text("detail of \(what)", &problems)
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
                if let label, let next, let nextValue {
                    target(next, at: nextValue.location)
                    answers.append(Answer(label: label, codes: codes, next: next, location: answer.location))
                }
            }
            if answers.count < 2 {
                problems.add(mapping.location, "question \(what) has \(answers.count) answer\(answers.count == 1 ? "" : "s"); it needs at least two")
            }
            return TreeNode(id: id, kind: .question(Question(prompt: prompt, detail: detail, answers: answers)),
                            location: mapping.location)
        case "ask":
            mapping.rejectUnknownKeys(allowed: Self.askKeys, in: "ask \(what)", &problems)
            let prompt = mapping["ask"]?.text("prompt of \(what)", &problems) ?? ""
            let detail = mapping["detail"]?.text("detail of \(what)", &problems)
            let variable = mapping.required("var", in: what, &problems)?.text("var of \(what)", &problems) ?? ""
            if !variable.isEmpty, !variable.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
                problems.add(mapping["var"]?.location ?? mapping.location,
                             "var '\(variable)' must use only capital letters, digits and '_'")
            }
            let secret = mapping["secret"]?.boolean("secret of \(what)", &problems) ?? false
            let nextValue = mapping.required("next", in: what, &problems)
            let next = nextValue?.text("next of \(what)", &problems) ?? ""
            if let nextValue { target(next, at: nextValue.location) }
            return TreeNode(id: id, kind: .ask(Ask(prompt: prompt, detail: detail, variable: variable, secret: secret,
                                                   next: next)), location: mapping.location)
        case "conclusion":
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
            return TreeNode(id: id, kind: .conclusion(Conclusion(diagnosis: diagnosis, explanation: explanation,
                                                                 steps: steps, related: related,
                                                                 escalate: escalation)),
                            location: mapping.location)
        default:
            mapping.rejectUnknownKeys(allowed: Self.linkKeys, in: "goto \(what)", &problems)
            let tree = mapping["goto"]?.text("goto of \(what)", &problems) ?? ""
            let node = mapping["node"]?.text("node of \(what)", &problems)
            return TreeNode(id: id, kind: .link(Link(tree: tree, node: node)), location: mapping.location)
        }
    }
}
