/// The merged catalog: every vendor, code and decision tree from every source, with lookups.
public struct Catalog: Sendable {
    /// Vendors in the order their sources define them.
    public let vendors: [Vendor]
    /// Entries grouped by vendor (in `vendors` order), then in file order. From a compiled catalog, each is
    /// decoded when subscripted; its per-field accessors (`code(at:)`, ...) read one field.
    public let entries: CatalogEntries
    public let trees: [DecisionTree]
    /// Example tickets (`catalog/tests/*.yaml`), in source order.
    public let examples: [ExampleTicket]
    /// The checksum of the compiled bytes the catalog was opened from (nil for one loaded from YAML): what a
    /// stored search index is checked against.
    public internal(set) var compiledChecksum: UInt64?

    /// How codes are found: dictionaries built from values, or the compiled catalog's own lookup slots.
    private enum Lookup: Sendable {
        case tables(entryIndex: [CodeReference: Int], foldedIndex: [String: [Int]])
        case compiled(CompiledEntries)
    }

    private let lookup: Lookup
    /// Each vendor's runs of consecutive entries (one run when grouped), so a vendor's entries are found
    /// without looking at the others'.
    private let vendorRuns: [String: [Range<Int>]]
    private let treeIndex: [TreeID: Int]
    private let vendorIndex: [String: Int]

    public init(vendors: [Vendor], entries: [CatalogEntry], trees: [DecisionTree], examples: [ExampleTicket] = []) {
        let entryIndex = Dictionary(entries.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { first, _ in first })
        var folded: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { folded[entry.code.lowercased(), default: []].append(index) }
        self.init(vendors: vendors, entries: CatalogEntries(entries), lookup: .tables(entryIndex: entryIndex, foldedIndex: folded),
                  trees: trees, examples: examples)
    }

    /// A catalog over an opened compiled catalog's entries (nothing decoded yet).
    init(vendors: [Vendor], compiled: CompiledEntries, trees: [DecisionTree], examples: [ExampleTicket]) {
        self.init(vendors: vendors, entries: CatalogEntries(compiled: compiled), lookup: .compiled(compiled),
                  trees: trees, examples: examples)
    }

    private init(vendors: [Vendor], entries: CatalogEntries, lookup: Lookup, trees: [DecisionTree], examples: [ExampleTicket]) {
        self.vendors = vendors
        self.entries = entries
        self.trees = trees
        self.examples = examples
        self.lookup = lookup
        var runs: [String: [Range<Int>]] = [:]
        for run in entries.vendorRuns() { runs[run.vendor, default: []].append(run.range) }
        vendorRuns = runs
        treeIndex = Dictionary(trees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        vendorIndex = Dictionary(vendors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func vendor(id: String) -> Vendor? { vendorIndex[id].map { vendors[$0] } }
    public func entry(_ reference: CodeReference) -> CatalogEntry? { index(of: reference).map { entries[$0] } }
    public func tree(id: TreeID) -> DecisionTree? { treeIndex[id].map { trees[$0] } }

    /// The index in `entries` of the (first) entry with this vendor and code.
    public func index(of reference: CodeReference) -> Int? {
        switch lookup {
        case .tables(let entryIndex, _): return entryIndex[reference]
        case .compiled(let compiled): return compiled.index(of: reference)
        }
    }

    /// Indices of the entries whose code equals `code` ignoring case, optionally only of one vendor, in catalog order.
    public func indices(code: String, vendor: String? = nil) -> [Int] {
        let all: [Int]
        switch lookup {
        case .tables(_, let foldedIndex): all = foldedIndex[code.lowercased()] ?? []
        case .compiled(let compiled): all = compiled.indices(code: code)
        }
        return vendor == nil ? all : all.filter { entries.matches(vendor: vendor, category: nil, at: $0) }
    }

    /// Entries whose code equals `code` ignoring case, optionally only of one vendor.
    public func entries(code: String, vendor: String? = nil) -> [CatalogEntry] {
        indices(code: code, vendor: vendor).map { entries[$0] }
    }

    /// Indices of the entries of a vendor, optionally of one category, in catalog order (nothing decoded).
    public func entryIndices(vendor: String?, category: String? = nil) -> [Int] {
        guard let vendor else {
            guard let category else { return Array(entries.indices) }
            return entries.indices(in: entries.indices, category: category)
        }
        let runs = vendorRuns[vendor] ?? []
        guard let category else { return runs.flatMap { $0 } }
        return runs.flatMap { entries.indices(in: $0, category: category) }
    }

    /// How many entries a vendor has, optionally in one category (nothing decoded; only the vendor's looked at).
    public func entryCount(vendor: String?, category: String? = nil) -> Int {
        if let vendor, category == nil { return (vendorRuns[vendor] ?? []).reduce(0) { $0 + $1.count } }
        if vendor == nil, category == nil { return entries.count }
        return entryIndices(vendor: vendor, category: category).count
    }

    /// Entries of a vendor, optionally of one category, in catalog order.
    public func entries(vendor: String?, category: String? = nil) -> [CatalogEntry] {
        entryIndices(vendor: vendor, category: category).map { entries[$0] }
    }

    /// The decision trees that diagnose an entry.
    public func trees(for entry: CatalogEntry) -> [DecisionTree] { entry.trees.compactMap { tree(id: $0) } }

    /// Codes close to `code` (for "did you mean"), as references.
    public func suggestions(for code: String, vendor: String? = nil, limit: Int = 3) -> [CodeReference] {
        let pool = entryIndices(vendor: vendor)
        let codes = pool.map { entries.code(at: $0) }
        let names = Suggestions.closest(to: code, among: Array(Set(codes)), limit: limit)
        return names.flatMap { name in zip(pool, codes).filter { $0.1 == name }.map { entries.reference(at: $0.0) } }
            .prefix(limit).map { $0 }
    }

    /// The empty catalog.
    public static let empty = Catalog(vendors: [], entries: [], trees: [])
}
