/// Every code should say how people describe it: `phrases:` (situations, symptoms, SDK wording) or an example
/// ticket that expects it. A code without either is found only by the vendor's own words, so `triage lint` warns
/// about it; a warning, not a problem: the catalog is still valid.
public enum PhraseRule {
    /// A warning for each code of `catalog` with no phrases and no example ticket, in catalog order.
    public static func warnings(_ catalog: Catalog) -> [CatalogProblem] {
        var ticketed = Set<CodeReference>()
        var ticketedBare = Set<String>()
        for example in catalog.examples where example.ticket != nil {
            guard let code = example.code else { continue }
            if code.vendor.isEmpty { ticketedBare.insert(code.code) } else { ticketed.insert(code) }
        }
        var warnings: [CatalogProblem] = []
        for entry in catalog.entries where entry.phrases.isEmpty {
            if ticketed.contains(entry.reference) || ticketedBare.contains(entry.code) { continue }
            warnings.append(CatalogProblem(entry.location,
                "warning: code '\(entry.code)' has no phrases; add 'phrases:' with how customers and engineers describe it"))
        }
        return warnings
    }
}
