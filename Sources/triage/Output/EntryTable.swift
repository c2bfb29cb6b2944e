import TerminalKit
import TriageCore

/// An aligned table of entries: vendor, code, HTTP status, and the summary (or message, or description).
/// The code column fits the longest code; on a terminal (or with `COLUMNS`) the text column gives way first,
/// and the code is cut only when not even it fits. Piped output is never cut: one whole record per line.
struct EntryTable {
    let catalog: Catalog
    let terminal: OutputTerminal

    func print(_ rows: [(entry: CatalogEntry, highlights: [HighlightRange])]) {
        render(count: rows.count, vendor: { rows[$0].entry.vendor }, code: { rows[$0].entry.code }, row: { rows[$0] })
    }

    /// The same for entries of the catalog by index: the widths come from vendors and codes alone, and each
    /// entry is decoded only when its line is written.
    func print(indices rows: [(index: Int, highlights: [HighlightRange])]) {
        let entries = catalog.entries
        render(count: rows.count, vendor: { entries.vendor(at: rows[$0].index) }, code: { entries.code(at: rows[$0].index) },
               row: { (entries[rows[$0].index], rows[$0].highlights) })
    }

    private func render(count: Int, vendor: (Int) -> String, code: (Int) -> String,
                        row: (Int) -> (entry: CatalogEntry, highlights: [HighlightRange])) {
        let style = TextStyle(enabled: terminal.color)
        let vendorWidth = max(6, (0..<count).map { TextLayout.width(TextLayout.cell(vendor($0))) }.max() ?? 0)
        let longestCode = max(4, (0..<count).map { TextLayout.width(TextLayout.cell(code($0))) }.max() ?? 0)
        let beforeCode = vendorWidth + 2
        let afterCode = 2 + 4 + 2
        var codeWidth = longestCode
        var textWidth: Int? = nil
        if terminal.limited {
            codeWidth = max(4, min(longestCode, terminal.width - beforeCode - afterCode))
            textWidth = max(0, terminal.width - beforeCode - codeWidth - afterCode)
        }
        let showText = textWidth.map { $0 >= 8 } ?? true
        var header = TextLayout.fit("VENDOR", vendorWidth) + "  " + TextLayout.fit("CODE", codeWidth) + "  HTTP"
        if showText { header += "  SUMMARY" }
        var output = Console.Lines()
        output.append(style.dim(header))
        for index in 0..<count {
            let (entry, highlights) = row(index)
            let code = TextLayout.cell(entry.code)
            let codeColumns = TextLayout.width(code)
            let shownCode = codeColumns <= codeWidth
                ? style.highlight(code, highlights) + String(repeating: " ", count: codeWidth - codeColumns)
                : TextLayout.fit(code, codeWidth)
            let status = entry.httpStatus.map { String($0) } ?? "-"
            var line = TextLayout.fit(TextLayout.cell(entry.vendor), vendorWidth) + "  " + shownCode + "  "
            if showText {
                let text = TextLayout.oneLine(TextLayout.cell(entry.listLine))
                line += TextLayout.fit(status, 4) + "  " + (textWidth.map { TextLayout.fit(text, $0, pad: false) } ?? text)
            } else {
                line += status
            }
            output.append(line)
        }
        output.flush()
    }
}
