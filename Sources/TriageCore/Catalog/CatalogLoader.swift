/// Reads catalog sources in order, merges them (later sources override earlier ones per code, per category and
/// per tree), and validates every reference. Every problem is collected with its position.
///
/// Two levels: errors (broken YAML, unknown keys and references, cycles) make a catalog unusable and are what
/// `load` reports; authoring rules (every question has a "can't tell" path, placeholders in conclusions have
/// fallbacks, `@VAR@` is set on every path, every tree has an example ticket) are checked by `lint` as well, so
/// a catalog written before those rules still loads and works, and `triage lint` says what to improve.
public enum CatalogLoader {
    /// The merged catalog and every error found. The catalog holds whatever could be read, even with problems.
    /// Files are parsed on every core; `progress` hears (from the worker threads) how many of all the sources'
    /// files are done, after each one.
    public static func load(_ sources: [CatalogSource], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil)
        -> (catalog: Catalog, problems: [CatalogProblem]) {
        let result = read(sources, progress: progress)
        return (result.catalog, result.errors)
    }

    /// `load`, plus the authoring rules: what `triage lint` reports.
    public static func lint(_ sources: [CatalogSource]) -> (catalog: Catalog, problems: [CatalogProblem]) {
        let result = read(sources, progress: nil)
        return (result.catalog, result.errors + result.findings)
    }

    private static func read(_ sources: [CatalogSource], progress: (@Sendable (Int, Int) -> Void)?)
        -> (catalog: Catalog, errors: [CatalogProblem], findings: [CatalogProblem]) {
        var problems = ProblemList()
        var findings = ProblemList()
        var merger = Merger()
        let total = sources.reduce(0) { $0 + $1.files.count }
        var perFile: (@Sendable (Int) -> Void)?
        if let progress { perFile = { done in progress(done, total) } }
        var parsed = ParsedCatalogFile.parseAll(sources, progress: perFile)
        for (index, source) in sources.enumerated() {
            // Each source's parsed files are taken out as they are merged, so their entries are not held twice.
            let files = parsed[index]
            parsed[index] = []
            var vendorCodesInSource: [String: [String: SourceLocation]] = [:]
            var treesInSource: [TreeID: SourceLocation] = [:]
            for file in files {
                problems.append(contentsOf: file.problems.problems)
                switch file.content {
                case let .vendor(vendorFile):
                    for raw in vendorFile.codes {
                        if let first = vendorCodesInSource[vendorFile.id]?[raw.entry.code],
                           first.file != raw.entry.location.file {
                            problems.add(raw.entry.location,
                                         "duplicate code '\(raw.entry.code)' of vendor '\(vendorFile.id)' (also at \(first))")
                        }
                        vendorCodesInSource[vendorFile.id, default: [:]][raw.entry.code] = raw.entry.location
                    }
                    merger.add(vendorFile, &problems)
                case let .tree(treeFile):
                    if let first = treesInSource[treeFile.tree.id] {
                        problems.add(treeFile.tree.location, "duplicate tree id '\(treeFile.tree.id)' (also at \(first))")
                    }
                    treesInSource[treeFile.tree.id] = treeFile.tree.location
                    merger.trees[treeFile.tree.id] = treeFile
                    if !merger.treeOrder.contains(treeFile.tree.id) { merger.treeOrder.append(treeFile.tree.id) }
                case let .examples(examples):
                    merger.examples += examples
                    merger.sourcesWithExamples.insert(source.name)
                case .nothing:
                    break
                }
            }
        }
        let catalog = merger.build(&problems, findings: &findings)
        CatalogDisposal.release(merger)
        return (catalog, problems.problems, findings.problems)
    }
}

/// Accumulates vendors, entries and trees across sources.
private struct Merger {
    struct VendorState {
        var vendor: Vendor
        var nameKnown: Bool
        var codeOrder: [String] = []
        var codes: [String: VendorFile.RawEntry] = [:]
    }

    var vendorOrder: [String] = []
    var vendors: [String: VendorState] = [:]
    var trees: [TreeID: TreeFile] = [:]
    var treeOrder: [TreeID] = []
    var examples: [ExampleTicket] = []
    /// Sources with at least one example-ticket file: each of their trees needs an example.
    var sourcesWithExamples = Set<String>()

    mutating func add(_ file: VendorFile, _ problems: inout ProblemList) {
        var state = vendors[file.id] ?? VendorState(
            vendor: Vendor(id: file.id, name: file.id, location: file.idLocation), nameKnown: false)
        if vendors[file.id] == nil { vendorOrder.append(file.id) }
        if let name = file.name { state.vendor.name = name; state.nameKnown = true }
        if let product = file.product { state.vendor.product = product }
        if let docs = file.docs { state.vendor.docs = docs }
        if let notice = file.notice { state.vendor.notice = notice }
        if let facts = file.facts { state.vendor.facts = facts }
        if let explain = file.explain { state.vendor.explain = explain }
        if !state.vendor.sources.contains(file.source) { state.vendor.sources.append(file.source) }
        if !state.nameKnown {
            problems.add(file.idLocation, "vendor '\(file.id)' has no 'name' (required where a vendor is first defined)")
            state.nameKnown = true  // report once
        }
        for (category, _) in file.categories {
            if let index = state.vendor.categories.firstIndex(where: { $0.id == category.id }) {
                state.vendor.categories[index] = category
            } else {
                state.vendor.categories.append(category)
            }
        }
        for raw in file.codes {
            if state.codes[raw.entry.code] == nil { state.codeOrder.append(raw.entry.code) }
            state.codes[raw.entry.code] = raw
        }
        vendors[file.id] = state
    }

