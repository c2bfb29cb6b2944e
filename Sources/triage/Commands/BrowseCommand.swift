import ArgumentParser
import Foundation
import TriageCore

/// `triage browse` (the default): the full-screen catalog browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the full-screen browser (the default when no subcommand is given).",
        discussion: """
            Needs a terminal. Press ? inside for every key. The last vendor, category and code are restored on the
            next start (kept in $XDG_STATE_HOME/triage/state.json, else ~/.local/state/triage/state.json).
            Transcripts saved with 's' in a diagnosis go to $XDG_STATE_HOME/triage/transcripts/ (else
            ~/.local/state/triage/transcripts/).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Start at this vendor.", completion: Completions.vendors) var vendor: String?
    @Option(help: "Start with this search.") var query: String?
    @Flag(help: "Report mouse clicks and the wheel (off by default so the terminal can select text).")
    var mouse = false

    func run() throws {
        let environment = ProcessEnvironment.current
        if let reason = FullScreen.unavailableReason(environment: environment) { try FullScreen.refuse(reason) }
        // A cold build of a user catalog runs behind the first frame, unless --vendor must be checked against it.
        let (catalog, build) = vendor == nil ? try global.catalogForScreen() : (try global.loadCatalog(), nil)
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        let ticket = global.ticket.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        // The database is opened when the first session is listed or written, not before the first frame.
        let sessions = SessionAccess(user: SessionDatabaseLocation.user(environment: environment), ticket: ticket,
                                     path: SessionDatabase.path(global, environment: environment), environment: environment)
        try FullScreen.run(catalog: catalog, vendor: vendor, query: query, mouse: mouse, environment: environment,
                           sessions: sessions, build: build, searchIndexStore: global.searchIndexStore())
    }
}
