import ArgumentParser
import Foundation
import TriageCore

/// `triage docs CODE`: the vendor's documentation page for a code (printed, or opened with `--open`).
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs", abstract: "Print the vendor's documentation URL for a code (or open it).",
        discussion: """
            Prints the code's own docs URL, else its vendor's. With --open, opens it with xdg-open (open on
            macOS) when one is installed, else prints it. Exit 1 when the code is unknown or has no docs URL.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The error code, e.g. INSTALL_NOT_FOUND.", completion: Completions.codes) var code: String
    @Option(help: "The vendor, when the code exists at several.", completion: Completions.vendors) var vendor: String?
    @Flag(help: "Open the URL in the browser (xdg-open) instead of printing it.") var open = false

    func run() throws {
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        let entry = try CodeLookup.single(code, vendor: vendor, in: catalog)
        guard let url = catalog.docs(for: entry) else {
            Console.error("triage: \(TextLayout.cell(entry.vendor)) documents no URL for \(TextLayout.cell(entry.code))")
            throw ExitCode(1)
        }
        if open, let opener = Opener.find() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus == 0 { return Console.error("Opened \(TextLayout.cell(url))") }
            } catch {}
            Console.error("triage: \(opener) could not open the URL; here it is:")
        } else if open {
            Console.error("triage: no xdg-open here; here is the URL:")
        }
        Console.out(TextLayout.cell(url))
    }
}

/// The program that opens a URL in the desktop's browser, if there is one on the PATH.
enum Opener {
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        #if os(macOS)
        let names = ["open"]
        #else
        let names = ["xdg-open"]  // never `open`: on Linux that is openvt
        #endif
        for name in names {
            for folder in path {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
