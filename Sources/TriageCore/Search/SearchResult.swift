/// One search result: an entry of the catalog and how well it matched.
public struct SearchHit: Hashable, Sendable {
    /// Index into `Catalog.entries`.
    public var entryIndex: Int
    public var reference: CodeReference
    /// Higher is better; only comparable within one query.
    public var score: Double
    /// Lifted because it was chosen before after a similar query (`SearchMemory`).
    public var learned: Bool

    public init(entryIndex: Int, reference: CodeReference, score: Double, learned: Bool = false) {
        self.entryIndex = entryIndex
        self.reference = reference
        self.score = score
        self.learned = learned
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
    /// Entries among `hits` outside the vendor scope searched in: exact hits (a whole code or message), which
    /// a scope never hides.
    public var outsideScope: [Int]

    public init(hits: [SearchHit], total: Int, outsideScope: [Int] = []) {
        self.hits = hits
        self.total = total
        self.outsideScope = outsideScope
    }
}
