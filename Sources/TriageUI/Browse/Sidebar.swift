import TerminalKit
import TriageCore

/// The vendors pane: each vendor followed by its categories, each row with the entries it lists.
/// Built once per catalog.
struct Sidebar: Sendable {
    struct Row: Hashable, Sendable {
        var vendor: String
        /// nil for the vendor's own row (all its codes).
        var category: String?
        var title: String
        /// Indices into `Catalog.entries`, in catalog order.
        var entries: [Int]

        var isVendor: Bool { category == nil }
    }

    let rows: [Row]

    init(catalog: Catalog) {
        var byVendor: [String: [Int]] = [:]
        for index in catalog.entries.indices { byVendor[catalog.entries.vendor(at: index), default: []].append(index) }
        var rows: [Row] = []
        for vendor in catalog.vendors {
            let entries = byVendor[vendor.id] ?? []
            rows.append(Row(vendor: vendor.id, category: nil, title: vendor.name, entries: entries))
            for category in vendor.categories {
                let inCategory = entries.filter { catalog.entries.category(at: $0) == category.id }
                rows.append(Row(vendor: vendor.id, category: category.id, title: category.name, entries: inCategory))
            }
        }
        self.rows = rows
    }

    /// The row of a vendor's category, or of the vendor itself when `category` is nil.
    func index(vendor: String, category: String?) -> Int? {
        rows.firstIndex { $0.vendor == vendor && $0.category == category }
    }
}
