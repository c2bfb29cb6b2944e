import TerminalKit
import TriageCore

/// The codes pane: code, HTTP status and (where the vendor has one) message, one code per row; during a search,
/// the characters the query matched are highlighted.
enum CodeListView {
    static func draw(into screen: inout Buffer, state: BrowseModel, rect: Rect, focused: Bool, glyphs: BoxGlyphs) {
        // Only the rows on screen are looked at (and sized), so a frame costs the same for 10 results or 100,000.
        let first = min(max(0, state.listCursor.scroll), state.list.count)
        let shown = state.list[first..<min(state.list.count, first + max(0, rect.height))]
        let visible = shown.map { state.catalog.entries[$0] }
        let learned = shown.map { state.learnedEntries.contains($0) }
        let names = Dictionary(state.catalog.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let width = rect.width - 1  // one column of padding on the right
        let columns = Columns(entries: visible, width: width, vendorNames: names)
        ListView.draw(into: &screen, rect: rect, cursor: ListCursor(index: state.listCursor.index, scroll: first),
                      count: first + visible.count, focused: focused, textWidth: width,
                      ellipsis: glyphs.ellipsis) { index, selected in
            row(visible[index - first], columns: columns, width: width, selected: selected, state: state, glyphs: glyphs,
                learned: learned[index - first])
        }
    }

    /// Column widths for the rows shown: the code gets what it needs, the message what is left (if enough). The HTTP status column
    /// is left out when no code listed has one; the vendor column is added when search results mix vendors and
    /// the pane is wide enough.
    struct Columns {
        var code: Int
        var status: Int
        /// The decision badge (`r:no f:cust`), after the status; 0 when no row has one or the codes need the room.
        var badge: Int
        var message: Int
        var vendor: Int

        init(entries: [CatalogEntry], width: Int, vendorNames: [String: String]) {
            let longest = entries.map { DisplayWidth.of(TerminalSafe.sanitize($0.code, keepNewlines: false)) }.max() ?? 0
            status = entries.contains { $0.httpStatus != nil } ? 4 : 0
            let vendors = Set(entries.map(\.vendor))
            let longestVendor = vendors.compactMap { vendorNames[$0].map { DisplayWidth.of($0) } }.max() ?? 0
            vendor = vendors.count > 1 && width >= 40 ? min(longestVendor, 12) : 0
            let available = max(1, width - 1 - status - (vendor > 0 ? vendor + 1 : 0))
            code = max(1, min(longest, available))
            // Badges and messages only where every code fits whole: codes come first.
            let longestBadge = entries.compactMap { $0.decision?.listBadge.map(DisplayWidth.of) }.max() ?? 0
            badge = longestBadge > 0 && available - code - 1 >= longestBadge ? longestBadge : 0
            // Messages where at least 8 columns are left.
            let room = available - code - 1 - (badge > 0 ? badge + 1 : 0)
            message = entries.contains { $0.shortLine != nil } && room >= 8 ? room : 0
        }

        /// Columns before the vendor column.
        func leftWidth(total: Int) -> Int { total - (vendor > 0 ? vendor + 1 : 0) }
    }

    /// One code's row; `learned`: it was chosen before after a similar query (said before its message).
    static func row(_ entry: CatalogEntry, columns: Columns, width: Int, selected: Bool, state: BrowseModel,
                    glyphs: BoxGlyphs, learned: Bool = false) -> StyledLine {
        let query = state.isSearching ? state.query : ""
        var line = StyledLine(selected ? glyphs.marker : " ")
        var code = highlighted(entry.code, query: query, state: state, base: Theme.code)
        if columns.message == 0, let message = entry.shortLine, code.width + 2 < columns.code {
            // No message column: a short code still shows its message in the room it leaves.
            code = code + StyledLine("  ") + highlighted(message, query: query, state: state, base: .plain)
        }
        line = line + code.fitted(to: columns.code, ellipsis: glyphs.ellipsis)
        if columns.status > 0 {
            let status = entry.httpStatus.map { String($0) } ?? ""
            line.append(" " + String(repeating: " ", count: max(0, 3 - status.count)) + status, Theme.dim)
        }
        if columns.badge > 0 {
            let badge = entry.decision?.listBadge ?? ""
            line.append(" " + badge + String(repeating: " ", count: max(0, columns.badge - DisplayWidth.of(badge))), Theme.dim)
        }
        if columns.message > 0, let message = entry.shortLine {
            line.append(" ")
            let note = learned ? StyledLine(Self.learnedNote, Theme.dim) : StyledLine("")
            line = line + (note + highlighted(message, query: query, state: state, base: .plain))
                .fitted(to: columns.message, ellipsis: glyphs.ellipsis)
        } else if learned {
            let tag = " chosen before"
            let room = columns.leftWidth(total: width) - DisplayWidth.of(tag)
            if room > 1 { line = line.fitted(to: room, ellipsis: glyphs.ellipsis) + StyledLine(tag, Theme.dim) }
        }
        if columns.vendor > 0 {
            line = line.fitted(to: columns.leftWidth(total: width), ellipsis: glyphs.ellipsis)
            let name = state.catalog.vendor(id: entry.vendor)?.name ?? entry.vendor
            line = line + StyledLine(" ") + StyledLine(name, Theme.dim).fitted(to: columns.vendor, ellipsis: glyphs.ellipsis)
        }
        return line
    }

    private static func highlighted(_ text: String, query: String, state: BrowseModel, base: Style) -> StyledLine {
        guard !query.isEmpty else { return StyledLine(text, base) }
        let ranges = state.searcher.highlights(of: query, in: text)
        return StyledLine.highlighted(text, ranges.map { $0.start..<max($0.start, $0.end) }, base: base,
                                      highlight: Theme.match)
    }

    static func title(_ state: BrowseModel) -> String {
        if state.isSearching {
            let scope = state.scopeVendor.flatMap { state.catalog.vendor(id: $0)?.name } ?? "all"
            let outside = state.outsideScope.isEmpty ? "" : ", \(state.outsideScope.count) outside"
            return "Search: \(scope) (\(state.listTotal)\(outside))"
        }
        guard let row = state.sidebarRow else { return "Codes" }
        return "\(row.title) (\(row.entries.count))"
    }

    /// What a code lifted by search learning says before its message.
    static let learnedNote = "chosen before · "

    static func footer(_ state: BrowseModel) -> String? {
        state.list.isEmpty ? nil : "\(state.listCursor.index + 1)/\(state.listTotal)"
    }
}
