import Foundation

/// Keeps one diagnosis saved while it runs: creates its row on the first step (or continues a stored one),
/// saves after every later step. It never blocks the diagnosis: when the store is missing or a write fails, it
/// says so once through `warn` ("this session is not being saved: why") and keeps trying on later steps, so a
/// freed disk catches up (each save writes the whole state).
public final class SessionRecorder {
    public let store: (any SessionStore)?
    public let catalog: Catalog
    public let user: String
    public let ticket: String?
    /// The stored session's id, once it has one.
    public private(set) var id: Int64?
    /// True when the last step reached the store.
    public private(set) var isSaved = false
    private let warn: (String) -> Void
    private let now: () -> Date
    private var warned = false
    private var lastSaved: DiagnosisSession?

    /// `store` nil means it could not be opened: `unavailableReason` says why (reported on the first step).
    public init(store: (any SessionStore)?, unavailableReason: String? = nil, catalog: Catalog, user: String,
                ticket: String?, continuing id: Int64? = nil, now: @escaping () -> Date = Date.init,
                warn: @escaping (String) -> Void) {
        self.store = store
        self.catalog = catalog
        self.user = user
        self.ticket = ticket
        self.id = id
        self.now = now
        self.warn = warn
        if store == nil {
            report(unavailableReason ?? "no sessions database")
        }
    }

    /// Saves the session as it is now (a no-op when nothing changed since the last save).
    public func record(_ session: DiagnosisSession) {
        guard let store else { return }
        let snapshot = SessionSnapshot(session, catalog: catalog)
        if isSaved, lastSaved == snapshot.diagnosis { return }
        do {
            if let id {
                try store.save(snapshot, id: id, at: now())
            } else {
                id = try store.create(snapshot, user: user, ticket: ticket, at: now()).id
            }
            lastSaved = snapshot.diagnosis
            isSaved = true
        } catch {
            isSaved = false
            report("\(error)")
        }
    }

    /// Sets the outcome of the stored session; false (after saying why, once) when it cannot.
    @discardableResult
    public func setOutcome(_ outcome: SessionOutcome) -> Bool {
        guard let store, let id else { return false }
        do {
            return try store.setOutcome(outcome, id: id, at: now())
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
