import Foundation

/// Remembers the last few values laid out (documents, overlays), so moving and typing do not wrap the same text
/// again on every key. The key must hold everything the value depends on; then copies of a model sharing one
/// cache is harmless. Thread-safe, so models holding it stay `Sendable`.
public final class LayoutCache<Key: Hashable, Value>: @unchecked Sendable {
    /// When full, the cache starts over: the few entries in use come straight back.
    public let limit: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    public init(limit: Int = 1) {
        self.limit = max(1, limit)
    }

    /// The value for `key`, built (and kept) on a miss.
    public func value(for key: Key, build: () -> Value) -> Value {
        if let hit = lock.withLock({ values[key] }) { return hit }
        let built = build()
        lock.withLock {
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = built
        }
        return built
    }
}
