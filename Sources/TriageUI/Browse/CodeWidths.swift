import TerminalKit
import TriageCore

/// The display width of the longest code of each vendors-pane row and of the whole catalog, found once, so the
/// layout can give the codes pane the room its codes need on every frame without looking at every code.
struct CodeWidths: Sendable {
    private let perRow: [Int]
    private let perEntry: [Int]
    /// The longest code of the catalog (what search results may list).
    let overall: Int

    init(catalog: Catalog, sidebar: Sidebar) {
        let entries = catalog.entries
        // Stored in a compiled catalog: no code is read.
        let widths = entries.indices.map(entries.codeWidth(at:))
        perEntry = widths
        perRow = sidebar.rows.map { row in row.entries.map { widths[$0] }.max() ?? 0 }
        overall = widths.max() ?? 0
    }

    /// The longest code among `entries` (indices into the catalog's entries; search results).
    func longest(_ entries: [Int]) -> Int {
        entries.reduce(0) { max($0, perEntry.indices.contains($1) ? perEntry[$1] : 0) }
    }

    /// The longest code of vendors-pane row `index` (0 when there is no such row).
    func row(_ index: Int) -> Int { perRow.indices.contains(index) ? perRow[index] : 0 }
}
