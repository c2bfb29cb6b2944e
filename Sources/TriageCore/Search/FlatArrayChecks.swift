import Dispatch

/// The checks a stored index's arrays pass before a search reads them in place: offset tables and ids in range.
/// Each is one pass without an early exit inside a block (so the compiler vectorizes it), stopping between blocks
/// at the first failure, and lets a mapped array's pages go once read (`releasePages`).
extension FlatArray where Element == Int32 {
    /// Whether this is the offset table of `count` items over `total` values: `count + 1` offsets from 0, never
    /// descending, ending at `total`.
    func isOffsetTable(count: Int, total: Int) -> Bool {
        guard self.count == count + 1 else { return false }
        defer { releasePages() }
        return withUnsafeBufferPointer { starts in
            guard starts[0] == 0, Int(starts[count]) == total else { return false }
            return Self.blocks(count) { range in
                var smallestStep = Int64.max
                for i in range { smallestStep = Swift.min(smallestStep, Int64(starts[i + 1]) - Int64(starts[i])) }
                return smallestStep >= 0
            }
        }
    }

    /// Whether every value is at least `lowest` and below `limit`.
    func allIn(_ lowest: Int32, below limit: Int) -> Bool {
        defer { releasePages() }
        return withUnsafeBufferPointer { values in
            Self.blocks(values.count) { range in
                var low = Int32.max, high = Int32.min
                for i in range {
                    low = Swift.min(low, values[i])
                    high = Swift.max(high, values[i])
                }
                return range.isEmpty || (low >= lowest && Int(high) < limit)
            }
        }
    }
}

extension FlatArray {
    /// `check` over `0..<count` in blocks of 64K, false at the first block that fails.
    static func blocks(_ count: Int, _ check: (Range<Int>) -> Bool) -> Bool {
        var start = 0
        while start < count {
            let end = Swift.min(count, start + 65_536)
            if !check(start..<end) { return false }
            start = end
        }
        return true
    }
}

extension FlatArray where Element == UInt16 {
    /// Whether every value has one of `mask`'s bits set.
    func allIntersect(_ mask: UInt16) -> Bool {
        defer { releasePages() }
        return withUnsafeBufferPointer { values in
            Self.blocks(values.count) { range in
                var fewest = UInt16.max
                for i in range { fewest = Swift.min(fewest, values[i] & mask) }
                return fewest != 0
            }
        }
    }
}

/// Runs independent checks on every core and says whether all passed (for a small machine: two threads do the
/// work of one, the checks reading separate memory).
enum AllOnEveryCore {
    static func allPass(_ checks: [@Sendable () -> Bool]) -> Bool {
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: checks.count)
        results.initialize(repeating: false)
        defer { results.deallocate() }
        let slots = ResultSlots(results)
        DispatchQueue.concurrentPerform(iterations: checks.count) { at in slots.set(at, checks[at]()) }
        return results.allSatisfy { $0 }
    }

    /// The results, one slot per check, each written by one thread only.
    private struct ResultSlots: @unchecked Sendable {
        let results: UnsafeMutableBufferPointer<Bool>
        init(_ results: UnsafeMutableBufferPointer<Bool>) { self.results = results }
        func set(_ at: Int, _ value: Bool) { results[at] = value }
    }
}
