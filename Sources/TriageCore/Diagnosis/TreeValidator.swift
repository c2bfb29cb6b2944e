/// Checks decision trees once every source is merged: targets, reachability, cycles (also through `goto`),
/// codes and trees named, and `@VAR@` placeholders. Per-node rules (answer counts, steps) are checked on parsing.
struct TreeValidator {
    let files: [TreeFile]
    let vendorIDs: Set<String>
    let codeExists: (CodeReference) -> Bool

    private var byID: [String: TreeFile] { Dictionary(files.map { ($0.tree.id, $0) }, uniquingKeysWith: { _, last in last }) }

    func validate(_ problems: inout ProblemList) {
        let trees = byID
        for file in files {
            let tree = file.tree
            for (vendor, location) in zip(tree.vendors, file.vendorLocations) where !vendorIDs.contains(vendor) {
                problems.add(location, "tree '\(tree.id)' names unknown vendor '\(vendor)'")
            }
            for (reference, location) in zip(tree.codes, file.codeLocations) {
                check(reference, at: location, in: tree, &problems)
            }
            for (reference, location) in file.nodeCodeReferences {
                check(reference, at: location, in: tree, &problems)
            }
            checkTargets(file, trees: trees, &problems)
            checkReachable(file, &problems)
            checkImpliedCodes(file, &problems)
            checkVariables(file, &problems)
        }
        checkCycles(trees: trees, &problems)
    }

    private func check(_ reference: CodeReference, at location: SourceLocation, in tree: DecisionTree,
                       _ problems: inout ProblemList) {
        if reference.vendor.isEmpty {
            problems.add(location, "write '\(reference.code)' as vendor:CODE: tree '\(tree.id)' covers several vendors")
        } else if !codeExists(reference) {
            problems.add(location, "tree '\(tree.id)' names unknown code '\(reference.code)' of vendor '\(reference.vendor)'")
        }
    }

    private func checkTargets(_ file: TreeFile, trees: [String: TreeFile], _ problems: inout ProblemList) {
        let tree = file.tree
        for (target, locations) in file.targetLocations where tree.nodes[target] == nil && !target.isEmpty {
            var message = "unknown node '\(target)' in tree '\(tree.id)'"
            if let guess = Suggestions.closest(to: target, among: tree.nodeOrder, limit: 1).first {
                message += "; did you mean '\(guess)'?"
            }
            for location in locations { problems.add(location, message) }
        }
        for id in tree.nodeOrder {
            guard let node = tree.nodes[id], case let .link(link) = node.kind else { continue }
            guard let other = trees[link.tree] else {
                var message = "goto names unknown tree '\(link.tree)'"
                if let guess = Suggestions.closest(to: link.tree, among: Array(trees.keys), limit: 1).first {
                    message += "; did you mean '\(guess)'?"
                }
                problems.add(node.location, message)
                continue
            }
            if let target = link.node, other.tree.nodes[target] == nil {
                problems.add(node.location, "goto names unknown node '\(target)' of tree '\(link.tree)'")
            }
        }
    }

    private func checkReachable(_ file: TreeFile, _ problems: inout ProblemList) {
        let tree = file.tree
        guard tree.nodes[tree.start] != nil else { return }
        var seen: Set<String> = [tree.start]
        var stack = [tree.start]
        while let id = stack.popLast() {
            for next in tree.nodes[id]?.successors ?? [] where seen.insert(next).inserted { stack.append(next) }
        }
        for id in tree.nodeOrder where !seen.contains(id) {
            if let node = tree.nodes[id] {
                problems.add(node.location, "node '\(id)' cannot be reached from start '\(tree.start)'")
            }
        }
    }

    /// A tree of several codes must let each of them skip the "which code" questions, and answers may only
    /// imply codes the tree diagnoses.
    private func checkImpliedCodes(_ file: TreeFile, _ problems: inout ProblemList) {
        let tree = file.tree
        var implied = Set<CodeReference>()
        for id in tree.nodeOrder {
            guard case let .question(question)? = tree.nodes[id]?.kind else { continue }
            for answer in question.answers {
                for code in answer.codes {
                    implied.insert(code)
                    if !tree.codes.contains(code), !code.vendor.isEmpty {
                        problems.add(answer.location, "answer implies '\(code.code)', which tree '\(tree.id)' does not list under codes:")
                    }
                }
            }
        }
        guard tree.codes.count > 1 else { return }
        for (code, location) in zip(tree.codes, file.codeLocations) where !implied.contains(code) {
            problems.add(location, "no answer of tree '\(tree.id)' implies '\(code.code)': started from it, the tree could not skip its code questions")
        }
    }

    private func checkVariables(_ file: TreeFile, _ problems: inout ProblemList) {
        let tree = file.tree
        var defined = Set<String>()
        for node in tree.nodes.values { if case let .ask(ask) = node.kind { defined.insert(ask.variable) } }
        for id in tree.nodeOrder {
            guard let node = tree.nodes[id] else { continue }
            for variable in Placeholders.names(in: node.texts) where !defined.contains(variable) {
                problems.add(node.location, "node '\(id)' uses @\(variable)@, which no 'ask' node of tree '\(tree.id)' sets")
            }
        }
    }

    /// Depth-first search over (tree, node) pairs, following answers, `next` and `goto`.
    private func checkCycles(trees: [String: TreeFile], _ problems: inout ProblemList) {
        struct Key: Hashable { let tree: String; let node: String }
        var state: [Key: Bool] = [:]  // false: on the current path; true: done
        var reported = Set<Key>()
        func successors(_ key: Key) -> [Key] {
            guard let node = trees[key.tree]?.tree.nodes[key.node] else { return [] }
            if case let .link(link) = node.kind, let other = trees[link.tree] {
                return [Key(tree: link.tree, node: link.node ?? other.tree.start)]
            }
            return node.successors.map { Key(tree: key.tree, node: $0) }
        }
        func visit(_ key: Key, path: [Key]) {
            if let done = state[key] {
                if !done, reported.insert(key).inserted,
                   let node = trees[key.tree]?.tree.nodes[key.node] {
                    let cycle = (path.drop { $0 != key } + [key]).map { $0.tree == key.tree ? $0.node : "\($0.tree)/\($0.node)" }
                    problems.add(node.location, "cycle: \(cycle.joined(separator: " -> ")); a diagnosis must always end")
                }
                return
            }
            state[key] = false
            for next in successors(key) { visit(next, path: path + [key]) }
            state[key] = true
        }
        for file in files where file.tree.nodes[file.tree.start] != nil {
            for id in file.tree.nodeOrder { visit(Key(tree: file.tree.id, node: id), path: []) }
        }
    }
}

extension TreeNode {
    /// Every text of the node that may hold `@VAR@` placeholders.
    var texts: [String] {
        switch kind {
        case let .question(question): return [question.prompt, question.detail ?? ""] + question.answers.map(\.label)
        case let .ask(ask): return [ask.prompt, ask.detail ?? ""]
        case let .conclusion(conclusion):
            return [conclusion.diagnosis, conclusion.explanation ?? "", conclusion.escalate?.when ?? ""]
                + conclusion.steps + (conclusion.escalate?.include ?? [])
        case .link: return []
        }
    }
}
