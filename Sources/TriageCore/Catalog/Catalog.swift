/// The merged catalog: every vendor, code and decision tree from every source, with lookups.
public struct Catalog: Sendable {
    /// Vendors in the order their sources define them.
    public let vendors: [Vendor]
    /// Entries grouped by vendor (in `vendors` order), then in file order. From a compiled catalog, each is
    /// decoded when subscripted; its per-field accessors (`code(at:)`, ...) read one field.
    public let entries: CatalogEntries
    /// Every decision tree (from a compiled catalog, decoded on first use: prefer `tree(id:)`, `treeIDs`).
    public var trees: [DecisionTree] { treeStore.all }
    /// Example tickets (`catalog/tests/*.yaml`), in source order (from a compiled catalog, decoded on first use).
    public var examples: [ExampleTicket] { treeStore.examples }
    /// The ids of the decision trees, in catalog order (no tree decoded).
    public var treeIDs: [TreeID] { treeStore.ids }
    /// The codes that can be diagnosed: every code a tree names and every entry naming a tree the catalog has
    /// (stored in a compiled catalog, so no tree or entry is decoded for it).
    public var diagnosableCodes: Set<CodeReference> { treeStore.diagnosable(entries: entries) }
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
    /// The trees and examples, as values or decoded on demand from a compiled catalog.
    let treeStore: CatalogTrees
    private let vendorIndex: [String: Int]

    public init(vendors: [Vendor], entries: [CatalogEntry], trees: [DecisionTree], examples: [ExampleTicket] = []) {
        let entryIndex = Dictionary(entries.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { first, _ in first })
        var folded: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { folded[entry.code.lowercased(), default: []].append(index) }
        self.init(vendors: vendors, entries: CatalogEntries(entries), lookup: .tables(entryIndex: entryIndex, foldedIndex: folded),
                  trees: CatalogTrees(trees: trees, examples: examples))
    }

    /// A catalog over an opened compiled catalog's entries (nothing decoded yet).
    init(vendors: [Vendor], compiled: CompiledEntries, trees: CatalogTrees) {
        self.init(vendors: vendors, entries: CatalogEntries(compiled: compiled), lookup: .compiled(compiled), trees: trees)
    }

    private init(vendors: [Vendor], entries: CatalogEntries, lookup: Lookup, trees: CatalogTrees) {
        self.vendors = vendors
        self.entries = entries
        treeStore = trees
        self.lookup = lookup
        var runs: [String: [Range<Int>]] = [:]
        for run in entries.vendorRuns() { runs[run.vendor, default: []].append(run.range) }
        vendorRuns = runs
        vendorIndex = Dictionary(vendors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func vendor(id: String) -> Vendor? { vendorIndex[id].map { vendors[$0] } }
    public func entry(_ reference: CodeReference) -> CatalogEntry? { index(of: reference).map { entries[$0] } }
    /// The tree with this id (decoded now from a compiled catalog, if it was not yet).
    public func tree(id: TreeID) -> DecisionTree? { treeStore.tree(id: id) }

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

    /// The title of the tree with this id (no tree decoded).
    public func treeTitle(id: TreeID) -> String? { treeStore.title(id: id) }

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
