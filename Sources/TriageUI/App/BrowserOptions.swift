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
    /// Where `shutdown()` hands the memory (`MemorySaver.file(path)` from TriageStorage); nil saves nothing.
    public var memorySaver: MemorySaver?
    /// Start in this diagnosis (`triage diagnose CODE` full screen); leaving it shows the browser on its code.
    public var diagnosis: DiagnosisSession?
    /// The time written into transcripts and their file names.
    public var clock: @Sendable () -> Date

    public init(vendor: String? = nil, query: String? = nil, memory: BrowserMemory? = nil, memorySaver: MemorySaver? = nil,
                diagnosis: DiagnosisSession? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.vendor = vendor
        self.query = query
        self.memory = memory
        self.memorySaver = memorySaver
        self.diagnosis = diagnosis
        self.clock = clock
    }
}
