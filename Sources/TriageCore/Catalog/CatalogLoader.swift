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
        var merge = CatalogMerge<VendorFile.RawEntry>()
        let total = sources.reduce(0) { $0 + $1.files.count }
        var perFile: (@Sendable (Int) -> Void)?
        if let progress { perFile = { done in progress(done, total) } }
        var parsed = ParsedCatalogFile.parseAll(sources, progress: perFile)
        for (index, source) in sources.enumerated() {
            // Each source's parsed files are taken out as they are merged, so their entries are not held twice.
            let files = parsed[index]
            parsed[index] = []
            merge.beginSource()
            for file in files {
                problems.append(contentsOf: file.problems.problems)
                merge.add(file.content, source: source.name, &problems) { $0 }
            }
        }
        let catalog = build(&merge, &problems, findings: &findings)
        CatalogDisposal.release(merge)
        return (catalog, problems.problems, findings.problems)
    }

    /// The merged catalog: trees validated, then every entry settled (`EntryLinks`), vendor by vendor.
    private static func build(_ merge: inout CatalogMerge<VendorFile.RawEntry>, _ problems: inout ProblemList,
                              findings: inout ProblemList) -> Catalog {
        merge.validateTrees(&problems, findings: &findings)
        var links = merge.links()
        var entries: [CatalogEntry] = []
        var finalVendors: [Vendor] = []
        for vendorID in merge.vendorOrder {
            // Taken out: each vendor's raw entries go once its entries are made, not at the end.
            guard let state = merge.vendors.removeValue(forKey: vendorID) else { continue }
            finalVendors.append(state.vendor)
            let knownCategories = Set(state.vendor.categories.map(\.id))
            // Decision fields are asked of every code of a vendor that has them (a freshly imported vendor has none).
            let decided = state.codes.values.contains { $0.entry.decision != nil }
            for code in state.codeOrder {
                guard let raw = state.codes[code] else { continue }
                let entry = links.settle(raw, of: state.vendor, knownCategories: knownCategories, &problems)
                if let problem = SummaryRule.problem(for: entry) { findings.add(entry.location, problem) }
                if decided, let problem = DecisionRule.problem(for: entry) { findings.add(entry.location, problem) }
                entries.append(entry)
            }
        }
        let catalog = Catalog(vendors: finalVendors, entries: entries, trees: merge.finalTrees.map(\.tree),
                              examples: merge.examples)
        ExampleValidator(catalog: catalog, sourcesWithExamples: merge.sourcesWithExamples)
            .validate(&problems, findings: &findings)
        return catalog
    }
}

/// "unknown code X" with the closest codes of the same vendor as suggestions. Each vendor's codes are prepared
/// once, only the first `suggestionBudget` messages carry suggestions, and all of them together compute at most
/// `distanceBudget` edit distances: a file with thousands of unknown references costs time in proportion to its
/// size, not to its size times the catalog's.
struct UnknownCodeMessages {
    /// A vendor's codes (nil: no such vendor), asked only when a message is made.
    let codesOf: (String) -> [String]?
    var suggestionBudget = 20
    var distanceBudget = 5_000
    private var pools: [String: SuggestionPool] = [:]

    init(codesByVendor: [String: [String]]) { self.init(codesOf: { codesByVendor[$0] }) }

    init(codesOf: @escaping (String) -> [String]?) { self.codesOf = codesOf }

    mutating func message(for reference: CodeReference) -> String {
        guard let sameVendor = codesOf(reference.vendor), !sameVendor.isEmpty else {
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
