import Foundation

/// Messages for a running `TerminalProgram` from other threads (a background job's progress and result): the
/// runner takes them between key presses and hands each to `receive(_:)`, on its own thread, in the order they
/// were posted (the Elm / Bubble Tea subscription).
public final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Message] = []

    public init() {}

    /// Adds a message; safe from any thread.
    public func post(_ message: Message) { lock.withLock { queue.append(message) } }

    /// Every message posted since the last call, oldest first.
    public func takeAll() -> [Message] {
        lock.withLock {
            defer { queue = [] }
            return queue
        }
    }
}
