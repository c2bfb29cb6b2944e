/// How the browser starts: `triage browse [--vendor V] [--query Q]`, plus what was remembered last time.
public struct BrowserOptions: Sendable {
    /// Select this vendor first (unknown ids are ignored; the command line checks them).
    public var vendor: String?
    /// Start with these search results shown (accepted, scoped to `vendor` when one is given).
    public var query: String?
    /// Where the last session left off; used unless `vendor` names another vendor.
    public var memory: BrowserMemory?
    /// Where `shutdown()` saves the memory; nil saves nothing.
    public var statePath: String?

    public init(vendor: String? = nil, query: String? = nil, memory: BrowserMemory? = nil, statePath: String? = nil) {
        self.vendor = vendor
        self.query = query
        self.memory = memory
        self.statePath = statePath
    }
}
