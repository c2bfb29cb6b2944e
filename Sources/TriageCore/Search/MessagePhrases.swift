/// The vendor's message of each entry as stem ids, as a collection (what `SearchIndex.messageWords` gives the
/// explainer): `count` words each, found as a phrase in a text's stems with `Searcher.offset(of:in:)`.
struct MessagePhrases: RandomAccessCollection {
    let index: SearchIndex
    let lookup: StemLookup

    init(index: SearchIndex) {
        self.index = index
        lookup = StemLookup(index: index)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { index.entryCount }

    subscript(entry: Int) -> MessagePhrase {
        MessagePhrase(stems: index.messageStems[index.messageRange(entry)], lookup: lookup)
    }
}

/// One entry's message as stem ids.
struct MessagePhrase {
    let stems: Slice<FlatArray<Int32>>
    let lookup: StemLookup

    var count: Int { stems.count }
}

/// A text's stems as the index's stem ids, remembered for the last text: the explainer looks the same text up
/// against every message.
final class StemLookup {
    private let index: SearchIndex
    private var lastText: [[Character]] = []
    private var lastIDs: [Int32] = []

    init(index: SearchIndex) { self.index = index }

    func ids(_ stems: [[Character]]) -> [Int32] {
        let same = stems.count == lastText.count && stems.withUnsafeBufferPointer { a in
            lastText.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        if !same {
            // Holding `stems` keeps its buffer alive, so the same address means the same (unchanged) array.
            lastText = stems
            lastIDs = stems.map { index.stemID(SearchBytes.of($0)) }
        }
        return lastIDs
    }
}

extension Searcher {
    /// Where the message `phrase` starts in `stems` (a text's words, stemmed), or nil.
    static func offset(of phrase: MessagePhrase, in stems: [[Character]]) -> Int? {
        guard !phrase.stems.isEmpty, phrase.count <= stems.count else { return nil }
        let ids = phrase.lookup.ids(stems)
        let first = phrase.stems[phrase.stems.startIndex]
        for start in 0...(ids.count - phrase.count) where ids[start] == first {
            if ids[start..<(start + phrase.count)].elementsEqual(phrase.stems) { return start }
        }
        return nil
    }
}
