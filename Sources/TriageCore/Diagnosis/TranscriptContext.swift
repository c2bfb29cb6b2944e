import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and for what a diagnosis was made, for the header of its transcript: the ticket, the stored session's
/// id, the engineer, the host, the catalog version and when it started and ended. Every field is optional; a
/// transcript leaves out what it does not know.
public struct TranscriptContext: Hashable, Sendable {
    public var ticket: String?
    /// The id in the sessions database.
    public var sessionID: Int64?
    public var engineer: String?
    public var host: String?
    /// Which catalog the diagnosis was made against, as given; when nil and `triageVersion` is set, the transcript
    /// writes `catalogVersion(of:triage:)` of the catalog it is made with (right after a background catalog
    /// build swapped the catalog too).
    public var catalogVersion: String?
    /// The version of Triage writing the transcript ("0.2.0").
    public var triageVersion: String?
    public var started: Date?
    /// When it reached its conclusion or was abandoned; nil while it is open.
    public var ended: Date?

    public init(ticket: String? = nil, sessionID: Int64? = nil, engineer: String? = nil, host: String? = nil,
                catalogVersion: String? = nil, triageVersion: String? = nil, started: Date? = nil, ended: Date? = nil) {
        self.ticket = ticket
        self.sessionID = sessionID
        self.engineer = engineer
        self.host = host
        self.catalogVersion = catalogVersion
        self.triageVersion = triageVersion
        self.started = started
        self.ended = ended
    }

    /// The context of a stored session: its ticket, id, engineer (the session's user), the host it was started on
    /// (else `host`) and its dates.
    public init(stored: StoredSession, host: String? = nil, triageVersion: String? = nil) {
        self.init(ticket: stored.ticket, sessionID: stored.id, engineer: stored.user, host: stored.host ?? host,
                  triageVersion: triageVersion, started: stored.createdAt, ended: stored.endedAt)
    }

    /// "triage 0.2.0, catalog 1a2b3c4d5e6f7a8b": the Triage version and the checksum of the compiled catalog
    /// (`Catalog.compiledChecksum`), or "catalog from YAML sources" for a catalog loaded from its sources.
    public static func catalogVersion(of catalog: Catalog, triage version: String) -> String {
        let checksum = catalog.compiledChecksum.map { String(format: "%016llx", $0) }
        return "triage \(version), catalog " + (checksum ?? "from YAML sources")
    }

    /// This machine's name (`gethostname`, no DNS lookup), nil when it has none.
    public static var currentHost: String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? nil : name
    }
}
