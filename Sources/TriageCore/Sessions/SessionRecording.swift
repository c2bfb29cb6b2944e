import Foundation

/// Which stored session one diagnosis is saved into, and what was saved last: the one rule, for line mode and
/// the full screen alike, that decides after each step whether a write is due and which one.
///
/// A recording belongs to one diagnosis from its start: a new diagnosis gets a new recording (no stored id,
/// the ticket current when it started), so it can never write into another diagnosis's row. Only an explicit
/// command changes its ticket (`retag`).
///
/// ```swift
/// var recording = SessionRecording(ticket: "ZD-1")
/// if let write = recording.write(for: session) {          // .create(ticket: "ZD-1") on the first answer
///     recording.sent(write)
///     recording.stored(id: try write.perform(on: store, catalog: catalog, user: "alice", at: Date()))
/// }
/// ```
public struct SessionRecording: Hashable, Sendable {
    /// The stored session's id, once it has one.
    public private(set) var id: Int64?
    /// The ticket the diagnosis is for: the one current when it started, or set since by an explicit command.
    public private(set) var ticket: String?
    /// The outcome the engineer gave at the conclusion.
    public var outcome: SessionOutcome?
    /// Save before the first answer too (a diagnosis started from the command line, or continued).
    public let eager: Bool
    /// The state handed to the store last; nil after a failed write, so the next step tries again.
    public private(set) var lastSaved: DiagnosisSession?

    /// A recording for a diagnosis that starts now (`id` nil) or continues stored session `id` (whose stored
    /// state is `saved`).
    public init(ticket: String?, continuing id: Int64? = nil, saved: DiagnosisSession? = nil, eager: Bool = false) {
        self.ticket = ticket
        self.id = id
        self.lastSaved = saved
        self.eager = eager || id != nil
    }

    /// The write due for `session` as it is now: nil when nothing changed since the last write, or when a new
    /// diagnosis has no answer yet (a diagnosis opened and left at once leaves no row).
    public func write(for session: DiagnosisSession) -> SessionWrite? {
        guard session != lastSaved else { return nil }
        if let id {
            return SessionWrite(session: session, target: .update(id: id), unchangedSteps: session.sharedSteps(with: lastSaved))
        }
        guard eager || session.path.contains(where: \.isAnswered) || !session.path.isEmpty && session.isFinished
        else { return nil }
        return SessionWrite(session: session, target: .create(ticket: ticket))
    }

    /// `write` was handed to the store: the same state is not written again.
    public mutating func sent(_ write: SessionWrite) {
        lastSaved = write.session
    }

    /// The store wrote it as session `id` (a create answers with the new row's id).
    public mutating func stored(id: Int64) {
        self.id = id
    }

    /// A write failed: the next step writes the whole state again.
    public mutating func failed() {
        lastSaved = nil
    }

    /// The stored session was deleted: later steps go into a new one.
    public mutating func forget() {
        id = nil
        lastSaved = nil
    }

    /// An explicit command (`T` in the diagnosis, `triage sessions ... --ticket`) gave the diagnosis this ticket.
    /// Returns the stored id to retag, if it is stored.
    public mutating func retag(_ ticket: String?) -> Int64? {
        self.ticket = ticket
        return id
    }
}

/// One write of a diagnosis into the store: create its row (with the ticket it started with) or save into it.
public struct SessionWrite: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case create(ticket: String?)
        case update(id: Int64)
    }

    public var session: DiagnosisSession
    public var target: Target
    /// Leading steps the store already holds (an update after a successful one): they are not written again.
    public var unchangedSteps: Int

    public init(session: DiagnosisSession, target: Target, unchangedSteps: Int = 0) {
        self.session = session
        self.target = target
        self.unchangedSteps = unchangedSteps
    }

    /// The stored id written into, nil for a create.
    public var id: Int64? {
        if case let .update(id) = target { return id }
        return nil
    }

    /// The ticket a create gives the new row (nil for an update: the row keeps its own).
    public var ticket: String? {
        if case let .create(ticket) = target { return ticket }
        return nil
    }

    /// Writes it (secrets masked by `SessionSnapshot`); returns the stored id.
    public func perform(on store: any SessionStore, catalog: Catalog, user: String, at date: Date) throws -> Int64 {
        var snapshot = SessionSnapshot(session, catalog: catalog)
        snapshot.unchangedSteps = unchangedSteps
        snapshot.actor = user
        switch target {
        case let .update(id):
            try store.save(snapshot, id: id, at: date)
            return id
        case let .create(ticket):
            return try store.create(snapshot, user: user, ticket: ticket, at: date).id
        }
    }
}
