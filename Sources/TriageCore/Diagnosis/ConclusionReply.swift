/// What an engineer pastes into the ticket at a conclusion (`reply:`): a reply the customer can act on and an
/// internal note for colleagues. Both are templates: `@VAR|fallback@` is filled from the diagnosis's values,
/// and a secret value is never filled in (its fallback stands instead).
public struct ConclusionReply: Hashable, Sendable, Codable {
    public var customer: String
    public var internalNote: String

    public init(customer: String, internalNote: String) {
        self.customer = customer
        self.internalNote = internalNote
    }

    static let keys = ["customer", "internal"]

    /// Reads a conclusion's `reply:` mapping.
    static func parse(_ value: YAMLValue, what: String, _ problems: inout ProblemList) -> ConclusionReply? {
        guard let mapping = value.mapping("reply of \(what)", &problems) else { return nil }
        mapping.rejectUnknownKeys(allowed: keys, in: "reply of \(what)", &problems)
        let customer = mapping.required("customer", in: "reply of \(what)", &problems)?.text("customer reply of \(what)", &problems)
        let note = mapping.required("internal", in: "reply of \(what)", &problems)?.text("internal note of \(what)", &problems)
        guard let customer, let note else { return nil }
        return ConclusionReply(customer: customer, internalNote: note)
    }
}
