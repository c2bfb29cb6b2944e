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
        let code = entry.code
        if !knownCategories.contains(entry.category) {
            var message = "code '\(code)' names unknown category '\(entry.category)' of vendor '\(vendor.id)'"
            if let guess = unknownCodes.suggest(entry.category, among: vendor.categories.map(\.id), limit: 1).first {
                message += "; did you mean '\(guess)'?"
            }
            problems.add(raw.categoryLocation, message)
        }
        for (text, location) in raw.related {
            let reference = Self.reference(text, defaultVendor: vendor.id)
            if codeExists(reference) {
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
        return entry
    }

    /// `CodeReference(parsing:defaultVendor:)`, without its walk over characters when the text has no colon
    /// (nearly every related code): then it is the default vendor's code.
    private static func reference(_ text: String, defaultVendor: String) -> CodeReference {
        if !text.utf8.contains(UInt8(ascii: ":")) { return CodeReference(vendor: defaultVendor, code: text) }
        return CodeReference(parsing: text, defaultVendor: defaultVendor)
    }
}
