import Foundation
import GRDB
import TriageCore

/// The local outbox (`event`): every change to a session also becomes an immutable event, written by the store
/// in the transaction that makes the change. Secrets are masked (`SecretMasker`, on every text of the payload)
/// before the event is kept; `masked` counts them. `seq` is this host's gap-free sequence: an event rolled back
/// with its change leaves no number behind.
enum SessionOutbox {
    /// Appends `event` with its payload masked; returns its `seq`.
    @discardableResult
    static func append(_ db: Database, _ event: SessionEvent) throws -> Int64 {
        var masked = 0
        var event = event
        if let payload = event.payload {
            let (clean, count) = mask(payload)
            event.payload = clean
            masked = count
        }
        let payload = try event.payload.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try db.execute(sql: """
            INSERT INTO event (id, session_uuid, kind, at, actor, catalog, payload, masked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [event.id, event.session, event.kind.rawValue, event.at, event.actor, event.catalog, payload, masked])
        return db.lastInsertedRowID
    }

    /// Empties the payload of every event of `session` (a deletion): what the outbox still holds of it is gone too.
    static func redact(_ db: Database, session: String) throws {
        try db.execute(sql: "UPDATE event SET payload = NULL WHERE session_uuid = ?", arguments: [session])
    }

    /// The event as decoded from its row.
    static func event(_ row: Row) throws -> SessionEvent {
        let payload: String? = row["payload"]
        return SessionEvent(id: row["id"], session: row["session_uuid"],
                            kind: SessionEvent.Kind(rawValue: row["kind"]) ?? .noted, at: row["at"], actor: row["actor"],
                            catalog: row["catalog"],
                            payload: try payload.map { try JSONDecoder().decode(SessionEvent.Payload.self, from: Data($0.utf8)) })
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// `payload` with `SecretMasker` applied to every text in it (inside the steps' and the head's JSON too).
    static func mask(_ payload: SessionEvent.Payload) -> (SessionEvent.Payload, Int) {
        var count = 0
        var result = payload
        func text(_ value: String?) -> String? {
            guard let value else { return nil }
            let (clean, kinds) = SecretMasker.masked(value)
            count += kinds.isEmpty ? 0 : 1
            return clean
        }
        func json(_ value: String?) -> String? {
            guard let value else { return nil }
            // Most steps hold no secret: they are kept byte for byte; only one that does is rebuilt.
            guard !SecretMasker.masked(value).kinds.isEmpty else { return value }
            guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed]) else {
                return text(value)
            }
            let clean = walk(object, text)
            guard let data = try? JSONSerialization.data(withJSONObject: clean, options: [.sortedKeys, .fragmentsAllowed]) else {
                return text(value)
            }
            return String(decoding: data, as: UTF8.self)
        }
        result.steps = payload.steps?.map { json($0) ?? $0 }
        result.head = json(payload.head)
        result.reason = text(payload.reason)
        result.note = text(payload.note)
        if var conclusion = payload.conclusion {
            conclusion.title = text(conclusion.title) ?? conclusion.title
            result.conclusion = conclusion
        }
        return (result, count)
    }

    private static func walk(_ value: Any, _ text: (String?) -> String?) -> Any {
        switch value {
        case let string as String: return text(string) ?? string
        case let array as [Any]: return array.map { walk($0, text) }
        case let dictionary as [String: Any]: return dictionary.mapValues { walk($0, text) }
        default: return value
        }
    }
}
