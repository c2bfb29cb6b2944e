import Foundation
import TriageCore

/// The JSON shape of a catalog entry (`show --json`, `list --json`). Absent values are `null`, absent lists `[]`.
struct EntryJSON: Encodable {
    let entry: CatalogEntry
    let catalog: Catalog

    enum Keys: String, CodingKey {
        case vendor, vendorName = "vendor_name", category, categoryName = "category_name", code, numeric
        case httpStatus = "http_status", message, summary, docs, description, hints, keywords, related, trees, notice, source
        case since, deprecated, provenance, decision
    }

    struct Hints: Encodable {
        let causes: [String]
        let checks: [String]
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        let vendor = catalog.vendor(id: entry.vendor)
        try container.encode(entry.vendor, forKey: .vendor)
        try container.encode(vendor?.name, forKey: .vendorName)
        try container.encode(entry.category, forKey: .category)
        try container.encode(vendor?.category(id: entry.category)?.name, forKey: .categoryName)
        try container.encode(entry.code, forKey: .code)
        try container.encode(entry.numeric, forKey: .numeric)
        try container.encode(entry.httpStatus, forKey: .httpStatus)
        try container.encode(entry.message, forKey: .message)
        try container.encode(entry.summary, forKey: .summary)
        try container.encode(catalog.docs(for: entry), forKey: .docs)
        try container.encode(entry.description, forKey: .description)
        try container.encode(Hints(causes: entry.causes, checks: entry.checks), forKey: .hints)
        try container.encode(entry.keywords, forKey: .keywords)
        try container.encode(entry.related.map { $0.vendor == entry.vendor ? $0.code : $0.description }, forKey: .related)
        try container.encode(entry.trees, forKey: .trees)
        try container.encode(vendor?.notice, forKey: .notice)
        try container.encode(entry.location.file, forKey: .source)
        // Written by `triage import` (null and {} on hand-written codes): field -> the document it came from.
        try container.encode(entry.lifecycle.since, forKey: .since)
        try container.encode(entry.lifecycle.deprecated, forKey: .deprecated)
        try container.encode(Dictionary(entry.lifecycle.provenance.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first }),
                             forKey: .provenance)
        try container.encode(entry.decision.map { DecisionJSON($0, entry: entry) }, forKey: .decision)
    }
}

/// A code's decision fields in `show --json` / `list --json` (`null` when the code has none): `customer_text` is
/// the code's own customer wording, else the vendor's description.
struct DecisionJSON: Encodable {
    let retryable: String
    let fixer: String
    let customerText: String
    let source: String
    let verified: String

    init(_ decision: DecisionFields, entry: CatalogEntry) {
        retryable = decision.retryable.rawValue
        fixer = decision.fixer.rawValue
        customerText = decision.customerText ?? entry.description
        source = decision.source
        verified = decision.verified
    }
}

/// An optional that JSON shows as `null` rather than leaving the key out (the synthesized `Encodable` skips
/// nil values), so scripts always find every key of the contract.
@propertyWrapper
struct NullIfAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// Always writes the key, `null` when the value is absent.
    mutating func encode<Value>(_ value: NullIfAbsent<Value>, forKey key: Key) throws {
        try encode(value as NullIfAbsent<Value>?, forKey: key)
    }
}

/// A vendor (`vendors --json`).
struct VendorJSON: Encodable {
    let id: String
    let name: String
    @NullIfAbsent var product: String?
    @NullIfAbsent var docs: String?
    @NullIfAbsent var notice: String?
    let codes: Int
    let categories: [CategoryJSON]
    let sources: [String]

    struct CategoryJSON: Encodable {
        let id: String
        let name: String
        let codes: Int
    }
}

enum JSONOutput {
    /// The version of every `--json` output's shape, at the top level of the objects (`"schema": 1`). Arrays
    /// (`list`, `search`, `vendors`, `trees`, `sessions list`) stay bare arrays of objects, so scripts that read
    /// them keep working; their elements carry no version.
    static let schema = 1

    /// The one encoder of every `--json` output: pretty-printed, sorted keys, and snake_case keys (properties
    /// without explicit names, such as the transcript's `startedFrom`, are converted: `started_from`).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// `value` as JSON text (invisible characters escaped).
    static func text<T: Encodable>(_ value: T) throws -> String {
        JSONText.escapingInvisibles(String(decoding: try encoder().encode(value), as: UTF8.self))
    }

    /// Pretty-printed JSON with sorted keys, printed to standard output. An object gains `"schema": 1` and the
    /// `extra` keys.
    static func print<T: Encodable>(_ value: T, extra: [String: Int64?] = [:]) throws {
        Console.out(try text(Versioned(value: value, extra: extra)))
    }

    /// The same for an array of `count` elements, encoded and written one at a time (never all in memory).
    static func printArray<T: Encodable>(count: Int, element: (Int) throws -> T) throws {
        try JSONArrayStream(encoder: encoder()).write(count: count, element: element) { Console.raw($0, toStandardError: false) }
    }
}

/// A value encoded as itself; when it is an object, with `"schema": JSONOutput.schema` among its keys.
struct Versioned<Value: Encodable>: Encodable {
    let value: Value
    /// Keys added beside the value's own (`diagnose --json`'s `session_id`); `nil` values are written as null.
    var extra: [String: Int64?] = [:]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
        guard !(value is any Collection) else { return }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(JSONOutput.schema, forKey: Key(stringValue: "schema"))
        for (key, extra) in extra {
            if let extra { try container.encode(extra, forKey: Key(stringValue: key)) }
            else { try container.encodeNil(forKey: Key(stringValue: key)) }
        }
    }
}
