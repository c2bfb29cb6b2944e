import TriageCore

/// Where the browser was left: restored on the next start. Small, versionless JSON; unknown or missing fields
/// are fine (an old file's `diagnosis` is ignored), and a file that cannot be read is ignored (`TriageStorage` reads and writes it).
public struct BrowserMemory: Codable, Hashable, Sendable {
    public var vendor: String?
    /// nil when the vendor row itself was selected.
    public var category: String?
    /// The selected code of that vendor.
    public var code: String?
    public var scope: SearchScope?
    public var focus: Pane?
    // The diagnosis is no longer kept here (it lives in the sessions database); a `diagnosis` field in an
    // older file is ignored.
    /// Accepted search queries, newest first (at most `SearchHistory.limit`): ↑ in an empty query recalls them.
    public var searches: [String]?

    public init(vendor: String? = nil, category: String? = nil, code: String? = nil, scope: SearchScope? = nil,
                focus: Pane? = nil) {
        self.vendor = vendor
        self.category = category
        self.code = code
        self.scope = scope
        self.focus = focus
    }
}

/// How the runner performs `BrowserEffect.saveMemory`: injected so that the UI never touches files (the command
/// line passes `MemorySaver.file(_:)`, tests their own).
public struct MemorySaver: Sendable {
    public var save: @Sendable (BrowserMemory) throws -> Void

    public init(_ save: @escaping @Sendable (BrowserMemory) throws -> Void) {
        self.save = save
    }
}
