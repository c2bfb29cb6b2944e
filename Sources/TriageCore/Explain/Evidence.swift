/// Facts taken from what the customer sent (a pasted response, a log line, a ticket sentence), by name, so that a
/// diagnosis can fill in the questions and values they answer instead of asking the engineer again.
///
/// `triage explain` produces it; a decision tree declares which evidence fills which `ask` value or answers which
/// question (the `evidence:` keys in the tree format); the diagnosis engine consumes it.
public struct Evidence: Hashable, Sendable, Codable {
    /// The kinds of fact a paste can give. The raw values are the names trees use (`evidence: app_id`).
    public enum Key: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
        case vendor
        case code
        case httpStatus = "http_status"
        case method
        case path
        case host
        case appID = "app_id"
        case region
        case ref
        case requestID = "request_id"
        case installID = "install_id"
        case userID = "user_id"
        case externalID = "external_id"
        case message

        public static func < (lhs: Key, rhs: Key) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The facts, by kind. Secrets are never stored here.
    public var values: [Key: String]
    /// Where the facts came from, for the transcript and the screen ("the pasted response").
    public var origin: String

    public init(_ values: [Key: String] = [:], origin: String = "the pasted response") {
        self.values = values
        self.origin = origin
    }

    public subscript(key: Key) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }

    private enum CodingKeys: String, CodingKey { case values, origin }

    /// As `Dictionary` encodes keys that are not strings (key, value, key, value), but in key order, so the same
    /// facts always give the same bytes (the compiled catalog, and so its cache key, stays the same between builds).
    /// Decoding is the synthesized one, which takes the pairs in any order.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var pairs = container.nestedUnkeyedContainer(forKey: .values)
        for key in values.keys.sorted() {
            try pairs.encode(key)
            try pairs.encode(values[key])
        }
        try container.encode(origin, forKey: .origin)
    }
}
