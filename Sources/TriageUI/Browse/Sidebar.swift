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
        // By index, from the catalog's per-vendor runs: no entry is decoded, no other vendor's looked at.
        var rows: [Row] = []
        for vendor in catalog.vendors {
            let entries = catalog.entryIndices(vendor: vendor.id)
            rows.append(Row(vendor: vendor.id, category: nil, title: vendor.name, entries: entries))
            for category in vendor.categories {
                let inCategory = catalog.entryIndices(vendor: vendor.id, category: category.id)
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
