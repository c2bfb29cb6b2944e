import Foundation
import TriageCore
import TriageUI

/// Performs the browser's session effects against a store: the one performer the `triage` binary and the
/// model-based tests share, so what the tests check against a real SQLite file is what the binary does.
public struct SessionEffects {
    public var store: (any SessionStore)?
    /// Why there is no store, when there is none.
    public var unavailableReason: String?
    public var catalog: Catalog
    /// The engineer new rows are stored for.
    public var user: String
    public var now: () -> Date

    public init(store: (any SessionStore)?, unavailableReason: String? = nil, catalog: Catalog, user: String,
                now: @escaping () -> Date = Date.init) {
        self.store = store
        self.unavailableReason = unavailableReason
        self.catalog = catalog
        self.user = user
        self.now = now
    }

    /// The answer to a session effect (list, save, delete, outcome, ticket, a search to remember); nil for any other
    /// effect.
    public func perform(_ effect: BrowserEffect) -> BrowserAnswer? {
        switch effect {
        case .listSessions, .saveSession, .deleteSession, .setOutcome, .setTicket, .pauseSession, .flag:
            guard let store else { return .sessionsUnavailable(reason: unavailableReason ?? "no sessions database") }
            do {
                return try perform(effect, with: store)
            } catch {
                return .sessionsUnavailable(reason: "\(error)")
            }
        case let .rememberSearch(pairing):
            guard let memory = store as? any SearchMemoryStore else {
                return .searchNotRemembered(reason: unavailableReason ?? "no sessions database")
            }
            do {
                guard try memory.learnsSearches() else { return .searchNotRemembered(reason: "learning is off") }
                try memory.remember(pairing, at: now())
                return .searchRemembered
            } catch {
                return .searchNotRemembered(reason: "\(error)")
            }
        case .saveTranscript, .saveMemory, .copy, .team, .prepareSearch:
            return nil
        }
    }

    private func perform(_ effect: BrowserEffect, with store: any SessionStore) throws -> BrowserAnswer? {
        switch effect {
        case let .listSessions(filter): return .sessionsListed(try store.list(filter))
        case let .saveSession(write):
            return .sessionSaved(id: try write.perform(on: store, catalog: catalog, user: user, at: now()))
        case let .deleteSession(id):
            guard try store.delete(id: id) else { return .sessionsUnavailable(reason: "no session #\(id)") }
            return .sessionDeleted(id: id)
        case let .setOutcome(outcome, id):
            guard try store.setOutcome(outcome, id: id, at: now()) else {
                return .sessionsUnavailable(reason: "no session #\(id)")
            }
            return .outcomeSet(outcome, id: id)
        case let .setTicket(ticket, id):
            guard try store.setTicket(ticket, id: id, at: now()) else {
                return .sessionsUnavailable(reason: "no session #\(id)")
            }
            return .ticketSet(ticket, id: id)
        case let .pauseSession(id, reason):
            guard try store.pause(id: id, reason: reason, at: now()) else {
                return .sessionsUnavailable(reason: "no session #\(id)")
            }
            return .sessionPaused(id: id, reason: reason)
        case let .flag(flag):
            guard let feedback = store as? any FeedbackStore else { return .sessionsUnavailable(reason: "this store keeps no flags") }
            var stored = flag
            stored.user = user
            stored.createdAt = now()
            return .flagged(stored, id: try feedback.addFlag(stored))
        case .saveTranscript, .saveMemory, .copy, .rememberSearch, .team, .prepareSearch: return nil
        }
    }
}
