import ArgumentParser
import Foundation
import TriageCore

/// `triage browse` (the default): the full-screen catalog browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the full-screen browser (the default when no subcommand is given).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Start at this vendor.") var vendor: String?
    @Option(help: "Start with this search.") var query: String?

    func run() throws {
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        Console.out("\(catalog.vendors.count) vendors, \(catalog.entries.count) codes")
    }
}
