/// One entry's record in a compiled catalog (layout: `CompiledCatalog`): its code, HTTP status, texts, related
/// codes, trees and location, its decision fields, then its import fields when it has any. The vendor and the
/// category are not in it (they are the entry's keys). Repeated strings (vendor ids of related codes, tree ids,
/// file names) are written through `intern` and read through `interned`: string-table ids in a compiled catalog,
/// the same in the compile's own spill (`EntrySpill`).
enum CompiledRecord {
    /// Writes `entry`'s record; `intern` writes the id of each repeated string (the writer's varint of its
    /// string-table id; a worker's `SettledBatch` writes nothing and notes where the id goes).
    static func write(_ entry: CatalogEntry, to records: inout ByteWriter, intern: (String, inout ByteWriter) -> Void) {
        records.string(entry.code)
        records.varint(entry.httpStatus.map { $0 + 1 } ?? 0)
        records.optionalString(entry.message)
        records.optionalString(entry.summary)
        records.optionalString(entry.docs)
        records.string(entry.description)
        records.strings(entry.causes)
        records.strings(entry.checks)
        records.strings(entry.keywords)
        records.strings(entry.phrases)
        records.varint(entry.related.count)
        for reference in entry.related {
            intern(reference.vendor, &records)
            records.string(reference.code)
        }
        records.varint(entry.trees.count)
        for tree in entry.trees { intern(tree.rawValue, &records) }
        intern(entry.location.file, &records)
        records.varint(entry.location.line)
        records.varint(entry.location.column)
        records.decision(entry.decision)
        if !entry.lifecycle.isEmpty { records.lifecycle(entry.lifecycle) }
    }

    /// The entry in `reader`, which must hold exactly its record.
    static func read(_ reader: inout ByteReader, vendor: String, category: String, strings: [String]) throws -> CatalogEntry {
        func interned() throws -> String {
            let id = try reader.varint()
            guard id >= 0, id < strings.count else { throw ByteReader.Damaged() }
            return strings[id]
        }
        let code = try reader.string()
        let status = try reader.varint()
        let message = try reader.optionalString()
        let summary = try reader.optionalString(), docs = try reader.optionalString()
        let description = try reader.string()
        let causes = try reader.strings(), checks = try reader.strings(), keywords = try reader.strings()
        let phrases = try reader.strings()
        var related: [CodeReference] = []
        let relatedCount = try reader.count()
        related.reserveCapacity(relatedCount)
        for _ in 0..<relatedCount { related.append(CodeReference(vendor: try interned(), code: try reader.string())) }
        var trees: [TreeID] = []
        for _ in 0..<(try reader.count()) { trees.append(TreeID(try interned())) }
        let location = SourceLocation(file: try interned(), line: try reader.varint(), column: try reader.varint())
        let decision = try reader.decision()
        let lifecycle = reader.isAtEnd ? ImportLifecycle() : try reader.lifecycle()
        guard reader.isAtEnd else { throw ByteReader.Damaged() }
        var entry = CatalogEntry(vendor: vendor, category: category, code: code, httpStatus: status > 0 ? status - 1 : nil,
                                 message: message, summary: summary, docs: docs, description: description,
                                 causes: causes, checks: checks, keywords: keywords, related: related, trees: trees,
                                 location: location)
        entry.lifecycle = lifecycle
        entry.decision = decision
        entry.phrases = phrases
        return entry
    }
}

/// Strings that repeat across entries (vendor ids, categories, tree ids, file names), stored once, numbered in
/// the order they are first met.
struct StringTable {
    private(set) var strings: [String] = []
    private var ids: [String: Int] = [:]
    /// The last few strings numbered: most are asked again soon (an entry's file and vendor are its neighbours'),
    /// and comparing a few strings costs less than hashing one (the same string's storage compares at once).
    private var recent: [(text: String, id: Int)] = []
    private var replaced = 0

    mutating func id(_ text: String) -> Int {
        for known in recent where known.text == text { return known.id }
        let id: Int
        if let known = ids[text] {
            id = known
        } else {
            id = strings.count
            ids[text] = id
            strings.append(text)
        }
        if recent.count < 4 {
            recent.append((text, id))
        } else {
            recent[replaced] = (text, id)
            replaced = (replaced + 1) % recent.count
        }
        return id
    }
}
