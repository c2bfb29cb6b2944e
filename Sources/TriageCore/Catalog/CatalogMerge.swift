/// What merging catalog sources keeps, in one place for the loader and the compiler: the vendors (header fields
/// and categories, later files overriding), each vendor's codes in the order they were first defined with one
/// `Value` per code (the last definition's), the trees, the examples, and the checks made as files arrive
/// (a code or tree id defined twice in one source, a vendor without a name). The loader keeps each code's
/// parsed entry as its value (`CatalogLoader`); the compiler only where the entry waits on disk
/// (`CatalogCompiler`), so the catalog is never whole in memory.
struct CatalogMerge<Value> {
    struct VendorState {
        var vendor: Vendor
        var nameKnown: Bool
        var codeOrder: [String] = []
        var codes: [String: Value] = [:]
    }

    var vendorOrder: [String] = []
    var vendors: [String: VendorState] = [:]
    var trees: [TreeID: TreeFile] = [:]
    var treeOrder: [TreeID] = []
    var examples: [ExampleTicket] = []
    /// Sources with at least one example-ticket file: each of their trees needs an example.
    var sourcesWithExamples = Set<String>()
    /// The current source's codes (where each was last defined) and trees, for duplicates within one source.
    private var vendorCodesInSource: [String: [String: SourceLocation]] = [:]
    private var treesInSource: [TreeID: SourceLocation] = [:]

    /// Starts the next source: duplicates are looked for within one source only.
    mutating func beginSource() {
        vendorCodesInSource = [:]
        treesInSource = [:]
    }

    /// Merges one file (of the current source) and reports what merging it finds. `value` makes what is kept of
    /// each of a vendor file's codes, in file order.
    mutating func add(_ file: ParsedCatalogFile.Content, source: String, _ problems: inout ProblemList,
                      value: (VendorFile.RawEntry) throws -> Value) rethrows {
        switch file {
        case let .vendor(vendorFile):
            try add(vendorFile, count: vendorFile.codes.count,
                    code: { (vendorFile.codes[$0].entry.code, vendorFile.codes[$0].entry.location) }, &problems,
                    value: { try value(vendorFile.codes[$0]) })
        case let .tree(treeFile):
            if let first = treesInSource[treeFile.tree.id] {
                problems.add(treeFile.tree.location, "duplicate tree id '\(treeFile.tree.id)' (also at \(first))")
            }
            treesInSource[treeFile.tree.id] = treeFile.tree.location
            trees[treeFile.tree.id] = treeFile
            if !treeOrder.contains(treeFile.tree.id) { treeOrder.append(treeFile.tree.id) }
        case let .examples(found):
            examples += found
            sourcesWithExamples.insert(source)
        case .nothing:
            break
        }
    }

    /// Merges one vendor file (of the current source) whose codes were taken out of it: `codes` are each code and
    /// where it is defined, in file order, and `value(index)` makes what is kept of the code at `index` (the
    /// compiler spills a file's entries on the worker that parsed it, `CatalogCompiler`).
    mutating func add(_ file: VendorFile, codes: [(code: String, location: SourceLocation)], _ problems: inout ProblemList,
                      value: (Int) throws -> Value) rethrows {
        try add(file, count: codes.count, code: { codes[$0] }, &problems, value: value)
    }

    /// A vendor file's `count` codes, each (`code(index)`) its code and where it is defined, in file order.
    private mutating func add(_ file: VendorFile, count: Int, code: (Int) -> (code: String, location: SourceLocation),
                              _ problems: inout ProblemList, value: (Int) throws -> Value) rethrows {
        for index in 0..<count {
            let (code, location) = code(index)
            if let first = vendorCodesInSource[file.id]?[code], first.file != location.file {
                problems.add(location, "duplicate code '\(code)' of vendor '\(file.id)' (also at \(first))")
            }
            vendorCodesInSource[file.id, default: [:]][code] = location
        }
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
        // Taken out while its codes are added, so the dictionary is not copied.
        vendors[file.id] = nil
        for index in 0..<count {
            let code = code(index).code
            if state.codes[code] == nil { state.codeOrder.append(code) }
            state.codes[code] = try value(index)
        }
        vendors[file.id] = state
    }

    /// Whether a vendor has this code (once every source is merged).
    func has(_ reference: CodeReference) -> Bool { vendors[reference.vendor]?.codes[reference.code] != nil }

    /// The trees in catalog order, as finally defined.
    var finalTrees: [TreeFile] { treeOrder.compactMap { trees[$0] } }

    /// Checks the trees against the merged codes and vendors (errors and authoring findings).
    func validateTrees(_ problems: inout ProblemList, findings: inout ProblemList) {
        var validator = TreeValidator(files: finalTrees, vendorIDs: Set(vendors.keys), codeExists: has)
        validator.evidenceVariables = vendors.mapValues { Set($0.vendor.explain.values.values.joined()) }
        validator.validate(&problems, findings: &findings)
    }

    /// Settles each entry's references once every source is merged (`EntryLinks`), from compact copies of the
    /// codes (not from the merge, so values taken out of it meanwhile are let go).
    func links() -> EntryLinks {
        let known = Set(vendors.values.flatMap { state in
            state.codes.keys.map { CodeReference(vendor: state.vendor.id, code: $0) }
        })
        let codesByVendor = vendors.mapValues { Array($0.codes.keys) }
        return EntryLinks(trees: trees, treeOrder: treeOrder, finalTrees: finalTrees, codeExists: { known.contains($0) },
                          codesOf: { codesByVendor[$0] })
    }

    /// The same links read from the merge's own codes, without copying them (the merge must not change while
    /// they are used): what the compiler's workers share while they settle entries (`EntrySettling`).
    func sharedLinks() -> EntryLinks {
        let codes = vendors.mapValues(\.codes)
        return EntryLinks(trees: trees, treeOrder: treeOrder, finalTrees: finalTrees,
                          codeExists: { codes[$0.vendor]?[$0.code] != nil }, codesOf: { codes[$0].map { Array($0.keys) } })
    }
}
