import Foundation

/// Performs a diagnosis's `SessionRecording` against a store right away (line mode): the same rule the full
/// screen follows through its effects. It never blocks the diagnosis: when the store is missing or a write
/// fails, it says so once through `warn` ("this session is not being saved: why") and keeps trying on later
/// steps, so a freed disk catches up (each write after a failure carries the whole state).
public final class SessionRecorder {
    public let store: (any SessionStore)?
    public let catalog: Catalog
    public let user: String
    /// What is stored and what is due; the one rule shared with the full screen.
    public private(set) var recording: SessionRecording
    /// True when the last step reached the store.
    public private(set) var isSaved = false
    /// Called after each step that reached the store (the team store's background push).
    public var onSaved: (() -> Void)?
    private let warn: (String) -> Void
    private let now: () -> Date
    private var warned = false

    /// `store` nil means it could not be opened: `unavailableReason` says why (reported on the first step).
    public init(store: (any SessionStore)?, unavailableReason: String? = nil, catalog: Catalog, user: String,
                ticket: String?, continuing id: Int64? = nil, saved: DiagnosisSession? = nil,
                now: @escaping () -> Date = Date.init, warn: @escaping (String) -> Void) {
        self.store = store
        self.catalog = catalog
        self.user = user
        // A diagnosis started from the command line is saved from its first question on.
        recording = SessionRecording(ticket: ticket, continuing: id, saved: saved, eager: true)
        self.now = now
        self.warn = warn
        if store == nil {
            report(unavailableReason ?? "no sessions database")
        }
    }

    /// The stored session's id, once it has one.
    public var id: Int64? { recording.id }
    /// The ticket the diagnosis is saved with.
    public var ticket: String? { recording.ticket }

    /// Saves the session as it is now (a no-op when nothing changed since the last save).
    public func record(_ session: DiagnosisSession) {
        guard let store else { return }
        guard let write = recording.write(for: session) else { return }
        do {
            recording.sent(write)
            recording.stored(id: try write.perform(on: store, catalog: catalog, user: user, at: now()))
            isSaved = true
            onSaved?()
        } catch {
            recording.failed()
            isSaved = false
            report("\(error)")
        }
    }

    /// Sets the outcome of the stored session; false (after saying why, once) when it cannot.
    @discardableResult
    public func setOutcome(_ outcome: SessionOutcome) -> Bool {
        guard let store, let id = recording.id else { return false }
        do {
            guard try store.setOutcome(outcome, id: id, at: now()) else { return false }
            recording.outcome = outcome
            return true
        } catch {
            report("\(error)")
            return false
        }
    }

    private func report(_ reason: String) {
        guard !warned else { return }
        warned = true
        warn("this session is not being saved: \(reason)")
    }
}
