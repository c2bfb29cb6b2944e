import Testing
@testable import TriageCore

/// The ranking's sort: above 4096 hits it radix sorts, and must order exactly as comparing would.
@Suite struct RankingTests {
    @Test func manyHitsSortAsComparingWould() {
        // Above 4096 hits the ranking radix sorts; ties (equal scores) stay in entry order.
        var generator = SystemRandomNumberGenerator()
        for count in [4097, 20_000] {
            var ranking = Ranking(limit: nil)
            for entry in (0..<Int32(count)).shuffled(using: &generator) {
                let score = Bool.random(using: &generator) ? Double(Int.random(in: 0..<50, using: &generator)) / 4
                    : Double.random(in: 0.001..<2000, using: &generator)
                ranking.add(score, entry)
            }
            let compared = ranking.elements.sorted { Ranking.worse($1, $0) }
            let sorted = ranking.sorted()
            #expect(sorted.map(\.entry) == compared.map(\.entry))
            #expect(sorted.map(\.score) == compared.map(\.score))
        }
        var bounded = Ranking(limit: 10)
        for entry in Int32(0)..<5000 { bounded.add(Double(entry % 97), entry) }
        #expect(bounded.sorted().map(\.entry) == [96, 193, 290, 387, 484, 581, 678, 775, 872, 969])
    }
}
