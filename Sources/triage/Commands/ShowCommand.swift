import TerminalKit
import ArgumentParser
import Foundation
import TriageCore

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
        let catalog = try global.loadCatalog(checking: vendor)
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if catalog.entries(code: trimmed, vendor: vendor).isEmpty, let status = Int(trimmed),
           let report = StatusReport(status: status, vendor: vendor, searcher: global.searcher(for: catalog)) {
            return try StatusOutput(catalog: catalog, json: json).print(report)
        }
        let entry = try CodeLookup.single(code, vendor: vendor, in: catalog)
        if json { return try JSONOutput.print(EntryJSON(entry: entry, catalog: catalog)) }
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        EntryDetail(catalog: catalog, style: TextStyle(enabled: terminal.color), width: terminal.width,
                    hyperlinks: terminal.hyperlinks)
            .lines(for: entry).forEach(Console.out)
    }
}
