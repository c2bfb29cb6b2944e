import ArgumentParser
import Foundation
import TriageCore

/// `triage docs CODE`: the vendor's documentation page for a code (printed, or opened with `--open`).
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs", abstract: "Print the vendor's documentation URL for a code (or open it).",
        discussion: """
            Prints the code's own docs URL, else its vendor's. With --open, opens it with xdg-open (open on
            macOS) when one is installed, else prints it; only http(s) URLs are opened. Exit 1 when the code is
            unknown or has no docs URL.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The error code, e.g. INSTALL_NOT_FOUND.", completion: Completions.codes) var code: String
    @Option(help: "The vendor, when the code exists at several.", completion: Completions.vendors) var vendor: String?
    @Flag(help: "Open the URL in the browser (xdg-open) instead of printing it.") var open = false

    func run() throws {
        let url = try documentation()
        if open, !Opener.mayOpen(url) {
            Console.error("triage: only http:// and https:// URLs are opened; not opening this one:")
        } else if open, let opener = Opener.find() {
            if Opener.open(url, with: opener) { return Console.error("Opened \(TextLayout.cell(url))") }
            Console.error("triage: \(opener) could not open the URL; here it is:")
        } else if open {
            Console.error("triage: no xdg-open here; here is the URL:")
        }
        Console.out(TextLayout.cell(url))
    }

    /// The code's own docs URL, else its vendor's; exit 1 when there is none.
    private func documentation() throws -> String {
        let catalog = try global.loadCatalog(checking: vendor)
        let entry = try CodeLookup.single(code, vendor: vendor, in: catalog)
        guard let url = catalog.docs(for: entry) else {
            throw TriageError("\(TextLayout.cell(entry.vendor)) documents no URL for \(TextLayout.cell(entry.code))", exitCode: 1)
        }
        return url
    }
}
