import TerminalKit
import TriageCore

/// The last row: where you are (or the search prompt) on the left, the main keys on the right. Hints that do
/// not fit are dropped from the least important end.
enum StatusLineView {
    static func draw(into screen: inout Buffer, state: BrowserState, layout: BrowserLayout, glyphs: BoxGlyphs) {
        let y = layout.status.y
        let width = layout.status.width
        guard width > 2, layout.status.height > 0 else { return }
        let leftLine = state.mode == .search ? nil : left(state, glyphs: glyphs)
        let leftWant = leftLine?.width ?? (DisplayWidth.of(state.query) + 2)
        // The left text, two spaces and the hints share the row inside one column of margin each side.
        let budget = max(width - 4 - max(leftWant, state.mode == .search ? 12 : 0), width / 3)
        let right = fit(hints(state), in: budget)
        let rightWidth = right.width
        if rightWidth > 0 {
            screen.draw(right, x: width - 1 - rightWidth, y: y, width: rightWidth, ellipsis: glyphs.ellipsis)
        }
        let leftWidth = width - 1 - rightWidth - (rightWidth > 0 ? 2 : 0) - 1
        if state.mode == .search {
            drawPrompt(into: &screen, query: state.query, x: 1, y: y, width: leftWidth, glyphs: glyphs)
        } else {
            screen.draw(leftLine ?? StyledLine(), x: 1, y: y, width: leftWidth, ellipsis: glyphs.ellipsis)
        }
    }

    /// `/query` with the cursor after it; a long query shows its end.
    private static func drawPrompt(into screen: inout Buffer, query: String, x: Int, y: Int, width: Int, glyphs: BoxGlyphs) {
        guard width > 2 else { return }
        var shown = query
        var cut = false
        while DisplayWidth.of(TerminalSafe.sanitize(shown, keepNewlines: false)) > width - 2 - (cut ? 1 : 0), !shown.isEmpty {
            shown.removeFirst()
            cut = true
        }
        var line = StyledLine("/", Theme.searchPrompt)
        if cut { line.append(glyphs.ellipsis, Theme.dim) }
        line.append(shown)
        let used = screen.draw(line, x: x, y: y, width: width, ellipsis: glyphs.ellipsis)
        screen.cursor = (x: x + used, y: y)
    }

    private static func left(_ state: BrowserState, glyphs: BoxGlyphs) -> StyledLine {
        if let message = state.message { return StyledLine(message, Theme.message) }
        if state.mode == .help { return StyledLine("Help", Theme.title) }
        if state.mode == .trees, let picker = state.treePicker { return StyledLine(picker.title, Theme.title) }
        let separator = " \(glyphs.separator) "
        var parts: [String] = []
        if state.isSearching {
            parts.append("Search \(glyphs.openQuote)\(state.query)\(glyphs.closeQuote)")
        } else {
            if let vendor = state.selectedVendor { parts.append(vendor.name) }
            if let category = state.selectedCategory { parts.append(category.name) }
        }
        if state.focus != .sidebar || state.isSearching, let entry = state.selectedEntry { parts.append(entry.code) }
        if parts.isEmpty { parts.append("Triage") }
        return StyledLine(parts.joined(separator: separator))
    }

    /// The hints that fit in `width` columns, chosen by importance and shown in their own order.
    static func fit(_ hints: [(line: StyledLine, priority: Int)], in width: Int) -> StyledLine {
        var chosen = Set<Int>()
        var used = 0
        for (index, hint) in hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            let extra = hint.line.width + (chosen.isEmpty ? 0 : 2)
            if used + extra <= width {
                chosen.insert(index)
                used += extra
            }
        }
        var line = StyledLine()
        for (index, hint) in hints.enumerated() where chosen.contains(index) {
            if !line.spans.isEmpty { line.append("  ") }
            line = line + hint.line
        }
        return line
    }

    /// Key hints in display order, with their importance (0 first).
    static func hints(_ state: BrowserState) -> [(line: StyledLine, priority: Int)] {
        func hint(_ key: String, _ action: String) -> StyledLine { StyledLine(key, Theme.key) + StyledLine(" " + action) }
        switch state.mode {
        case .search:
            let scope = state.scopeVendor.flatMap { state.catalog.vendor(id: $0)?.name } ?? "all vendors"
            let count = state.isSearching ? "\(state.list.count) result\(state.list.count == 1 ? "" : "s") in " : "in "
            return [(StyledLine(count + scope, Theme.dim), 0), (hint("Tab", "scope"), 1), (hint("Enter", "accept"), 2),
                    (hint("Esc", "cancel"), 3)]
        case .help:
            return [(hint("Esc", "close"), 0)]
        case .trees:
            return [(hint("Enter", "start"), 0), (hint("Esc", "close"), 1), (hint("?", "help"), 2)]
        case .diagnosis:
            return DiagnosisStatusLine.hints(state.diagnosis)
        case .browse:
            var hints: [(line: StyledLine, priority: Int)] = []
            if state.isSearching { hints.append((hint("Esc", "clear search"), 0)) }
            switch state.focus {
            case .sidebar: hints.append((hint("Enter", "codes"), 2))
            case .list: hints.append((hint("Enter", "detail"), 2))
            case .detail: hints.append((hint("Enter", "follow"), 2))
            }
            if state.focus != .sidebar || state.isSearching, let entry = state.selectedEntry,
               !DiagnosisSession.trees(for: entry.reference, in: state.catalog).isEmpty {
                hints.append((hint("d", "diagnose"), 3))
            }
            hints += [(hint("/", "search"), 4), (hint("Tab", "pane"), 5), (hint("?", "help"), 1), (hint("q", "quit"), 6)]
            return hints
        }
    }
}
