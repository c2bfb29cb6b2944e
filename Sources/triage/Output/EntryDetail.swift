import TerminalKit
import TriageCore

/// The human-readable detail of one entry, wrapped to the terminal width.
struct EntryDetail {
    let catalog: Catalog
    let style: TextStyle
    let width: Int
    /// Whether the docs URL may be an OSC 8 hyperlink (a terminal that shows them).
    var hyperlinks = false

    func lines(for entry: CatalogEntry) -> [String] {
        let vendor = catalog.vendor(id: entry.vendor)
        let category = vendor?.category(id: entry.category)?.name ?? entry.category
        var header = [vendor?.name ?? entry.vendor, category]
        if let status = entry.httpStatus { header.append("HTTP \(status)") }
        var lines = [style.bold(TextLayout.cell(entry.code)) + "  " + style.dim(TerminalSafe.sanitize(header.joined(separator: " · ")))]
        if let message = entry.message { lines.append("Message: \"\(TerminalSafe.sanitize(message))\"") }
        if let notice = vendor?.notice {
            lines += TextLayout.indented(TerminalSafe.sanitize(TextLayout.oneLine(notice)), indent: 2, width: width, firstPrefix: "! ")
                .map { style.yellow($0) }
        }
        if let deprecated = entry.lifecycle.deprecated {
            lines.append(style.yellow("! Deprecated: no longer in the vendor's documentation since \(TerminalSafe.sanitize(deprecated))"))
        }
        if let docs = catalog.docs(for: entry) {
            let url = TextLayout.cell(docs)
            lines.append("Docs: " + (hyperlinks ? Hyperlink.link(docs, text: url) : url))
        }
        if let decision = entry.decision {
            lines.append("Decision: " + decision.badge())
            let source = "from \(TerminalSafe.sanitize(TextLayout.oneLine(decision.source))), verified \(decision.verified)"
            lines += TextLayout.indented(source, indent: 10, width: width, firstPrefix: String(repeating: " ", count: 10))
                .map { style.dim($0) }
        }
        lines.append("")
        lines += WordWrap.lines(entry.description, width: width)
        section("Likely causes", entry.causes, into: &lines)
        section("What to check", entry.checks, into: &lines)
        if !entry.related.isEmpty {
            lines.append("")
            lines.append(style.bold("Related codes"))
            for reference in entry.related {
                let summary = catalog.entry(reference).map { TextLayout.oneLine($0.listLine) } ?? ""
                let name = reference.vendor == entry.vendor ? reference.code : reference.description
                lines.append("  " + TextLayout.fit(TextLayout.cell(name) + "  " + TextLayout.cell(summary), width - 2, pad: false))
            }
        }
        let trees = catalog.trees(for: entry)
        if !trees.isEmpty {
            lines.append("")
            lines.append(style.bold("Diagnose"))
            for tree in trees {
                // The command whole, and the title beside it when it fits, else wrapped below it.
                let command = "  triage diagnose \(TextLayout.cell(tree.id.rawValue))"
                let title = TextLayout.cell(tree.title)
                if TextLayout.width(command) + 3 + TextLayout.width(title) <= width {
                    lines.append(command + "   " + style.dim(title))
                } else {
                    lines.append(command)
                    lines += TextLayout.indented(title, indent: 6, width: width, firstPrefix: "      ").map { style.dim($0) }
                }
            }
        }
        return lines
    }

    private func section(_ title: String, _ items: [String], into lines: inout [String]) {
        guard !items.isEmpty else { return }
        lines.append("")
        lines.append(style.bold(title))
        for item in items {
            lines += TextLayout.indented(TerminalSafe.sanitize(item), indent: 4, width: width, firstPrefix: "  - ")
        }
    }
}
