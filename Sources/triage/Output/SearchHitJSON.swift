import TriageCore

/// One search result (`search --json`): the entry's vendor, code, category, message and summary (`null` when
/// absent), the score rounded to two decimals, and (`search` only) whether it was lifted because it was chosen
/// before after a similar search (`chosen_before`).
struct SearchHitJSON: Encodable {
    let vendor, code, category: String
    @NullIfAbsent var message: String?
    @NullIfAbsent var summary: String?
    let score: Double
    /// Set by `triage search`; left out (nil) where no learned pairings apply, as in `explain`.
    var chosenBefore: Bool?

    init(_ entry: CatalogEntry, score: Double) {
        (vendor, code, category) = (entry.vendor, entry.code, entry.category)
        message = entry.message
        summary = entry.summary
        self.score = (score * 100).rounded() / 100
    }
}
