import Foundation

/// Jobs done on worker threads and handed to the calling thread in job order, at most `window` jobs ahead of it:
/// a job is only started once every job `window` places before it was handed over, so what is held at once (a
/// parsed file each) is bounded by the window, not by the number of jobs. The catalog's files are parsed this
/// way: all of them at once for the loader, a few at a time for the compiler (`CatalogCompiler`).
enum OrderedWork {
    /// Runs `produce(index)` for every index below `count` on `workers` threads of `stackSize` bytes each
    /// (composing deeply nested YAML recurses, so they get the main thread's stack size rather than a pool
    /// thread's) and hands each result to `consume` on the calling thread, in index order. `consume` returning
    /// false stops the work: no further job is started nor handed over. Returns the most jobs that were held
    /// at once (started and not yet handed over).
    @discardableResult
    static func run<Result>(count: Int, window: Int, workers: Int, stackSize: Int = 16 << 20,
                            produce: @escaping @Sendable (Int) -> Result,
                            consume: (Int, Result) -> Bool) -> Int {
        guard count > 0 else { return 0 }
        let state = State<Result>(window: max(1, window))
        let workers = min(count, max(1, workers))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            // Each worker takes the next job in order (big and small files mix in a catalog), so a slow job does
            // not hold up a fixed share of the others.
            let thread = Thread {
                while let index = state.nextJob(count: count) { state.finish(index, produce(index)) }
                finished.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for index in 0..<count {
            guard let result = state.take(index) else { break }
            if !consume(index, result) { state.stop(); break }
        }
        state.stop()
        for _ in 0..<workers { finished.wait() }
        return state.mostHeld
    }

    private final class State<Result>: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        private var next = 0
        private var handedOver = 0
        private var stopped = false
        private var results: [Int: Result] = [:]
        private(set) var mostHeld = 0

        init(window: Int) { self.window = window }

        /// The next job to do, once the window allows; nil when there is none left (or the work stopped).
        func nextJob(count: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped, next < count, next >= handedOver + window { condition.wait() }
            guard !stopped, next < count else { return nil }
            next += 1
            mostHeld = max(mostHeld, next - handedOver)
            return next - 1
        }

        func finish(_ index: Int, _ result: Result) {
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Job `index`'s result once done (nil if the work stopped first).
        func take(_ index: Int) -> Result? {
            condition.lock()
            defer { condition.unlock() }
            while results[index] == nil, !stopped { condition.wait() }
            guard let result = results.removeValue(forKey: index) else { return nil }
            handedOver = index + 1
            condition.broadcast()
            return result
        }

        func stop() {
            condition.lock()
            stopped = true
            results = [:]
            condition.broadcast()
            condition.unlock()
        }
    }
}
