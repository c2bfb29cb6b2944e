/// Lint: a placeholder without a fallback (`@VAR@`) in a question or ask must name a variable that is set on
/// every path from the tree's start to it. An `ask` sets its variable on the way to `next` only when "can't
/// tell" leads elsewhere (`cant_tell: NODE`); otherwise "can't tell" reaches `next` with the value unknown.
///
/// A forward dataflow over the tree's DAG in topological order: the variables surely set at a node are the
/// intersection over its incoming edges, as bitsets over the variables that need the check only. A node's set
/// is dropped once all its successors have been processed, so a long chain needs little memory. Time is
/// O((nodes + edges) * checked variables / 64). A tree with a cycle is skipped (the cycle is reported).
struct SurelySet {
    let tree: DecisionTree

    func check(_ problems: inout ProblemList) {
        // The variables used without fallback outside conclusions (conclusions must always give one).
        var uses: [Int: [String]] = [:]  // node index -> names used without fallback
        var bit: [String: Int] = [:]
        var index: [NodeID: Int] = [:]
        let ids = tree.nodeOrder.filter { tree.nodes[$0] != nil }
        for (position, id) in ids.enumerated() { index[id] = position }
        for (position, id) in ids.enumerated() {
            guard let node = tree.nodes[id] else { continue }
            if case .conclusion = node.kind { continue }
            var names: [String] = []
            for text in node.texts {
                for match in Placeholders.occurrences(in: text) where match.fallback == nil && !names.contains(match.name) {
                    names.append(match.name)
                    if bit[match.name] == nil { bit[match.name] = bit.count }
                }
            }
            if !names.isEmpty { uses[position] = names }
        }
        guard !uses.isEmpty, let start = index[tree.start] else { return }
        let words = (bit.count + 63) / 64

        // Edges (target, variable set on the way or -1), and in-degrees over the nodes reachable from start.
        var edges = [[(target: Int, sets: Int)]](repeating: [], count: ids.count)
        for (position, id) in ids.enumerated() {
            guard let node = tree.nodes[id] else { continue }
            switch node.kind {
            case let .question(question):
                for next in question.answers.map(\.next) + (question.cantTell.map { [$0.next] } ?? []) {
                    if let target = index[next] { edges[position].append((target, -1)) }
                }
            case let .ask(ask):
                if let target = index[ask.next] {
                    edges[position].append((target, ask.cantTell == nil ? -1 : bit[ask.variable] ?? -1))
                }
                if let other = ask.cantTell, let target = index[other] { edges[position].append((target, -1)) }
            case .conclusion, .link:
                break
            }
        }
        var reachable = [Bool](repeating: false, count: ids.count)
        var stack = [start]
        reachable[start] = true
        while let node = stack.popLast() {
            for edge in edges[node] where !reachable[edge.target] {
                reachable[edge.target] = true
                stack.append(edge.target)
            }
        }
        var indegree = [Int](repeating: 0, count: ids.count)
        for node in ids.indices where reachable[node] {
            for edge in edges[node] { indegree[edge.target] += 1 }
        }
        guard indegree[start] == 0 else { return }  // a cycle through the start

        var sets = [[UInt64]?](repeating: nil, count: ids.count)
        sets[start] = [UInt64](repeating: 0, count: words)
        var ready = [start]
        while let node = ready.popLast() {
            guard let known = sets[node] else { continue }
            for name in uses[node] ?? [] {
                guard let position = bit[name] else { continue }
                if known[position / 64] & (1 << UInt64(position % 64)) == 0 {
                    problems.add(tree.nodes[ids[node]]?.location ?? tree.location,
                                 "node '\(ids[node])' uses @\(name)@ without a fallback, but \(name) is not set on every path to it (it can be answered \"can't tell\"); write @\(name)|a phrase@")
                }
            }
            for edge in edges[node] {
                var incoming = known
                if edge.sets >= 0 { incoming[edge.sets / 64] |= 1 << UInt64(edge.sets % 64) }
                if var existing = sets[edge.target] {
                    for word in 0..<words { existing[word] &= incoming[word] }
                    sets[edge.target] = existing
                } else {
                    sets[edge.target] = incoming
                }
                indegree[edge.target] -= 1
                if indegree[edge.target] == 0 { ready.append(edge.target) }
            }
            sets[node] = nil  // all successors have their share
        }
    }
}
