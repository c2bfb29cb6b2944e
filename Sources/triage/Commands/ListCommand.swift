import ArgumentParser
import Foundation
import TriageCore

/// `triage list`: the codes of the catalog, optionally of one vendor or category.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List error codes, optionally of one vendor or category.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this vendor (id, e.g. sentiance).", completion: Completions.vendors) var vendor: String?
    @Option(help: "Only this category (id or name, e.g. user-linking).", completion: Completions.categories) var category: String?
    @Flag(help: "Print a JSON array of entries instead of text.") var json = false

    func run() throws {
        let catalog = try global.loadCatalog(checking: vendor)
        var categoryID: String?
        if let category {
            categoryID = try VendorCheck.category(category, vendor: vendor, in: catalog)
        }
        // Indices only: each entry is decoded when it is written, so 100,000 codes are never all in memory.
        let indices = catalog.entryIndices(vendor: vendor, category: categoryID)
        if json {
            return try JSONOutput.printArray(count: indices.count) { EntryJSON(entry: catalog.entries[indices[$0]], catalog: catalog) }
        }
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        EntryTable(catalog: catalog, terminal: terminal).print(indices: indices.map { ($0, []) })
    }
}
