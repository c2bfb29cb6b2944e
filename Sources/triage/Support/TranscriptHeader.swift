import Foundation
import TriageCore

/// The transcript header (`TranscriptContext`) as the command line fills it: the engineer, this host and Triage's
/// version (the transcript adds the checksum of the catalog it is made with), plus what the diagnosis knows.
enum TranscriptHeader {
    /// A stored session's header (`sessions show` and `export`): its ticket, id, engineer, the host it was started
    /// on (this one for sessions stored before hosts were recorded) and its dates.
    static func context(_ stored: StoredSession) -> TranscriptContext {
        TranscriptContext(stored: stored, host: TranscriptContext.currentHost, triageVersion: TriageVersion.current)
    }

    /// A diagnosis run here: the recorder's ticket, stored id and engineer (when there is a recorder), started
    /// at `started`, ended now when `session` is finished.
    static func context(_ session: DiagnosisSession, recorder: SessionRecorder?, ticket: String? = nil, id: Int64? = nil,
                        user: String? = nil, started: Date?, now: Date = Date()) -> TranscriptContext {
        TranscriptContext(ticket: recorder?.ticket ?? ticket, sessionID: recorder?.id ?? id,
                          engineer: recorder?.user ?? user, host: TranscriptContext.currentHost,
                          triageVersion: TriageVersion.current, started: started,
                          ended: session.isFinished ? now : nil)
    }
}
