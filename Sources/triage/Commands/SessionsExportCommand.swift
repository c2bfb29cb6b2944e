import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions export ID|--ticket T --format md|json`: the transcript of a saved diagnosis, for the ticket.
struct SessionsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the transcript of a saved diagnosis (Markdown or JSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id (or give --ticket T for the ticket's open session).") var id: SessionID?
    @Option(help: "md (Markdown, to paste into the ticket) or json.") var format: Format = .md

    func run() throws {
        let transcript = try SessionDatabase.transcript(id, global: global).transcript
        switch format {
        case .md: Console.raw(transcript.markdown, toStandardError: false)
        case .json: try JSONOutput.print(transcript.document)
        }
    }
}
