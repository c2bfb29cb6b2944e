/// The hits of one search in rank order (score descending, ties by entry ascending). With a limit it keeps only
/// the best `limit` in a bounded heap, so a search that matches most of a big catalog never sorts all of it.
struct Ranking {
    struct Element {
        var score: Double
        var entry: Int32
    }

    let limit: Int?
    /// Unbounded: every hit. Bounded: a min-heap whose root is the worst kept hit.
    private(set) var elements: [Element] = []

    init(limit: Int?) {
        self.limit = limit
        if let limit { elements.reserveCapacity(limit) }
    }

    var isFull: Bool { limit.map { elements.count >= $0 } ?? false }

    /// The score of the worst kept hit (bounded and full only): a hit scoring below it cannot be shown.
    var worstScore: Double { elements[0].score }

    /// Whether `a` ranks below `b`.
    @inline(__always)
    static func worse(_ a: Element, _ b: Element) -> Bool {
        a.score != b.score ? a.score < b.score : a.entry > b.entry
    }

    mutating func add(_ score: Double, _ entry: Int32) {
        let element = Element(score: score, entry: entry)
        guard let limit else {
            elements.append(element)
            return
        }
        guard limit > 0 else { return }
        if elements.count < limit {
            elements.append(element)
            var child = elements.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(elements[child], elements[parent]) else { break }
                elements.swapAt(child, parent)
                child = parent
            }
        } else if Self.worse(elements[0], element) {
            elements[0] = element
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var worst = parent
                if left < elements.count, Self.worse(elements[left], elements[worst]) { worst = left }
                if right < elements.count, Self.worse(elements[right], elements[worst]) { worst = right }
                if worst == parent { break }
                elements.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    /// The kept hits, best first. Many hits (an unbounded ranking of a big catalog) are radix sorted: by entry,
    /// then stably by score, which is the same order as comparing.
    func sorted() -> [Element] {
        guard elements.count > 4096 else { return elements.sorted { Self.worse($1, $0) } }
        var from = elements
        var to = elements
        let bits = 11
        let mask = (1 << bits) - 1
        var counts = [Int](repeating: 0, count: (1 << bits) + 1)
        func pass(_ digit: (Element) -> Int) {
            for i in counts.indices { counts[i] = 0 }
            for element in from { counts[digit(element) + 1] += 1 }
            if counts.contains(where: { $0 == from.count }) { return }  // one digit for all: already in order
            for i in 1..<counts.count { counts[i] += counts[i - 1] }
            for element in from {
                let d = digit(element)
                to[counts[d]] = element
                counts[d] += 1
            }
            swap(&from, &to)
        }
        /// The score's bits in an order that sorts as the score does, inverted so that best comes first.
        func key(_ element: Element) -> UInt64 {
            let bits = element.score.bitPattern
            return ~(bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63))
        }
        for shift in stride(from: 0, to: 32, by: bits) { pass { Int(UInt32(bitPattern: $0.entry) >> UInt32(shift)) & mask } }
        for shift in stride(from: 0, to: 64, by: bits) { pass { Int(truncatingIfNeeded: key($0) >> UInt64(shift)) & mask } }
        return from
    }
}
