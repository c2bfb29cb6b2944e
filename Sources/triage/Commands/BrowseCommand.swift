import ArgumentParser
import Foundation
import TriageCore
import TriageTerminal
import TriageUI

/// `triage browse` (the default): the full-screen catalog browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the full-screen browser (the default when no subcommand is given).",
        discussion: """
            Needs a terminal. Press ? inside for every key. The last vendor, category and code are restored on the
            next start (kept in $XDG_STATE_HOME/triage/state.json, else ~/.local/state/triage/state.json).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Start at this vendor.") var vendor: String?
    @Option(help: "Start with this search.") var query: String?
    @Flag(help: "Report mouse clicks and the wheel (off by default so the terminal can select text).")
    var mouse = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if case let .unavailable(reason) = TerminalRunner.checkTerminal(environment: environment) {
            Console.error("""
                triage: cannot open the full-screen browser: \(reason).
                Use the line commands instead:
                  triage search WORDS...        find codes (add --json for scripts)
                  triage show CODE              what a code means and what to check
                  triage list [--vendor V]      every code
                  triage diagnose CODE --plain  guided diagnosis on stdin/stdout
                """)
            throw ExitCode(2)
        }
        let catalog = try global.loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        let statePath = StatePath.resolve(environment: environment)
        let options = BrowserOptions(vendor: vendor, query: query, memory: statePath.flatMap(BrowserMemory.load(from:)),
                                     statePath: statePath)
        var program = BrowserProgram(catalog: catalog, options: options)
        let status: Int32
        do {
            status = try TerminalRunner.run(&program, options: TerminalOptions(mouse: mouse, environment: environment))
        } catch {
            Console.error("triage: \(error)")
            throw ExitCode(2)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
