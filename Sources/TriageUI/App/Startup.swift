import TerminalKit
import TriageCore

/// Where the shell starts: the browse screen where it was (`BrowseModel.start`), then the clock, the ticket
/// new diagnoses take, whether steps are saved, and the diagnosis given on the command line or the offer to
/// resume open ones.
extension BrowserState {
    mutating func start(with options: BrowserOptions) {
        browse.start(with: options)
        clock = options.clock
        transcriptContext = options.transcriptContext
        catalogBuild = options.catalogBuild
        sessions.records = options.recordsSessions
        sessions.ticket = options.ticket.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let session = options.diagnosis {
            startDiagnosis(session, continuing: options.diagnosisID)
        } else if options.recordsSessions {
            sessions.offerUser = options.user
        }
    }

    /// What to restore next time (where the browse screen is, the search history).
    public var memory: BrowserMemory { browse.memory }
}
