import Foundation
import TerminalKit
import TriageCore

/// How the browser starts: `triage browse [--vendor V] [--query Q]`, plus what was remembered last time, and
/// what the diagnosis screen needs from outside (where transcripts go, the time).
public struct BrowserOptions: Sendable {
    /// Select this vendor first (unknown ids are ignored; the command line checks them).
    public var vendor: String?
    /// Start with these search results shown (accepted, scoped to `vendor` when one is given).
    public var query: String?
    /// Where the last session left off; used unless `vendor` names another vendor.
    public var memory: BrowserMemory?
    /// Start in this diagnosis (`triage diagnose CODE` full screen); leaving it shows the browser on its code.
    public var diagnosis: DiagnosisSession?
    /// The time written into transcripts and their file names.
    public var clock: @Sendable () -> Date
    /// Save every step of every diagnosis (`BrowserEffect.saveSession`; the runner has a sessions store).
    public var recordsSessions = false
    /// The engineer: at start, their open diagnoses of the last day are offered ("2 open diagnoses: S to resume").
    public var user: String?
    /// The ticket new diagnoses take (`triage --ticket T`).
    public var ticket: String?
    /// The stored session `diagnosis` continues (`triage diagnose --resume`), if any.
    public var diagnosisID: Int64?
    /// Set when the catalog given is a stand-in while the user catalog compiles in the background: the status
    /// line shows this progress until `BrowserMessage.catalogReady` brings the real one.
    public var catalogBuild: CatalogBuildProgress?
    /// How to make the search index of the (real, not stand-in) catalog: the runner decodes a stored one
    /// (`SearchIndexStore`) instead of building it. Nil: built from the catalog.
    public var makeSearchIndex: (@Sendable (Catalog) -> SearchIndex)?
    /// The transcript header's engineer, host and catalog version (`s` and `y`); each diagnosis adds its ticket
    /// and stored session id.
    public var transcriptContext = TranscriptContext()
    /// What search learned from use (codes chosen after similar queries are lifted); nil when learning is off
    /// or there is no sessions database, and then nothing new is remembered either.
    public var searchMemory: SearchMemory?
    /// Where to read `searchMemory` from when the first search needs it (the sessions database is not opened
    /// before the first frame); it returns nil when learning is off or there is nothing to read. Used only
    /// when `searchMemory` is nil.
    public var loadSearchMemory: (@Sendable () -> SearchMemory?)?

    public init(vendor: String? = nil, query: String? = nil, memory: BrowserMemory? = nil, diagnosis: DiagnosisSession? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.vendor = vendor
        self.query = query
        self.memory = memory
        self.diagnosis = diagnosis
        self.clock = clock
    }
}
