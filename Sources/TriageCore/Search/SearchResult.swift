/// One search result: an entry of the catalog and how well it matched.
public struct SearchHit: Hashable, Sendable {
    /// Index into `Catalog.entries`.
    public var entryIndex: Int
    public var reference: CodeReference
    /// Higher is better; only comparable within one query.
    public var score: Double

    public init(entryIndex: Int, reference: CodeReference, score: Double) {
        self.entryIndex = entryIndex
        self.reference = reference
        self.score = score
    }
}

/// A range of characters to highlight, in `Character` offsets of the displayed string.
public struct HighlightRange: Hashable, Sendable {
    public var start: Int
    public var length: Int

    public init(start: Int, length: Int) {
        self.start = start
        self.length = length
    }

    public var end: Int { start + length }
}

/// One page of search results: the best hits (up to the limit asked for) and how many entries match in all.
public struct SearchPage: Sendable {
    public var hits: [SearchHit]
    public var total: Int

    public init(hits: [SearchHit], total: Int) {
        self.hits = hits
        self.total = total
    }
}