    mutating func build(_ problems: inout ProblemList, findings: inout ProblemList) -> Catalog {
        let allReferences = Set(vendors.values.flatMap { state in
            state.codes.keys.map { CodeReference(vendor: state.vendor.id, code: $0) }
        })
        let codesOf = { (reference: CodeReference) in allReferences.contains(reference) }
        var unknownCodes = UnknownCodeMessages(codesByVendor: vendors.mapValues { Array($0.codes.keys) })

        // Trees first: which codes each diagnoses, so entries can list them.
        var treesByCode: [CodeReference: [TreeID]] = [:]
        let finalTrees = treeOrder.compactMap { trees[$0] }
        for file in finalTrees {
            for reference in file.tree.codes { treesByCode[reference, default: []].append(file.tree.id) }
        }
        var validator = TreeValidator(files: finalTrees, vendorIDs: Set(vendors.keys), codeExists: codesOf)
        validator.evidenceVariables = vendors.mapValues { Set($0.vendor.explain.values.values.joined()) }
        validator.validate(&problems, findings: &findings)

        var entries: [CatalogEntry] = []
        var finalVendors: [Vendor] = []
        for vendorID in vendorOrder {
            // Taken out: each vendor's raw entries go once its entries are made, not at the end.
            guard let state = vendors.removeValue(forKey: vendorID) else { continue }
            finalVendors.append(state.vendor)
            let categoryIDs = state.vendor.categories.map(\.id)
            let knownCategories = Set(categoryIDs)
            // Decision fields are asked of every code of a vendor that has them (a freshly imported vendor has none).
            let decided = state.codes.values.contains { $0.entry.decision != nil }
            for code in state.codeOrder {
                guard let raw = state.codes[code] else { continue }
                var entry = raw.entry
                if !knownCategories.contains(entry.category) {
                    var message = "code '\(code)' names unknown category '\(entry.category)' of vendor '\(vendorID)'"
                    if let guess = unknownCodes.suggest(entry.category, among: categoryIDs, limit: 1).first {
                        message += "; did you mean '\(guess)'?"
                    }
                    problems.add(raw.categoryLocation, message)
                }
                for (text, location) in raw.related {
                    let reference = CodeReference(parsing: text, defaultVendor: vendorID)
                    if codesOf(reference) {
                        entry.related.append(reference)
                    } else {
                        problems.add(location, unknownCodes.message(for: reference))
                    }
                }
                var treeIDs: [TreeID] = []
                for (treeID, location) in raw.trees {
                    if trees[treeID] == nil {
                        var message = "code '\(code)' names unknown tree '\(treeID)'"
                        if let guess = unknownCodes.suggest(treeID.rawValue, among: treeOrder.map(\.rawValue), limit: 1).first {
                            message += "; did you mean '\(guess)'?"
                        }
                        problems.add(location, message)
                    } else if !treeIDs.contains(treeID) {
                        treeIDs.append(treeID)
                    }
                }
                for treeID in treesByCode[entry.reference] ?? [] where !treeIDs.contains(treeID) {
                    treeIDs.append(treeID)
                }
                // Most specific first (a tree for a few codes before the family tree), as diagnose picks them,
                // so every list of a code's trees starts with the one `triage diagnose CODE` runs.
                let codeCounts = treeIDs.map { trees[$0]?.tree.codes.count ?? Int.max }
                entry.trees = treeIDs.indices.sorted { (codeCounts[$0], $0) < (codeCounts[$1], $1) }.map { treeIDs[$0] }
                if let problem = SummaryRule.problem(for: entry) { findings.add(entry.location, problem) }
                if decided, let problem = DecisionRule.problem(for: entry) { findings.add(entry.location, problem) }
                entries.append(entry)
            }
        }
        let catalog = Catalog(vendors: finalVendors, entries: entries, trees: finalTrees.map(\.tree), examples: examples)
        ExampleValidator(catalog: catalog, sourcesWithExamples: sourcesWithExamples)
            .validate(&problems, findings: &findings)
        return catalog
    }
}

/// "unknown code X" with the closest codes of the same vendor as suggestions. Each vendor's codes are prepared
/// once, only the first `suggestionBudget` messages carry suggestions, and all of them together compute at most
/// `distanceBudget` edit distances: a file with thousands of unknown references costs time in proportion to its
/// size, not to its size times the catalog's.
struct UnknownCodeMessages {
    let codesByVendor: [String: [String]]
    var suggestionBudget = 20
    var distanceBudget = 5_000
    private var pools: [String: SuggestionPool] = [:]

    init(codesByVendor: [String: [String]]) { self.codesByVendor = codesByVendor }

    mutating func message(for reference: CodeReference) -> String {
        guard let sameVendor = codesByVendor[reference.vendor], !sameVendor.isEmpty else {
            return "unknown code '\(reference.code)': there is no vendor '\(reference.vendor)'"
        }
        var message = "unknown code '\(reference.code)' of vendor '\(reference.vendor)'"
        guard suggestionBudget > 0 else { return message }
        suggestionBudget -= 1
        if pools[reference.vendor] == nil { pools[reference.vendor] = SuggestionPool(sameVendor) }
        let guesses = pools[reference.vendor]?.closest(to: reference.code, limit: 3, work: &distanceBudget) ?? []
        if !guesses.isEmpty { message += "; did you mean \(guesses.map { "'\($0)'" }.joined(separator: ", "))?" }
        return message
    }

    /// "Did you mean" candidates while the budget lasts, then none.
    mutating func suggest(_ input: String, among candidates: [String], limit: Int) -> [String] {
        guard suggestionBudget > 0 else { return [] }
        suggestionBudget -= 1
        return SuggestionPool(candidates).closest(to: input, limit: limit, work: &distanceBudget)
    }
}
