/// Facts taken from what the customer sent (a pasted response, a log line, a ticket sentence), by name, so that a
/// diagnosis can fill in the questions and values they answer instead of asking the engineer again.
///
/// `triage explain` produces it; a decision tree declares which evidence fills which `ask` value or answers which
/// question (the `evidence:` keys in the tree format); the diagnosis engine consumes it.
public struct Evidence: Hashable, Sendable, Codable {
    /// The name of a fact. The standard names (`allCases`) are the ones every vendor shares; a vendor file adds
    /// its own through the named fields of its patterns (`{group_id}`, see `VendorExplain`).
    /// The raw values are the names trees use (`evidence: app_id`).
    public struct Key: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
        public let rawValue: String

        /// A standard name only: nil for any other (what a tree's `evidence:` may name).
        public init?(rawValue: String) {
            guard Self.standard.contains(rawValue) else { return nil }
            self.rawValue = rawValue
        }

        /// Any name, standard or declared by a vendor file.
        public init(named name: String) { rawValue = name }

        public static let vendor = Key(named: "vendor")
        public static let code = Key(named: "code")
        public static let httpStatus = Key(named: "http_status")
        public static let method = Key(named: "method")
        public static let path = Key(named: "path")
        public static let host = Key(named: "host")
        public static let appID = Key(named: "app_id")
        public static let region = Key(named: "region")
        /// The region the ticket says the customer's app or account lives in ("our app lives in the EU").
        public static let appRegion = Key(named: "app_region")
        public static let ref = Key(named: "ref")
        public static let requestID = Key(named: "request_id")
        public static let installID = Key(named: "install_id")
        public static let userID = Key(named: "user_id")
        public static let externalID = Key(named: "external_id")
        public static let message = Key(named: "message")

        /// The standard names, in display order.
        public static let allCases: [Key] = [.vendor, .code, .httpStatus, .method, .path, .host, .appID, .region, .appRegion,
                                             .ref, .requestID, .installID, .userID, .externalID, .message]
        private static let standard = Set(allCases.map(\.rawValue))

        public var isStandard: Bool { Self.standard.contains(rawValue) }
        public var description: String { rawValue }

        /// Standard names in display order, then the others by name.
        public static func < (lhs: Key, rhs: Key) -> Bool {
            let left = allCases.firstIndex(of: lhs) ?? Int.max, right = allCases.firstIndex(of: rhs) ?? Int.max
            return left != right ? left < right : lhs.rawValue < rhs.rawValue
        }

        public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// The facts, by kind. Secrets are never stored here.
    public var values: [Key: String]
    /// Where the facts came from, for the transcript and the screen ("the pasted response").
    public var origin: String
    /// Values for ask variables, from the facts through the vendor's `values:` declaration (`USER` from `user`):
    /// an ask for such a variable is filled instead of asked, and its placeholders are filled in every text.
    public var variables: [String: String] = [:]
    /// The other codes the paste reports besides the one diagnosed, one line each with its count
    /// (`LogScanLines.line`: "3× vendor CODE · HTTP 429 · first on line 2"), for the transcript.
    public var otherCodes: [String] = []

    public init(_ values: [Key: String] = [:], origin: String = "the pasted response") {
        self.values = values
        self.origin = origin
    }

    public subscript(key: Key) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty && otherCodes.isEmpty }

    private enum CodingKeys: String, CodingKey { case values, origin, variables, otherCodes = "other_codes" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        values = try container.decode([Key: String].self, forKey: .values)
        origin = try container.decode(String.self, forKey: .origin)
        variables = try container.decodeIfPresent([String: String].self, forKey: .variables) ?? [:]
        otherCodes = try container.decodeIfPresent([String].self, forKey: .otherCodes) ?? []
    }

    /// As `Dictionary` encodes keys that are not strings (key, value, key, value), but in key order, so the same
    /// facts always give the same bytes (the compiled catalog, and so its cache key, stays the same between builds).
    /// Decoding takes the pairs in any order; `variables` only when there are any.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var pairs = container.nestedUnkeyedContainer(forKey: .values)
        for key in values.keys.sorted() {
            try pairs.encode(key)
            try pairs.encode(values[key])
        }
        try container.encode(origin, forKey: .origin)
        if !variables.isEmpty { try container.encode(variables, forKey: .variables) }
        if !otherCodes.isEmpty { try container.encode(otherCodes, forKey: .otherCodes) }
    }
}
