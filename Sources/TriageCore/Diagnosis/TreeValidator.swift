import Foundation

/// Checks decision trees once every source is merged: targets, reachability, cycles (also through `goto`),
/// codes and trees named, "can't tell" paths, and `@VAR@` placeholders. Per-node rules (answer counts, steps)
/// are checked on parsing. Every check is linear in the size of the trees (a 15,000-node chain validates in
/// milliseconds): no recursion, no per-path copies.
struct TreeValidator {
    let files: [TreeFile]
    let vendorIDs: Set<String>
    let codeExists: (CodeReference) -> Bool
    /// The variables each vendor's files say evidence fills (`values:` of `explain:`), by vendor id.
    var evidenceVariables: [String: Set<String>] = [:]

    private var byID: [TreeID: TreeFile] { Dictionary(files.map { ($0.tree.id, $0) }, uniquingKeysWith: { _, last in last }) }

    /// Errors go to `problems`, authoring rules ("can't tell" paths, fallbacks, values set on every path) to
    /// `findings`.
    func validate(_ problems: inout ProblemList, findings: inout ProblemList) {
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
            checkCantTell(file, &findings)
            checkReplies(file, &findings)
            checkVariables(file, &problems, findings: &findings)
            SurelySet(tree: tree).check(&findings)
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

    private func checkTargets(_ file: TreeFile, trees: [TreeID: TreeFile], _ problems: inout ProblemList) {
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
        var seen: Set<NodeID> = [tree.start]
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

    /// Every question says where "I can't tell from the ticket" leads.
    private func checkCantTell(_ file: TreeFile, _ problems: inout ProblemList) {
        for id in file.tree.nodeOrder {
            guard let node = file.tree.nodes[id], case let .question(question) = node.kind, question.cantTell == nil
            else { continue }
            problems.add(node.location, "question node '\(id)' has no cant_tell: give 'next' (where \"I can't tell from the ticket\" leads) and 'check' (what to check)")
        }
    }

    /// Every conclusion of a tree that has replies has the reply for the ticket (a tree written before replies,
    /// with none yet, is not asked).
    private func checkReplies(_ file: TreeFile, _ findings: inout ProblemList) {
        let hasReplies = file.tree.nodes.values.contains { node in
            if case let .conclusion(conclusion) = node.kind { return conclusion.reply != nil }
            return false
        }
        guard hasReplies else { return }
        for id in file.tree.nodeOrder {
            guard let node = file.tree.nodes[id], case let .conclusion(conclusion) = node.kind, conclusion.reply == nil
            else { continue }
            findings.add(node.location, "conclusion '\(id)' has no reply: add 'reply:' with 'customer' (the reply for the ticket) and 'internal' (the note for colleagues)")
        }
    }

    /// Placeholders name variables an `ask` of the tree sets, or that a vendor of the tree says a paste fills
    /// (`values:` of its `explain:`, e.g. the region a ticket names); fallbacks are not empty; conclusions give
    /// every placeholder a fallback (a conclusion is reached after "can't tell" answers too).
    private func checkVariables(_ file: TreeFile, _ problems: inout ProblemList, findings: inout ProblemList) {
        let tree = file.tree
        var defined = Set<String>()
        for node in tree.nodes.values { if case let .ask(ask) = node.kind { defined.insert(ask.variable) } }
        for vendor in tree.vendors { defined.formUnion(evidenceVariables[vendor] ?? []) }
        for id in tree.nodeOrder {
            guard let node = tree.nodes[id] else { continue }
            var reported = Set<String>()
            for text in node.texts {
                for match in Placeholders.occurrences(in: text) where reported.insert(match.name).inserted {
                    if !defined.contains(match.name) {
                        problems.add(node.location, "node '\(id)' uses @\(match.name)@, which no 'ask' node of tree '\(tree.id)' sets (nor its vendors' evidence)")
                    } else if let fallback = match.fallback,
                              fallback.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        findings.add(node.location, "node '\(id)' gives @\(match.name)|@ an empty fallback; write the phrase to show when \(match.name) is unknown")
                    } else if match.fallback == nil, case .conclusion = node.kind {
                        findings.add(node.location, "conclusion '\(id)' uses @\(match.name)@ without a fallback; write @\(match.name)|a phrase@ (shown when \(match.name) is unknown)")
                    }
                }
            }
        }
    }

    /// Depth-first search over (tree, node) pairs, following answers, `next` and `goto`; iterative, each node
    /// visited once.
    private func checkCycles(trees: [TreeID: TreeFile], _ problems: inout ProblemList) {
        // Number every (tree, node) pair.
        var offsets: [TreeID: Int] = [:]
        var keys: [(tree: DecisionTree, node: NodeID)] = []
        var nodeIndex: [TreeID: [NodeID: Int]] = [:]
        for file in files where offsets[file.tree.id] == nil {
            offsets[file.tree.id] = keys.count
            var index: [NodeID: Int] = [:]
            for id in file.tree.nodeOrder where file.tree.nodes[id] != nil {
                index[id] = keys.count
                keys.append((file.tree, id))
            }
            nodeIndex[file.tree.id] = index
        }
        func successors(_ key: Int) -> [Int] {
            let (tree, id) = keys[key]
            guard let node = tree.nodes[id] else { return [] }
            if case let .link(link) = node.kind {
                guard let other = trees[link.tree]?.tree else { return [] }
                return nodeIndex[other.id]?[link.node ?? other.start].map { [$0] } ?? []
            }
            guard let index = nodeIndex[tree.id] else { return [] }
            return node.successors.compactMap { index[$0] }
        }
        func name(_ key: Int, relativeTo reference: Int) -> String {
            keys[key].tree.id == keys[reference].tree.id ? keys[key].node.rawValue : "\(keys[key].tree.id)/\(keys[key].node)"
        }
        var state = [UInt8](repeating: 0, count: keys.count)  // 0 new, 1 on the current path, 2 done
        var position = [Int](repeating: 0, count: keys.count)
        var reported = [Bool](repeating: false, count: keys.count)
        var stack: [(key: Int, next: [Int], index: Int)] = []
        for file in files where file.tree.nodes[file.tree.start] != nil {
            for id in file.tree.nodeOrder {
                guard let root = nodeIndex[file.tree.id]?[id], state[root] == 0 else { continue }
                state[root] = 1
                position[root] = 0
                stack.append((root, successors(root), 0))
                while !stack.isEmpty {
                    let top = stack.count - 1
                    guard stack[top].index < stack[top].next.count else {
                        state[stack[top].key] = 2
                        stack.removeLast()
                        continue
                    }
                    let next = stack[top].next[stack[top].index]
                    stack[top].index += 1
                    switch state[next] {
                    case 0:
                        state[next] = 1
                        position[next] = stack.count
                        stack.append((next, successors(next), 0))
                    case 1 where !reported[next]:
                        reported[next] = true
                        var names = stack[position[next]...].map { name($0.key, relativeTo: next) }
                        if names.count > 12 {
                            names = Array(names.prefix(5)) + ["... \(names.count - 10) more ..."] + Array(names.suffix(5))
                        }
                        names.append(name(next, relativeTo: next))
                        if let node = keys[next].tree.nodes[keys[next].node] {
                            problems.add(node.location, "cycle: \(names.joined(separator: " -> ")); a diagnosis must always end")
                        }
                    default:
                        break
                    }
                }
            }
        }
    }
}

extension TreeNode {
    /// Every text of the node that may hold `@VAR@` placeholders.
    var texts: [String] {
        switch kind {
        case let .question(question):
            return [question.prompt, question.detail ?? "", question.cantTell?.check ?? ""] + question.answers.map(\.label)
        case let .ask(ask): return [ask.prompt, ask.detail ?? ""]
        case let .conclusion(conclusion):
            return [conclusion.diagnosis, conclusion.explanation ?? "", conclusion.escalate?.when ?? ""]
                + conclusion.steps + (conclusion.escalate?.include ?? [])
                + (conclusion.reply.map { [$0.customer, $0.internalNote] } ?? [])
        case .link: return []
        }
    }
}
