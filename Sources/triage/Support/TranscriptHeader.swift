import Foundation
import TriageCore

/// The transcript header (`TranscriptContext`) as the command line fills it: the engineer, this host and the
/// catalog version (Triage's version and the compiled catalog's checksum), plus what the diagnosis knows.
enum TranscriptHeader {
    /// The catalog version written into transcripts.
    static func catalogVersion(_ catalog: Catalog) -> String {
        TranscriptContext.catalogVersion(of: catalog, triage: TriageVersion.current)
    }

    /// A stored session's header (`sessions show` and `export`): its ticket, id, engineer and dates. The host is
    /// this one (the database does not record where a step was taken).
    static func context(_ stored: StoredSession, catalog: Catalog) -> TranscriptContext {
        TranscriptContext(stored: stored, host: TranscriptContext.currentHost, catalogVersion: catalogVersion(catalog))
    }

    /// A diagnosis run here: the recorder's ticket, stored id and engineer (when there is a recorder), started
    /// at `started`, ended now when `session` is finished.
    static func context(_ session: DiagnosisSession, recorder: SessionRecorder?, ticket: String? = nil, id: Int64? = nil,
                        user: String? = nil, catalog: Catalog, started: Date?, now: Date = Date()) -> TranscriptContext {
        TranscriptContext(ticket: recorder?.ticket ?? ticket, sessionID: recorder?.id ?? id,
                          engineer: recorder?.user ?? user, host: TranscriptContext.currentHost,
                          catalogVersion: catalogVersion(catalog), started: started,
                          ended: session.isFinished ? now : nil)
    }
}
