import TriageCore

/// Where the browser was left: restored on the next start. Small, versionless JSON; unknown or missing fields
/// are fine, and a file that cannot be read is ignored (`TriageStorage` reads and writes it).
public struct BrowserMemory: Codable, Hashable, Sendable {
    public var vendor: String?
    /// nil when the vendor row itself was selected.
    public var category: String?
    /// The selected code of that vendor.
    public var code: String?
    public var scope: SearchScope?
    public var focus: Pane?
    /// The last diagnosis, with secret values masked, so a dropped connection does not lose it (`D` resumes).
    public var diagnosis: DiagnosisSession?
    /// Accepted search queries, newest first (at most `SearchHistory.limit`): ↑ in an empty query recalls them.
    public var searches: [String]?

    public init(vendor: String? = nil, category: String? = nil, code: String? = nil, scope: SearchScope? = nil,
                focus: Pane? = nil, diagnosis: DiagnosisSession? = nil) {
        self.vendor = vendor
        self.category = category
        self.code = code
        self.scope = scope
        self.focus = focus
        self.diagnosis = diagnosis
    }
}

/// Where `BrowserProgram.shutdown()` hands the memory: the program's one write when it stops, injected so that
/// the UI never touches files (the command line passes `MemorySaver.file(_:)`, tests their own).
public struct MemorySaver: Sendable {
    public var save: @Sendable (BrowserMemory) throws -> Void

    public init(_ save: @escaping @Sendable (BrowserMemory) throws -> Void) {
        self.save = save
    }
}
