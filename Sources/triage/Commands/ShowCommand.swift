import TerminalKit
import ArgumentParser
import Foundation
import TriageCore
import TriageUI

/// `triage show CODE`: everything about one code.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show what a code means, its HTTP status, likely causes and what to check.",
        discussion: """
            CODE is matched ignoring case. Exit 1 when the code is unknown or belongs to several vendors.
            An HTTP status that is not a code of the vendor (triage show 403) lists the codes that return it.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The error code, e.g. INSTALL_NOT_FOUND or 3.", completion: Completions.codes) var code: String
    @Option(help: "The vendor, when the code exists at several.", completion: Completions.vendors) var vendor: String?
    @Flag(help: "Print a JSON object instead of text.") var json = false

    func run() throws {
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if catalog.entries(code: trimmed, vendor: vendor).isEmpty, let status = Int(trimmed),
           let report = StatusReport(status: status, vendor: vendor, searcher: global.searcher(for: catalog)) {
            return try StatusOutput(catalog: catalog, json: json).print(report)
        }
        let entry = try CodeLookup.single(code, vendor: vendor, in: catalog)
        if json { return try JSONOutput.print(EntryJSON(entry: entry, catalog: catalog)) }
        let terminal = OutputTerminal.current(environment: ProcessInfo.processInfo.environment)
        EntryDetail(catalog: catalog, style: TextStyle(enabled: terminal.color), width: terminal.width,
                    hyperlinks: terminal.hyperlinks)
            .lines(for: entry).forEach(Console.out)
    }
}

/// Finds exactly one entry for a code typed by a person, or explains why not (exit 1).
enum CodeLookup {
    static func single(_ code: String, vendor: String?, in catalog: Catalog) throws -> CatalogEntry {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        let matches = catalog.entries(code: trimmed, vendor: vendor)
        if matches.count == 1 { return matches[0] }
        let safe = TextLayout.cell(trimmed)
        if matches.isEmpty {
            var message = "triage: unknown code '\(safe)'" + (vendor.map { " at vendor '\(TextLayout.cell($0))'" } ?? "")
            let guesses = catalog.suggestions(for: trimmed, vendor: vendor, limit: 3)
            if !guesses.isEmpty {
                message += "\n\nDid you mean:\n" + guesses.map { "  \(TextLayout.cell($0.code))  (\(TextLayout.cell($0.vendor)))" }.joined(separator: "\n")
            }
            message += "\n\nSearch descriptions and messages with: triage search \(safe)"
            Console.error(message)
            throw ExitCode(1)
        }
        var message = "triage: '\(safe)' is a code of several vendors; choose one with --vendor:\n"
        for entry in matches {
            let summary = TextLayout.oneLine(TerminalSafe.sanitize(entry.listLine))
            message += "  triage show \(TextLayout.cell(entry.code)) --vendor \(entry.vendor)   \(TextLayout.fit(summary, 50, pad: false))\n"
        }
        Console.error(message)
        throw ExitCode(1)
    }
}

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
                let command = "  triage diagnose \(TextLayout.cell(tree.id))"
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
