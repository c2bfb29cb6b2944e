import Foundation

/// How a cold build of a user catalog is going (`CatalogCache.load`'s `progress`): told once when it starts,
/// then after each file is parsed (from the worker threads, in any order of files but with `done` counting up).
public enum CatalogBuildEvent: Hashable, Sendable {
    /// A build starts: the user catalog's YAML file count, and why the cache could not be used.
    case started(files: Int, reason: String)
    /// Files parsed so far, of all the catalog's files (the built-in ones too).
    case parsed(CatalogBuildProgress)
}

/// Files done of files to do, as the status line and stderr show it.
public struct CatalogBuildProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// "Compiling the catalog: 1,234 of 4,000 files".
    public var text: String {
        "Compiling the catalog: \(Self.grouped(done)) of \(Self.grouped(total)) file\(total == 1 ? "" : "s")"
    }

    /// 1234567 as "1,234,567" (the same in every locale: this is for a status line, not a report).
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }
}

/// Lets through at most one update per `interval` seconds, and always the last one (`done == total`), so a
/// display updated from a fast loop costs nothing and ends on the true figure. Thread-safe.
public final class ProgressThrottle: @unchecked Sendable {
    private let interval: Double
    private let clock: @Sendable () -> Double
    private let lock = NSLock()
    private var last: Double?
    private var finished = false

    /// `clock` gives seconds (monotonic by default).
    public init(interval: Double = 0.1, clock: @escaping @Sendable () -> Double = ProgressThrottle.monotonicSeconds) {
        self.interval = interval
        self.clock = clock
    }

    /// Whether to show `progress` now.
    public func admit(_ progress: CatalogBuildProgress) -> Bool {
        lock.withLock {
            guard !finished else { return false }
            if progress.done >= progress.total {
                finished = true
                return true
            }
            let now = clock()
            if let last, now - last < interval { return false }
            last = now
            return true
        }
    }

    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
