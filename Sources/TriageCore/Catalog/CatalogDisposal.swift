import Foundation

/// Lets go of a big value (a parsed or merged catalog of hundreds of thousands of entries) on a background
/// thread: the caller does not wait for millions of frees, and a one-shot command that ends first never does
/// them at all (the process's memory goes back whole at exit).
enum CatalogDisposal {
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: Value) { self.value = value }
    }

    /// Releases `value` later, off the calling thread. The caller must hold no other reference it still needs
    /// freed promptly (shared storage is only released once the last holder lets go).
    static func release<Value>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .background).async { box.value = nil }
    }
}
