/// A conclusion with what its texts refer to resolved once against the catalog: its headings, the vendor to
/// escalate to and each related code's vendor name and one-line description. Markdown transcripts, line mode
/// and the step pane show the same facts and the same words from it.
public struct ConclusionSummary: Hashable, Sendable {
    public struct RelatedCode: Hashable, Sendable {
        public var reference: CodeReference
        public var vendorName: String?
        /// The vendor's description on one line (first paragraph); nil when the catalog lacks the code.
        public var description: String?
    }

    public var conclusion: Conclusion
    /// The name of the vendor to escalate to, when the conclusion's tree covers one vendor.
    public var vendorName: String?
    public var related: [RelatedCode]
    /// The steps passed without a fact ("can't tell", unknown values): a determined conclusion reached through any
    /// of them is presumed, not established.
    public var presumptions: [Presumption]

    public init(_ conclusion: Conclusion, tree: DecisionTree?, catalog: Catalog, presumptions: [Presumption] = []) {
        self.conclusion = conclusion
        self.presumptions = presumptions
        let vendors = tree?.vendors ?? []
        vendorName = vendors.count == 1 ? (catalog.vendor(id: vendors[0])?.name ?? vendors[0]) : nil
        related = conclusion.related.map { reference in
            RelatedCode(reference: reference, vendorName: catalog.vendor(id: reference.vendor)?.name,
                        description: catalog.entry(reference).map { Transcript.oneLine($0.description) })
        }
    }

    /// "Diagnosis" for a conclusion that determines the cause, "Presumed diagnosis" for one reached through a
    /// "can't tell", "Not determined" for one that could not.
    public var label: String {
        guard conclusion.determined else { return "Not determined" }
        return isPresumed ? "Presumed diagnosis" : "Diagnosis"
    }

    /// The conclusion's one-line title as every output shows it: "Not determined: X" for a conclusion that could
    /// not determine the cause, unless its own text already says so ("Not determined from the ticket: ...").
    public var headline: String { Self.headline(conclusion.diagnosis, determined: conclusion.determined) }

    /// `headline` for a conclusion known by its text and whether it determined the cause (a stored transcript).
    public static func headline(_ diagnosis: String, determined: Bool) -> String {
        if determined || diagnosis.lowercased().hasPrefix("not determined") { return diagnosis }
        return "Not determined: " + diagnosis
    }

    /// A determined conclusion reached through at least one step without a fact.
    public var isPresumed: Bool { conclusion.determined && !presumptions.isEmpty }

    /// The heading over the numbered steps: what to do, or, when the cause was not determined, what to collect.
    public var stepsHeading: String { Self.stepsHeading(determined: conclusion.determined) }

    /// `stepsHeading` for a conclusion known only by whether it determined the cause (a stored transcript).
    public static func stepsHeading(determined: Bool) -> String { determined ? "Steps" : "What to collect" }

    /// "Sentiance", or "the vendor" when the tree covers several.
    public var escalationTarget: String { vendorName ?? "the vendor" }

    /// The escalation's first line: "Escalate to V when: ..." or "Escalate to V.".
    public var escalationLine: String? {
        guard let escalate = conclusion.escalate else { return nil }
        return escalate.when.map { "Escalate to \(escalationTarget) when: \($0)" } ?? "Escalate to \(escalationTarget)."
    }
}
