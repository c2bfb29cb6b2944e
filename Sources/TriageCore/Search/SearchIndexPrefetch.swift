import Dispatch
import Foundation

/// A search index made ahead, on a background thread, while the engineer looks at the first frame: opening a big
/// catalog's stored index (its structure check reads it all) or building one after a cold compile then happens
/// in the pause before the first key, not in the first key's frame.
///
/// `index(for:)` hands over the index made ahead for that catalog (waiting for it if it is still being made),
/// or makes one itself when nothing was started for it. Each index made ahead is handed over once.
///
/// ```swift
/// let prefetch = SearchIndexPrefetch(make: { store.index(for: $0).index })
/// options.makeSearchIndex = prefetch.index(for:)
/// prefetch.start(for: catalog)   // after the first frame (the browser's `.prepareSearch` effect)
/// ```
public final class SearchIndexPrefetch: @unchecked Sendable {
    private let make: @Sendable (Catalog) -> SearchIndex
    private let lock = NSCondition()
    private var pending: (identity: Identity, index: SearchIndex?)?
    private var startedCount = 0
    private var handedOverCount = 0

    /// What tells two catalogs apart cheaply: the compiled bytes' checksum and the entry count.
    struct Identity: Equatable {
        var checksum: UInt64
        var entries: Int

        init?(_ catalog: Catalog) {
            // A catalog read from YAML has no checksum to be known by: it is not made ahead.
            guard let checksum = catalog.compiledChecksum else { return nil }
            self.checksum = checksum
            entries = catalog.entries.count
        }
    }

    public init(make: @escaping @Sendable (Catalog) -> SearchIndex) {
        self.make = make
    }

    /// Starts making `catalog`'s index on a background thread, unless one is already made or being made for it.
    /// Does nothing for a catalog without compiled bytes.
    public func start(for catalog: Catalog) {
        guard let identity = Identity(catalog) else { return }
        let begin = lock.withLock { () -> Bool in
            if let pending, pending.identity == identity { return false }
            pending = (identity, nil)
            startedCount += 1
            return true
        }
        guard begin else { return }
        let make = self.make
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let index = make(catalog)
            lock.withLock {
                // Still wanted (no other catalog started meanwhile): kept for `index(for:)`.
                if pending?.identity == identity, pending?.index == nil { pending?.index = index }
                lock.broadcast()
            }
        }
    }

    /// The index of `catalog`: the one made ahead for it (waited for if still being made), else made now.
    @Sendable public func index(for catalog: Catalog) -> SearchIndex {
        if let identity = Identity(catalog) {
            let ahead = lock.withLock { () -> SearchIndex? in
                guard pending?.identity == identity else { return nil }
                while pending?.identity == identity, pending?.index == nil { lock.wait() }
                guard pending?.identity == identity, let index = pending?.index else { return nil }
                pending = nil  // handed over: the searcher owns it now
                handedOverCount += 1
                return index
            }
            if let ahead { return ahead }
        }
        return make(catalog)
    }

    /// How many indexes were started ahead, and how many of them `index(for:)` handed over (for tests and the
    /// benchmark).
    public var counts: (started: Int, handedOver: Int) { lock.withLock { (startedCount, handedOverCount) } }

    /// Waits until the index started ahead (if any) is made; for the benchmark's "engineer's pause".
    public func waitUntilMade() {
        lock.withLock { while let pending, pending.index == nil { lock.wait() } }
    }
}
