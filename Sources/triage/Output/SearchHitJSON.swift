import TriageCore

/// One search result (`search --json`): the entry's vendor, code, category, message and summary (`null` when
/// absent), and the score rounded to two decimals.
struct SearchHitJSON: Encodable {
    let vendor, code, category: String
    @NullIfAbsent var message: String?
    @NullIfAbsent var summary: String?
    let score: Double

    init(_ entry: CatalogEntry, score: Double) {
        (vendor, code, category) = (entry.vendor, entry.code, entry.category)
        message = entry.message
        summary = entry.summary
        self.score = (score * 100).rounded() / 100
    }
}
