import ArgumentParser
import Foundation
import TriageCore

/// `triage list`: the codes of the catalog, optionally of one vendor or category.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List error codes, optionally of one vendor or category.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this vendor (id, e.g. sentiance).") var vendor: String?
    @Option(help: "Only this category (id or name, e.g. user-linking).") var category: String?
    @Flag(help: "Print a JSON array of entries instead of text.") var json = false

    func run() throws {
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        var categoryID: String?
        if let category {
            categoryID = try VendorCheck.category(category, vendor: vendor, in: catalog)
        }
        let entries = catalog.entries(vendor: vendor, category: categoryID)
        if json { return try JSONOutput.print(entries.map { EntryJSON(entry: $0, catalog: catalog) }) }
        let terminal = OutputTerminal.current(environment: ProcessInfo.processInfo.environment)
        EntryTable(catalog: catalog, terminal: terminal).print(entries.map { ($0, []) })
    }
}

/// Checks of --vendor and --category values, with "did you mean".
enum VendorCheck {
    static func require(_ vendor: String, in catalog: Catalog) throws {
        guard catalog.vendor(id: vendor) == nil else { return }
        var message = "triage: unknown vendor '\(TerminalSafe.sanitize(vendor))'"
        let ids = catalog.vendors.map(\.id)
        if let guess = Suggestions.closest(to: vendor, among: ids + catalog.vendors.map(\.name), limit: 1).first {
            message += "; did you mean '\(TextLayout.cell(catalog.vendors.first { $0.name == guess }?.id ?? guess))'?"
        }
        Console.error(message + " (vendors: \(TextLayout.cell(ids.joined(separator: ", "))))")
        throw ExitCode(2)
    }

    /// The category id for an id or a name, in one vendor or across all.
    static func category(_ text: String, vendor: String?, in catalog: Catalog) throws -> String {
        let vendors = catalog.vendors.filter { vendor == nil || $0.id == vendor }
        let categories = vendors.flatMap(\.categories)
        if let found = categories.first(where: { $0.id == text || $0.name.lowercased() == text.lowercased() }) {
            return found.id
        }
        var message = "triage: unknown category '\(TerminalSafe.sanitize(text))'"
        if let guess = Suggestions.closest(to: text, among: categories.map(\.id), limit: 1).first {
            message += "; did you mean '\(TextLayout.cell(guess))'?"
        }
        Console.error(message)
        throw ExitCode(2)
    }
}

/// An aligned table of entries: vendor, code, HTTP status, and the message (or description), fitted to the width.
struct EntryTable {
    let catalog: Catalog
    let terminal: OutputTerminal

    func print(_ rows: [(entry: CatalogEntry, highlights: [HighlightRange])]) {
        let style = TextStyle(enabled: terminal.color)
        let vendorWidth = max(6, rows.map { TextLayout.width(TextLayout.cell($0.entry.vendor)) }.max() ?? 0)
        let codeWidth = min(40, max(4, rows.map { TextLayout.width(TextLayout.cell($0.entry.code)) }.max() ?? 0))
        let fixed = vendorWidth + 2 + codeWidth + 2 + 4 + 2
        let textWidth = max(10, terminal.width - fixed)
        Console.out(style.dim(TextLayout.fit("VENDOR", vendorWidth) + "  " + TextLayout.fit("CODE", codeWidth) + "  HTTP  MESSAGE"))
        for (entry, highlights) in rows {
            let code = TextLayout.cell(entry.code)
            let codeColumns = TextLayout.width(code)
            let fitted = TextLayout.fit(code, codeWidth)
            let shownCode = codeColumns <= codeWidth
                ? style.highlight(code, highlights) + String(repeating: " ", count: codeWidth - codeColumns)
                : fitted
            let status = entry.httpStatus.map { String($0) } ?? "-"
            let text = TextLayout.oneLine(TextLayout.cell(entry.message ?? entry.description))
            Console.out(TextLayout.fit(TextLayout.cell(entry.vendor), vendorWidth) + "  " + shownCode + "  "
                        + TextLayout.fit(status, 4) + "  " + TextLayout.fit(text, textWidth, pad: false))
        }
    }
}
