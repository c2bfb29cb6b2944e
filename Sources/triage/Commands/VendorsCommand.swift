import ArgumentParser
import Foundation
import TriageCore

/// `triage vendors`: every vendor with its code count and where it came from.
struct VendorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendors", abstract: "List vendors, their categories and where each came from.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let catalog = try global.loadCatalog()
        // Counted in one pass: filtering all entries per vendor and category was quadratic at 100,000 codes.
        var perVendor: [String: Int] = [:]
        var perCategory: [CodeReference: Int] = [:]
        // Vendor and category ids only: no entry is decoded.
        for index in catalog.entries.indices {
            let vendor = catalog.entries.vendor(at: index)
            perVendor[vendor, default: 0] += 1
            perCategory[CodeReference(vendor: vendor, code: catalog.entries.category(at: index)), default: 0] += 1
        }
        let models = catalog.vendors.map { vendor in
            VendorJSON(id: vendor.id, name: vendor.name, product: vendor.product, docs: vendor.docs, notice: vendor.notice,
                       codes: perVendor[vendor.id] ?? 0,
                       categories: vendor.categories.map { category in
                           .init(id: category.id, name: category.name,
                                 codes: perCategory[CodeReference(vendor: vendor.id, code: category.id)] ?? 0)
                       },
                       sources: vendor.sources)
        }
        if json { return try JSONOutput.print(models) }
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        let style = TextStyle(enabled: terminal.color)
        let idWidth = max(6, models.map { TextLayout.width(TextLayout.cell($0.id)) }.max() ?? 0)
        let nameWidth = max(4, models.map { TextLayout.width(TextLayout.cell($0.name)) }.max() ?? 0)
        Console.out(style.dim(TextLayout.fit("VENDOR", idWidth) + "  " + TextLayout.fit("NAME", nameWidth) + "  CODES  CATEGORIES  SOURCE"))
        for model in models {
            let line = TextLayout.fit(TextLayout.cell(model.id), idWidth) + "  " + TextLayout.fit(TextLayout.cell(model.name), nameWidth)
                + "  " + String(format: "%5d", model.codes) + "  " + String(format: "%10d", model.categories.count)
                + "  " + TextLayout.cell(model.sources.joined(separator: " + "))
            Console.out(line)
        }
    }
}
