import TerminalKit
import TriageCore

/// The last row: where you are (or the search prompt, or the find field) on the left, the main keys on the
/// right. Hints that do not fit are dropped from the least important end.
enum StatusLineView {
    static func draw(into screen: inout Buffer, state: BrowserState, layout: BrowserLayout, glyphs: BoxGlyphs) {
        let y = layout.status.y
        let width = layout.status.width
        guard width > 2, layout.status.height > 0 else { return }
        let prompt = state.mode == .search ? state.browse.queryField : state.browse.findField
        if let message = state.browse.message, prompt == nil,
           StatusBar.drawLongMessage(message, style: Theme.message, x: 0, row: y, width: width, maxRows: 3,
                                     into: &screen) { return }
        let leftLine = prompt == nil ? left(state, glyphs: glyphs) : nil
        let leftWant = leftLine?.width ?? (DisplayWidth.of(prompt?.text ?? "") + 2)
        // The left text, two spaces and the hints share the row inside one column of margin each side.
        // A message is shown whole (the keys get what is left); otherwise the keys keep a third of the row.
        let budget = state.browse.message != nil && prompt == nil ? max(0, width - 4 - leftWant)
            : max(width - 4 - max(leftWant, prompt != nil ? 12 : 0), width / 3)
        let room = StatusBar.draw(into: &screen, x: 0, y: y, width: width, hints: hints(state), budget: budget,
                                  ellipsis: glyphs.ellipsis)
        if let prompt {
            drawPrompt(into: &screen, field: prompt, x: room.x, y: y, width: room.width, glyphs: glyphs)
        } else {
            let used = screen.draw(leftLine ?? StyledLine(), x: room.x, y: y, width: room.width, ellipsis: glyphs.ellipsis)
            if let url = state.browse.docsLink, let message = state.browse.message, let range = message.range(of: url) {
                let x = 1 + DisplayWidth.of(String(message[..<range.lowerBound]))
                let width = min(DisplayWidth.of(url), used - (x - 1))
                if width == DisplayWidth.of(url), let link = Hyperlink(x: x, y: y, width: width, url: url) {
                    screen.hyperlinks.append(link)
                }
            }
        }
    }

    /// `/query` (or `/pattern`) with the cursor where it is edited; a long one shows the part around the cursor.
    private static func drawPrompt(into screen: inout Buffer, field: TextField, x: Int, y: Int, width: Int, glyphs: BoxGlyphs) {
        guard width > 2 else { return }
        let window = field.window(room: width - 1)
        var line = StyledLine("/", Theme.searchPrompt)
        if window.cutBefore { line.append(glyphs.ellipsis, Theme.dim) }
        line.append(window.text)
        if window.cutAfter { line.append(glyphs.ellipsis, Theme.dim) }
        screen.draw(line, x: x, y: y, width: width, ellipsis: glyphs.ellipsis)
        screen.cursor = (x: x + 1 + (window.cutBefore ? 1 : 0) + window.cursorColumn, y: y)
    }

    private static func left(_ state: BrowserState, glyphs: BoxGlyphs) -> StyledLine {
        if let message = state.browse.message { return StyledLine(message, Theme.message) }
        if let build = state.catalogBuild { return StyledLine(build.text + glyphs.ellipsis, Theme.message) }
        if state.mode == .help { return StyledLine("Help", Theme.title) }
        if state.mode == .trees, let picker = state.treePicker { return StyledLine(picker.title, Theme.title) }
        let separator = " \(glyphs.separator) "
        var parts: [String] = []
        if state.browse.isSearching {
            parts.append("Search \(glyphs.openQuote)\(state.browse.query)\(glyphs.closeQuote)")
        } else {
            if let vendor = state.browse.selectedVendor { parts.append(vendor.name) }
            if let category = state.browse.selectedCategory { parts.append(category.name) }
        }
        if state.browse.focus != .sidebar || state.browse.isSearching, let entry = state.browse.selectedEntry { parts.append(entry.code) }
        if parts.isEmpty { parts.append("Triage") }
        var place = StyledLine(parts.joined(separator: separator))
        // The team store's state after the place, dimmed (nothing when no team store is configured).
        if let team = state.teamStatus { place = place + StyledLine("  " + team, Theme.dim) }
        // A find in the detail comes first (the place may be cut): its pattern and which match is shown.
        if state.browse.focus == .detail, let find = state.browse.detailFind, let position = state.browse.findPosition {
            return StyledLine("/\(find.pattern) \(position)", Theme.searchPrompt) + StyledLine("  ") + place
        }
        return place
    }

    /// Key hints in display order, with their importance (0 first), from the key table of the mode.
    static func hints(_ state: BrowserState) -> [(line: StyledLine, priority: Int)] {
        switch state.mode {
        case .search:
            let scope = state.browse.scopeVendor.flatMap { state.catalog.vendor(id: $0)?.name } ?? "all vendors"
            let count = state.browse.isSearching ? "\(state.browse.listTotal) result\(state.browse.listTotal == 1 ? "" : "s") in " : "in "
            // While the user catalog compiles, the results come from the built-in stand-in: said, not hidden.
            let source = state.catalogBuild != nil ? "the built-in catalog (yours is compiling)" : nil
            // A paste cut at the query's length says so here, in place of the count, until the next key.
            let first = state.browse.message.map { StyledLine($0, Theme.message) } ?? StyledLine(count + (source ?? scope), source == nil ? Theme.dim : Theme.message)
            return [(first, 0)]
                + StatusBar.hints(BrowseModel.searchKeys, for: state.browse, keyStyle: Theme.key)
        case .find:
            return [(state.browse.message.map { StyledLine($0, Theme.message) } ?? StyledLine("find in the detail", Theme.dim), 0)]
                + StatusBar.hints(BrowseModel.findKeys, for: state.browse, keyStyle: Theme.key)
        case .help:
            return StatusBar.hints(BrowserState.helpKeys, for: state, keyStyle: Theme.key)
        case .trees:
            guard let picker = state.treePicker else { return [] }
            return StatusBar.hints(TreePicker.keys, for: picker, keyStyle: Theme.key)
        case .diagnosis:
            return DiagnosisStatusLine.hints(state.diagnosis)
        case .explain:
            guard let box = state.pasteBox else { return [] }
            return StatusBar.hints(box.activeKeys, for: box, keyStyle: Theme.key)
        case .sessions, .prompt:
            return []
        case .switcher:
            guard case let .switcher(switcher) = state.active else { return [] }
            return StatusBar.hints(Switcher.keys, for: switcher, keyStyle: Theme.key)
        case .browse:
            return StatusBar.hints(state.browse.activeBrowseKeys, for: state.browse, keyStyle: Theme.key)
        }
    }
}
