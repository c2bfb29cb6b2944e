/// Settles a merged entry against the whole catalog, once every source is read: its category must be one of its
/// vendor's, its related codes must exist, the trees it names must exist, and it gains the trees that name it,
/// most specific first. The loader and the compiler settle every entry through here, one at a time.
struct EntryLinks {
    private let trees: [TreeID: TreeFile]
    private let treeOrder: [TreeID]
    private let codeExists: (CodeReference) -> Bool
    /// The trees naming each code.
    private let treesByCode: [CodeReference: [TreeID]]
    private var unknownCodes: UnknownCodeMessages

    init(trees: [TreeID: TreeFile], treeOrder: [TreeID], finalTrees: [TreeFile],
         codeExists: @escaping (CodeReference) -> Bool, codesOf: @escaping (String) -> [String]?) {
        self.trees = trees
        self.treeOrder = treeOrder
        self.codeExists = codeExists
        var byCode: [CodeReference: [TreeID]] = [:]
        for file in finalTrees {
            for reference in file.tree.codes { byCode[reference, default: []].append(file.tree.id) }
        }
        treesByCode = byCode
        unknownCodes = UnknownCodeMessages(codesOf: codesOf)
    }

    /// `raw`'s entry of vendor `vendor` with its related codes and trees settled; what is unknown is reported.
    mutating func settle(_ raw: VendorFile.RawEntry, of vendor: Vendor, knownCategories: Set<String>,
                         _ problems: inout ProblemList) -> CatalogEntry {
        var entry = raw.entry
        let settled = settle(code: entry.code, reference: entry.reference, category: entry.category,
                             categoryLocation: raw.categoryLocation, related: raw.related, trees: raw.trees, of: vendor,
                             knownCategories: knownCategories, &problems)
        entry.related += settled.related
        entry.trees = settled.trees
        return entry
    }

    /// The related codes and trees of the entry `code` (`reference`, in category `category`) of vendor `vendor`,
    /// from them as written: its category, related codes and trees are checked, and what is unknown is reported.
    mutating func settle(code: String, reference: CodeReference, category: String, categoryLocation: SourceLocation,
                         related: [(text: String, location: SourceLocation)], trees: [(id: TreeID, location: SourceLocation)],
                         of vendor: Vendor, knownCategories: Set<String>,
                         _ problems: inout ProblemList) -> (related: [CodeReference], trees: [TreeID]) {
        if !knownCategories.contains(category) {
            var message = "code '\(code)' names unknown category '\(category)' of vendor '\(vendor.id)'"
            if let guess = unknownCodes.suggest(category, among: vendor.categories.map(\.id), limit: 1).first {
                message += "; did you mean '\(guess)'?"
            }
            problems.add(categoryLocation, message)
        }
        var references: [CodeReference] = []
        for (text, location) in related {
            let reference = Self.reference(text, defaultVendor: vendor.id)
            if codeExists(reference) {
                references.append(reference)
            } else {
                problems.add(location, unknownCodes.message(for: reference))
            }
        }
        var treeIDs: [TreeID] = []
        for (treeID, location) in trees {
            if self.trees[treeID] == nil {
                var message = "code '\(code)' names unknown tree '\(treeID)'"
                if let guess = unknownCodes.suggest(treeID.rawValue, among: treeOrder.map(\.rawValue), limit: 1).first {
                    message += "; did you mean '\(guess)'?"
                }
                problems.add(location, message)
            } else if !treeIDs.contains(treeID) {
                treeIDs.append(treeID)
            }
        }
        for treeID in treesByCode[reference] ?? [] where !treeIDs.contains(treeID) {
            treeIDs.append(treeID)
        }
        // Most specific first (a tree for a few codes before the family tree), as diagnose picks them,
        // so every list of a code's trees starts with the one `triage diagnose CODE` runs.
        let codeCounts = treeIDs.map { self.trees[$0]?.tree.codes.count ?? Int.max }
        return (references, treeIDs.indices.sorted { (codeCounts[$0], $0) < (codeCounts[$1], $1) }.map { treeIDs[$0] })
    }

    /// `CodeReference(parsing:defaultVendor:)`, without its walk over characters when the text has no colon
    /// (nearly every related code): then it is the default vendor's code.
    private static func reference(_ text: String, defaultVendor: String) -> CodeReference {
        if !text.utf8.contains(UInt8(ascii: ":")) { return CodeReference(vendor: defaultVendor, code: text) }
        return CodeReference(parsing: text, defaultVendor: defaultVendor)
    }
}
