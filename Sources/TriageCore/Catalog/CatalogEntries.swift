/// A catalog's entries: grouped by vendor (in `vendors` order), then in file order. Either values (a catalog
/// loaded from YAML or built in code) or an opened compiled catalog, whose entries are decoded when subscripted.
///
/// Decoding an entry makes all its strings; code that looks at many entries for one field should use the
/// `vendor(at:)`, `category(at:)`, `code(at:)`, `reference(at:)`, `httpStatus(at:)` and `hasTrees(at:)`
/// accessors, which read just that field.
public struct CatalogEntries: RandomAccessCollection, Equatable, Sendable {
    enum Storage: Sendable {
        case values([CatalogEntry])
        case compiled(CompiledEntries)
    }

    let storage: Storage
    public typealias Indices = Range<Int>
    public let startIndex = 0
    public let endIndex: Int
    public var indices: Range<Int> { startIndex..<endIndex }

    init(_ values: [CatalogEntry]) {
        storage = .values(values)
        endIndex = values.count
    }

    init(compiled: CompiledEntries) {
        storage = .compiled(compiled)
        endIndex = compiled.count
    }

    public subscript(position: Int) -> CatalogEntry {
        precondition(position >= 0 && position < endIndex, "catalog entry index out of range")
        switch storage {
        case .values(let values): return values[position]
        case .compiled(let compiled): return compiled.entry(at: position)
        }
    }

    public func index(after index: Int) -> Int { index + 1 }
    public func index(before index: Int) -> Int { index - 1 }

    /// The vendor id of entry `index`.
    public func vendor(at index: Int) -> String {
        switch storage {
        case .values(let values): return values[index].vendor
        case .compiled(let compiled): return compiled.vendor(at: checked(index))
        }
    }

    /// The category id of entry `index`.
    public func category(at index: Int) -> String {
        switch storage {
        case .values(let values): return values[index].category
        case .compiled(let compiled): return compiled.category(at: checked(index))
        }
    }

    /// The code of entry `index`.
    public func code(at index: Int) -> String {
        switch storage {
        case .values(let values): return values[index].code
        case .compiled(let compiled): return compiled.code(at: checked(index))
        }
    }

    /// `vendor:code` of entry `index`.
    public func reference(at index: Int) -> CodeReference { CodeReference(vendor: vendor(at: index), code: code(at: index)) }

    /// The HTTP status of entry `index`.
    public func httpStatus(at index: Int) -> Int? {
        switch storage {
        case .values(let values): return values[index].httpStatus
        case .compiled(let compiled): return compiled.httpStatus(at: checked(index))
        }
    }

    /// The columns entry `index`'s code takes on screen (`CodeColumns`; stored in a compiled catalog).
    public func codeWidth(at index: Int) -> Int {
        switch storage {
        case .values(let values): return CodeColumns.width(of: values[index].code)
        case .compiled(let compiled): return compiled.codeWidth(at: checked(index))
        }
    }

    /// Whether entry `index` names any decision tree.
    public func hasTrees(at index: Int) -> Bool {
        switch storage {
        case .values(let values): return !values[index].trees.isEmpty
        case .compiled(let compiled): return compiled.treeCount(at: checked(index)) > 0
        }
    }

    /// Whether entry `index` is of `vendor` (and, when given, of `category`), without decoding it.
    public func matches(vendor: String?, category: String?, at index: Int) -> Bool {
        switch storage {
        case .values(let values):
            return (vendor == nil || values[index].vendor == vendor) && (category == nil || values[index].category == category)
        case .compiled(let compiled):
            let index = checked(index)
            return (vendor.map { compiled.isOf(vendor: $0, at: index) } ?? true)
                && (category.map { compiled.isIn(category: $0, at: index) } ?? true)
        }
    }

    /// The runs of consecutive entries of one vendor, in order (one run per vendor when entries are grouped,
    /// as loaded). Reads only vendor ids.
    func vendorRuns() -> [(vendor: String, range: Range<Int>)] {
        var runs: [(vendor: String, range: Range<Int>)] = []
        var start = 0
        switch storage {
        case .values(let values):
            for index in values.indices.dropFirst() where values[index].vendor != values[start].vendor {
                runs.append((values[start].vendor, start..<index))
                start = index
            }
        case .compiled(let compiled):
            var current = count > 0 ? compiled.vendorID(at: 0) : 0
            for index in indices.dropFirst() {
                let id = compiled.vendorID(at: index)
                if id != current {
                    runs.append((compiled.vendor(at: start), start..<index))
                    start = index
                    current = id
                }
            }
        }
        if start < count { runs.append((vendor(at: start), start..<count)) }
        return runs
    }

    /// The entries of `candidates` in `category`.
    func indices(in candidates: Range<Int>, category: String) -> [Int] {
        switch storage {
        case .values(let values): return candidates.filter { values[$0].category == category }
        case .compiled(let compiled): return compiled.indices(in: candidates, category: category)
        }
    }

    private func checked(_ index: Int) -> Int {
        precondition(index >= 0 && index < endIndex, "catalog entry index out of range")
        return index
    }

    #if DEBUG
    /// How many entries of a compiled catalog were decoded whole so far (0 for values). Debug builds, for tests.
    var decodedCount: Int {
        if case .compiled(let compiled) = storage { return compiled.decodes.count }
        return 0
    }
    #endif

    public static func == (lhs: CatalogEntries, rhs: CatalogEntries) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public static func == (lhs: CatalogEntries, rhs: [CatalogEntry]) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
