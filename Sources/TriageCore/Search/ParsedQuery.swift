/// A search query taken apart: field filters (`v:cometchat`, `s:403`, `c:group`, `retry:no`, `fix:vendor`) and the
/// words to rank by.
/// HTTP version tokens (`HTTP/1.1`) are dropped so a pasted status line does not look like Sentori's code 1.
package struct ParsedQuery {
    /// `v:` / `vendor:`: vendor id or name, or their start.
    var vendor: String?
    /// `s:` / `status:`: an HTTP status.
    var status: Int?
    /// `c:` / `cat:` / `category:`: category id or name, or their start.
    var category: String?
    /// `retry:` / `fix:`: a decision field's value, or its start (`retry:after`, `fix:vendor`).
    var retry: String?
    var fix: String?
    /// Every word, lowercase, in query order.
    package var words: [[Character]]

    package var hasFilters: Bool { vendor != nil || status != nil || category != nil || retry != nil || fix != nil }

    package init(_ query: String) {
        var kept: [Substring] = []
        for token in query.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            if let colon = token.firstIndex(of: ":"), colon != token.startIndex {
                let name = token[..<colon].lowercased()
                let value = String(token[token.index(after: colon)...]).lowercased()
                if !value.isEmpty {
                    switch name {
                    case "v", "vendor": vendor = value; continue
                    case "s", "status": if let number = Int(value) { status = number; continue }
                    case "c", "cat", "category": category = value; continue
                    case "retry", "retryable": retry = value == "wait" ? "throttled" : value.replacingOccurrences(of: "-", with: "_"); continue
                    case "fix", "fixer": fix = value; continue
                    default: break
                    }
                }
            }
            let lower = token.lowercased()
            if lower.hasPrefix("http/") { continue }
            kept.append(token)
        }
        words = SearchText.words(kept.joined(separator: " ")).map(\.text)
    }

    /// Whether `entry` passes the field filters.
    package func admits(_ entry: CatalogEntry, in catalog: Catalog) -> Bool {
        if let status, entry.httpStatus != status { return false }
        if let vendor {
            let name = catalog.vendor(id: entry.vendor)?.name.lowercased() ?? ""
            guard entry.vendor.hasPrefix(vendor) || name.hasPrefix(vendor) else { return false }
        }
        if let category {
            let folded = category.replacingOccurrences(of: "_", with: "-")
            let name = catalog.vendor(id: entry.vendor)?.category(id: entry.category)?.name.lowercased() ?? ""
            guard entry.category.hasPrefix(folded) || name.hasPrefix(category)
                    || name.replacingOccurrences(of: " ", with: "-").hasPrefix(folded) else { return false }
        }
        if let retry, !(entry.decision?.retryable.rawValue.hasPrefix(retry) ?? false) { return false }
        if let fix, !(entry.decision?.fixer.rawValue.hasPrefix(fix) ?? false) { return false }
        return true
    }
}
