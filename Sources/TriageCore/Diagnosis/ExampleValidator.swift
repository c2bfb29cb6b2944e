/// Checks example tickets once the catalog is merged: the code and tree each starts from exist, the expected
/// conclusion exists, and (for every source that has example files) each of the source's trees has an example.
/// A source without any example file (an override folder, a test fixture) is not asked for examples.
struct ExampleValidator {
    let catalog: Catalog
    let sourcesWithExamples: Set<String>

    /// Errors go to `problems`; a tree without an example is a finding (an authoring rule).
    func validate(_ problems: inout ProblemList, findings: inout ProblemList) {
        var conclusions = Set<NodeID>()
        for tree in catalog.trees {
            for (id, node) in tree.nodes { if case .conclusion = node.kind { conclusions.insert(id) } }
        }
        var covered = Set<TreeID>()
        var unknownCodes: UnknownCodeMessages?
        // Evidence names the vendor files declare, which a paste example may assert besides the standard ones.
        let declared = Set(catalog.vendors.flatMap(\.explain.evidenceNames))
        for example in catalog.examples {
            let named = "example '\(example.name)'"
            if let tree = example.tree, catalog.tree(id: tree) == nil {
                var message = "\(named) names unknown tree '\(tree)'"
                if let guess = Suggestions.closest(to: tree, among: catalog.trees.map(\.id), limit: 1).first {
                    message += "; did you mean '\(guess)'?"
                }
                problems.add(example.location, message)
            }
            if let code = example.code, example.startCode(in: catalog) == nil {
                if unknownCodes == nil {
                    unknownCodes = UnknownCodeMessages(
                        codesByVendor: Dictionary(grouping: catalog.entries, by: \.vendor).mapValues { $0.map(\.code) })
                }
                problems.add(example.location, "\(named): " + unknownCodeMessage(code, messages: &unknownCodes!))
            }
            if !example.expect.isEmpty, !conclusions.contains(example.expect) {
                var message = "\(named) expects '\(example.expect)', which is not a conclusion of any tree"
                if let guess = Suggestions.closest(to: example.expect, among: Array(conclusions), limit: 1).first {
                    message += "; did you mean '\(guess)'?"
                }
                problems.add(example.location, message)
            }
            for key in (example.evidence?.values.keys).map(Array.init) ?? [] where Evidence.Key(rawValue: key.rawValue) == nil {
                guard !declared.contains(key.rawValue) else { continue }
                var message = "unknown evidence '\(key.rawValue)' in \(named): neither a standard name nor one a vendor file declares"
                if let guess = Suggestions.closest(to: key.rawValue, among: Array(declared) + Evidence.Key.allCases.map(\.rawValue), limit: 1).first {
                    message += "; did you mean '\(guess)'?"
                }
                problems.add(example.location, message)
            }
            if let tree = example.startTree(in: catalog) { covered.insert(tree) }
        }
        for tree in catalog.trees where sourcesWithExamples.contains(tree.source) && !covered.contains(tree.id) {
            findings.add(tree.location, "tree '\(tree.id)' has no example ticket: add one to a tests file (catalog/tests/*.yaml) of the same catalog")
        }
    }

    private func unknownCodeMessage(_ code: CodeReference, messages: inout UnknownCodeMessages) -> String {
        if code.vendor.isEmpty {
            let found = catalog.entries(code: code.code)
            if found.count > 1 {
                return "code '\(code.code)' belongs to several vendors (\(found.map(\.vendor).joined(separator: ", "))); write it as vendor:CODE"
            }
            let guesses = catalog.suggestions(for: code.code).map(\.description)
            return "unknown code '\(code.code)'" + (guesses.isEmpty ? "" : "; did you mean \(guesses.map { "'\($0)'" }.joined(separator: ", "))?")
        }
        return messages.message(for: code)
    }
}

extension ExampleTicket {
    /// The code the example starts from, as the catalog has it (a bare code must belong to one vendor).
    public func startCode(in catalog: Catalog) -> CodeReference? {
        guard let code else { return nil }
        if !code.vendor.isEmpty { return catalog.entry(code) == nil ? nil : code }
        let found = catalog.entries(code: code.code)
        return found.count == 1 ? found[0].reference : nil
    }

    /// The tree the example starts in: its `tree`, else the most specific tree for its code.
    public func startTree(in catalog: Catalog) -> TreeID? {
        if let tree { return catalog.tree(id: tree)?.id }
        guard let code = startCode(in: catalog) else { return nil }
        return DiagnosisSession.trees(for: code, in: catalog).first?.id
    }
}
