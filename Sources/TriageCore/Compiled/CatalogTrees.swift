import Foundation

/// A catalog's decision trees and example tickets, and what the browser needs to know about them before any is
/// opened (the tree ids, and which codes can be diagnosed). From YAML they are values; from a compiled catalog
/// each tree stays JSON in the catalog's bytes and is decoded the first time it is asked for (a diagnosis, the
/// tree picker, `triage trees`), so opening a catalog and drawing the first frame decode none. Thread-safe.
final class CatalogTrees: @unchecked Sendable {
    /// One compiled tree: its id and title, and where its JSON is in the catalog's bytes.
    struct Stored: Sendable {
        var id: TreeID
        var title: String
        var json: Range<Int>
    }

    private let lock = NSLock()
    /// Trees by position; nil until decoded.
    private var decoded: [DecisionTree?]
    private var decodedExamples: [ExampleTicket]?
    private let stored: [Stored]
    private let examplesJSON: Range<Int>?
    /// Keeps the compiled bytes alive (nil for values).
    private let owner: CatalogBytes?
    private let payload: UnsafeRawBufferPointer?
    /// Tree id -> position (first of equal ids), made on first use: hashing a `TreeID` (or a `CodeReference`
    /// below) the first time has the runtime look through all of the binary's conformances, which a search, which
    /// reads no tree, should not pay for.
    private var positionsMade: [TreeID: Int]?
    /// Codes a tree diagnoses, or whose entry names a tree the catalog has; nil until computed (values) or read
    /// from `diagnosableBytes` (compiled).
    private var diagnosableCodes: Set<CodeReference>?
    /// Where a compiled catalog's list of diagnosable codes is in `payload` (a count, then vendor and code strings).
    private let diagnosableBytes: Range<Int>?

    /// Trees and examples as values (a catalog loaded from YAML).
    init(trees: [DecisionTree], examples: [ExampleTicket]) {
        decoded = trees
        decodedExamples = examples
        stored = []
        examplesJSON = nil
        owner = nil
        payload = nil
        diagnosableBytes = nil
    }

    /// Trees left as JSON in `payload` (owned by `owner`), with the diagnosable codes computed when compiled (read
    /// from `payload[diagnosable]` when first asked for).
    init(stored: [Stored], examples: Range<Int>, diagnosable: Range<Int>, payload: UnsafeRawBufferPointer,
         owner: CatalogBytes) {
        decoded = Array(repeating: nil, count: stored.count)
        self.stored = stored
        examplesJSON = examples
        self.owner = owner
        self.payload = payload
        diagnosableBytes = diagnosable
    }

    /// The position of the tree with this id.
    private func position(of id: TreeID) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if positionsMade == nil {
            let ids = owner == nil ? decoded.map { $0!.id } : stored.map(\.id)
            positionsMade = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return positionsMade?[id]
    }

    #if DEBUG
    /// How many trees were decoded from JSON (tests check that opening a catalog and its first frame decode none).
    let decodes = DecodeCounter()
    #endif

    var count: Int { decoded.count }

    /// Tree ids in catalog order, nothing decoded.
    var ids: [TreeID] { owner == nil ? decoded.map { $0!.id } : stored.map(\.id) }

    func contains(_ id: TreeID) -> Bool { position(of: id) != nil }

    /// The title of the tree with this id (nothing decoded).
    func title(id: TreeID) -> String? {
        guard let position = position(of: id) else { return nil }
        return owner == nil ? decoded[position]?.title : stored[position].title
    }

    /// The tree with this id, decoded now if it was not yet.
    func tree(id: TreeID) -> DecisionTree? { position(of: id).flatMap(tree(at:)) }

    /// Every tree, in catalog order (decoding those not decoded yet).
    var all: [DecisionTree] { (0..<count).compactMap(tree(at:)) }

    var examples: [ExampleTicket] {
        lock.lock()
        defer { lock.unlock() }
        if let decodedExamples { return decodedExamples }
        let examples = (examplesJSON.flatMap { try? decodeJSON([ExampleTicket].self, $0) }) ?? []
        decodedExamples = examples
        return examples
    }

    /// The codes the browser offers to diagnose: every code a tree names, and every entry naming a tree the
    /// catalog has. Compiled catalogs store it; for values it is computed once from `entries`.
    func diagnosable(entries: CatalogEntries) -> Set<CodeReference> {
        lock.lock()
        if let diagnosableCodes { lock.unlock(); return diagnosableCodes }
        lock.unlock()
        let codes = diagnosableBytes.map(readDiagnosable) ?? Self.diagnosable(trees: all, entries: entries)
        lock.lock()
        diagnosableCodes = codes
        lock.unlock()
        return codes
    }

    /// What `diagnosable(entries:)` answers, from the trees and entries themselves (also what is compiled).
    static func diagnosable(trees: [DecisionTree], entries: CatalogEntries) -> Set<CodeReference> {
        let ids = Set(trees.map(\.id))
        var codes = Set(trees.flatMap(\.codes))
        for index in entries.indices where entries.hasTrees(at: index) {
            let entry = entries[index]
            if entry.trees.contains(where: ids.contains) { codes.insert(entry.reference) }
        }
        return codes
    }

    /// The diagnosable codes a compiled catalog stores at `range` of `payload` (none if they are damaged).
    private func readDiagnosable(_ range: Range<Int>) -> Set<CodeReference> {
        guard let payload, range.lowerBound >= 0, range.upperBound <= payload.count else { return [] }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: payload[range]))
        var codes = Set<CodeReference>()
        do {
            for _ in 0..<(try reader.count()) {
                codes.insert(CodeReference(vendor: try reader.string(), code: try reader.string()))
            }
        } catch {
            return []
        }
        return codes
    }

    private func tree(at position: Int) -> DecisionTree? {
        lock.lock()
        defer { lock.unlock() }
        if let tree = decoded[position] { return tree }
        guard position < stored.count, let tree = try? decodeJSON(DecisionTree.self, stored[position].json) else { return nil }
        #if DEBUG
        decodes.add()
        #endif
        decoded[position] = tree
        return tree
    }

    private func decodeJSON<T: Decodable>(_ type: T.Type, _ range: Range<Int>) throws -> T {
        guard let payload, range.lowerBound >= 0, range.upperBound <= payload.count else { throw ByteReader.Damaged() }
        return try JSONDecoder().decode(type, from: Data(UnsafeRawBufferPointer(rebasing: payload[range])))
    }
}
