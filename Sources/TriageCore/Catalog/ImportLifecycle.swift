/// What `triage import` records on a code (`since:`, `deprecated:`, `provenance:`), resolved against the vendor
/// file's `imports:` list. Hand-written codes have none of it.
public struct ImportLifecycle: Hashable, Sendable, Codable {
    /// The date (YYYY-MM-DD) the code was first imported.
    public var since: String?
    /// The date the code was no longer in the vendor's documentation (it is kept, not deleted).
    public var deprecated: String?
    /// Where each imported field came from, by field name, in field order.
    public var provenance: [FieldSource]

    public init(since: String? = nil, deprecated: String? = nil, provenance: [FieldSource] = []) {
        self.since = since
        self.deprecated = deprecated
        self.provenance = provenance
    }

    public var isEmpty: Bool { since == nil && deprecated == nil && provenance.isEmpty }
}

/// One imported field's origin: the document it was read from (name, content hash, import date, format) and a
/// short hash of the field's text as the document gave it (so a re-import can tell a vendor's change from a
/// local correction).
public struct FieldSource: Hashable, Sendable, Codable {
    public var field: String
    public var file: String
    public var format: String
    public var sha256: String?
    public var date: String
    public var valueHash: String?

    enum CodingKeys: String, CodingKey {
        case field, file, format, sha256, date, valueHash = "value_hash"
    }

    public init(field: String, file: String, format: String, sha256: String?, date: String, valueHash: String?) {
        self.field = field
        self.file = file
        self.format = format
        self.sha256 = sha256
        self.date = date
        self.valueHash = valueHash
    }
}

/// The import schema's shared rules, for the loader and `triage import`.
public enum ImportSchema {
    /// The code fields an import may set (and record provenance for), in the order they are written.
    public static let importedFields = ["category", "http", "message", "summary", "docs", "description"]

    /// `YYYY-MM-DD` with a plausible month and day.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `ID/HASH` or `ID`: an import id of the same file and an optional short hex hash of the field's source text.
    public static func splitProvenance(_ text: String) -> (importID: String, valueHash: String?) {
        guard let slash = text.firstIndex(of: "/") else { return (text, nil) }
        return (String(text[..<slash]), String(text[text.index(after: slash)...]))
    }
}
