/// What the catalog knows about an HTTP status: the codes documented with it and, at vendors that document no
/// statuses, the codes its meaning names (never presented as returning it). For `triage show 403` and explain.
public struct StatusReport: Sendable {
    public var status: Int
    /// The standard reason phrase ("Forbidden").
    public var reason: String
    /// Codes whose catalog entry gives this status.
    public var documented: [CatalogEntry]
    /// Codes of vendors that document no statuses whose text matches the status's meaning (429: too many requests).
    public var byMeaning: [CatalogEntry]
    /// Vendors (in scope) that document no HTTP status for any code.
    public var vendorsWithoutStatuses: [Vendor]

    /// The report for `status`, or nil when it is not an HTTP status Triage knows.
    public init?(status: Int, vendor: String? = nil, searcher: Searcher) {
        guard let reason = HTTPStatus.reason(status) else { return nil }
        let catalog = searcher.index.catalog
        self.status = status
        self.reason = reason
        documented = catalog.entries.filter { $0.httpStatus == status && (vendor == nil || $0.vendor == vendor) }
        let undocumented = catalog.vendors.filter { vendor == nil || $0.id == vendor }
            .filter { !searcher.index.vendorsWithStatuses.contains($0.id) }
        vendorsWithoutStatuses = undocumented
        let ids = Set(undocumented.map(\.id))
        byMeaning = searcher.search(String(status), vendor: vendor)
            .map { catalog.entries[$0.entryIndex] }
            .filter { $0.httpStatus == nil && ids.contains($0.vendor) }
    }
}
