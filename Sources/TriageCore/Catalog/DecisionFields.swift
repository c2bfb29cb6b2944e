/// The first facts a customer asks about a code, at a glance: may they retry, who fixes it, what can be shown to
/// them, and which vendor document says so (and when someone last checked). Written under a code's `decision:`
/// key; `unknown` is an explicit answer (the document does not say), never a default for a missing key.
public struct DecisionFields: Hashable, Sendable, Codable {
    /// Whether sending the same request again can succeed.
    public enum Retry: String, CaseIterable, Sendable, Codable {
        /// A retry alone can succeed.
        case yes
        /// Only after something is fixed.
        case afterFix = "after_fix"
        /// Never: the same request fails the same way.
        case no
        /// After waiting: a rate limit.
        case throttled
        /// The vendor's document does not say.
        case unknown

        /// The word on a badge (`retry: after fix`).
        public var badge: String {
            switch self {
            case .afterFix: return "after fix"
            case .throttled: return "wait"
            default: return rawValue
            }
        }
    }

    /// Who has to act for the request to succeed.
    public enum Fixer: String, CaseIterable, Sendable, Codable {
        case customer, vendor, us, unknown
    }

    public var retryable: Retry
    public var fixer: Fixer
    /// Wording safe to show the customer (no internals).
    public var customerText: String?
    /// The vendor document the fields were read from.
    public var source: String
    /// When someone last checked the fields against `source` (YYYY-MM-DD).
    public var verified: String

    public init(retryable: Retry, fixer: Fixer, customerText: String? = nil, source: String, verified: String) {
        self.retryable = retryable
        self.fixer = fixer
        self.customerText = customerText
        self.source = source
        self.verified = verified
    }

    /// The badge of the detail: `retry: no · fix: customer` (`dot`: the separator the terminal can show).
    public func badge(dot: String = "·") -> String { "retry: \(retryable.badge) \(dot) fix: \(fixer.rawValue)" }

    /// The short badge of a list row, only what is known (`r:no f:cust`, `r:wait`); nil when both are unknown.
    public var listBadge: String? {
        var parts: [String] = []
        switch retryable {
        case .unknown: break
        case .afterFix: parts.append("r:fix")
        case .throttled: parts.append("r:wait")
        default: parts.append("r:\(retryable.rawValue)")
        }
        switch fixer {
        case .unknown: break
        case .customer: parts.append("f:cust")
        case .vendor: parts.append("f:vend")
        case .us: parts.append("f:us")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The keys of `decision:`, in the order they are written.
    static let keys = ["retryable", "fixer", "customer_text", "source", "verified"]

    /// Reads a code's `decision:` mapping; problems name the position and, for a mistyped value, the closest one.
    static func parse(_ value: YAMLValue, code: String, _ problems: inout ProblemList) -> DecisionFields? {
        let what = "decision of code '\(code)'"
        guard let mapping = value.mapping(what, &problems) else { return nil }
        mapping.rejectUnknownKeys(allowed: keys, in: what, &problems)
        let retryable = mapping.required("retryable", in: what, &problems).flatMap {
            choice($0, Retry.self, "retryable of code '\(code)'", &problems)
        }
        let fixer = mapping.required("fixer", in: what, &problems).flatMap {
            choice($0, Fixer.self, "fixer of code '\(code)'", &problems)
        }
        let customerText = mapping["customer_text"]?.text("customer_text of code '\(code)'", &problems)
        let source = mapping.required("source", in: what, &problems)?.text("source of code '\(code)'", &problems)
        let verified = mapping.required("verified", in: what, &problems).flatMap {
            ImportRecords.date($0, "verified of code '\(code)'", &problems)
        }
        guard let retryable, let fixer, let source, let verified else { return nil }
        return DecisionFields(retryable: retryable, fixer: fixer, customerText: customerText, source: source,
                              verified: verified)
    }

    private static func choice<Value: RawRepresentable & CaseIterable>(
        _ value: YAMLValue, _ type: Value.Type, _ what: String, _ problems: inout ProblemList
    ) -> Value? where Value.RawValue == String {
        guard let text = value.text(what, &problems) else { return nil }
        if let chosen = Value(rawValue: text) { return chosen }
        let allowed = Value.allCases.map(\.rawValue)
        var message = "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text.prefix(40))'"
        if let guess = Suggestions.closest(to: text, among: allowed, limit: 1).first { message += "; did you mean '\(guess)'?" }
        problems.add(value.location, message)
        return nil
    }
}

/// The lint rule: every code of a vendor that has decision fields says them (`unknown` where the document is
/// silent); a vendor none of whose codes has them yet (just imported) is not asked.
enum DecisionRule {
    static func problem(for entry: CatalogEntry) -> String? {
        guard entry.decision == nil else { return nil }
        return "code '\(entry.code)' has no decision fields: add 'decision:' (retryable, fixer, source, verified; 'unknown' where the vendor's document does not say)"
    }
}
