import Foundation
import TerminalKit
import TriageCore

/// `triage show 403`: the status, its meaning, the codes documented with it, and what vendors without
/// documented statuses have that matches its meaning.
struct StatusOutput {
    let catalog: Catalog
    let json: Bool

    struct StatusJSON: Encodable {
        let status: Int
        let reason: String
        let codes: [EntryJSON]
        let byMeaning: [EntryJSON]
        let vendorsWithoutStatuses: [String]

        enum CodingKeys: String, CodingKey {
            case status, reason, codes, byMeaning = "by_meaning", vendorsWithoutStatuses = "vendors_without_statuses"
        }
    }

    func print(_ report: StatusReport) throws {
        if json {
            return try JSONOutput.print(StatusJSON(
                status: report.status, reason: report.reason,
                codes: report.documented.map { EntryJSON(entry: $0, catalog: catalog) },
                byMeaning: report.byMeaning.map { EntryJSON(entry: $0, catalog: catalog) },
                vendorsWithoutStatuses: report.vendorsWithoutStatuses.map(\.id)))
        }
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        let style = TextStyle(enabled: terminal.color)
        let count = report.documented.count
        var head = "\(report.status) is an HTTP status (\(report.reason)), not an error code. "
        head += count == 0 ? "No code in the catalog is documented with it."
            : "\(count == 1 ? "This code returns" : "These \(count) codes return") it:"
        WordWrap.lines(head, width: terminal.width).forEach { Console.out(style.bold($0)) }
        if count > 0 { EntryTable(catalog: catalog, terminal: terminal).print(report.documented.map { ($0, []) }) }
        if !report.vendorsWithoutStatuses.isEmpty {
            let names = report.vendorsWithoutStatuses.map(\.name).joined(separator: ", ")
            Console.out("")
            var note = "\(names) \(report.vendorsWithoutStatuses.count == 1 ? "documents" : "document") no HTTP statuses"
            note += report.byMeaning.isEmpty ? "." : "; by the meaning of \(report.status) (\(report.reason)), these codes may apply:"
            WordWrap.lines(note, width: terminal.width).forEach(Console.out)
            if !report.byMeaning.isEmpty {
                EntryTable(catalog: catalog, terminal: terminal).print(report.byMeaning.prefix(10).map { ($0, []) })
            }
        }
    }
}
