/// The merged catalog: every vendor, code and decision tree from every source, with lookups.
public struct Catalog: Sendable {
    /// Vendors in the order their sources define them.
    public let vendors: [Vendor]
    /// Entries grouped by vendor (in `vendors` order), then in file order.
    public let entries: [CatalogEntry]
    public let trees: [DecisionTree]
    /// Example tickets (`catalog/tests/*.yaml`), in source order.
    public let examples: [ExampleTicket]

    private let entryIndex: [CodeReference: Int]
    private let foldedIndex: [String: [Int]]
    private let treeIndex: [String: Int]
    private let vendorIndex: [String: Int]

    public init(vendors: [Vendor], entries: [CatalogEntry], trees: [DecisionTree], examples: [ExampleTicket] = []) {
        self.vendors = vendors
        self.entries = entries
        self.trees = trees
        self.examples = examples
        entryIndex = Dictionary(entries.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { first, _ in first })
        var folded: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { folded[entry.code.lowercased(), default: []].append(index) }
        foldedIndex = folded
        treeIndex = Dictionary(trees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        vendorIndex = Dictionary(vendors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func vendor(id: String) -> Vendor? { vendorIndex[id].map { vendors[$0] } }
    public func entry(_ reference: CodeReference) -> CatalogEntry? { entryIndex[reference].map { entries[$0] } }
    public func index(of reference: CodeReference) -> Int? { entryIndex[reference] }
    public func tree(id: String) -> DecisionTree? { treeIndex[id].map { trees[$0] } }

    /// Entries whose code equals `code` ignoring case, optionally only of one vendor.
    public func entries(code: String, vendor: String? = nil) -> [CatalogEntry] {
        (foldedIndex[code.lowercased()] ?? []).map { entries[$0] }.filter { vendor == nil || $0.vendor == vendor }
    }

    /// Entries of a vendor, optionally of one category, in catalog order.
    public func entries(vendor: String?, category: String? = nil) -> [CatalogEntry] {
        entries.filter { (vendor == nil || $0.vendor == vendor) && (category == nil || $0.category == category) }
    }

    /// The decision trees that diagnose an entry.
    public func trees(for entry: CatalogEntry) -> [DecisionTree] { entry.trees.compactMap { tree(id: $0) } }

    /// Codes close to `code` (for "did you mean"), as references.
    public func suggestions(for code: String, vendor: String? = nil, limit: Int = 3) -> [CodeReference] {
        let pool = entries.filter { vendor == nil || $0.vendor == vendor }
        let names = Suggestions.closest(to: code, among: Array(Set(pool.map(\.code))), limit: limit)
        return names.flatMap { name in pool.filter { $0.code == name }.map(\.reference) }.prefix(limit).map { $0 }
    }

    /// The empty catalog.
    public static let empty = Catalog(vendors: [], entries: [], trees: [])
}
