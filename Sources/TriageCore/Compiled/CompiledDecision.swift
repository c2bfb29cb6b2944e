/// An entry's decision fields in a compiled record, right after its location: 0 when it has none, else 1 and the
/// fields (`DecisionFields`).
extension ByteWriter {
    mutating func decision(_ decision: DecisionFields?) {
        guard let decision else { varint(0); return }
        varint(1)
        string(decision.retryable.rawValue)
        string(decision.fixer.rawValue)
        optionalString(decision.customerText)
        string(decision.source)
        string(decision.verified)
    }
}

extension ByteReader {
    mutating func decision() throws -> DecisionFields? {
        switch try varint() {
        case 0: return nil
        case 1:
            guard let retryable = DecisionFields.Retry(rawValue: try string()),
                  let fixer = DecisionFields.Fixer(rawValue: try string()) else { throw Damaged() }
            return DecisionFields(retryable: retryable, fixer: fixer, customerText: try optionalString(),
                                  source: try string(), verified: try string())
        default: throw Damaged()
        }
    }
}
