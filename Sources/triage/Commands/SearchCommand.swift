import ArgumentParser
import Foundation
import TriageCore

/// `triage search`: ranked search over codes, messages, keywords, descriptions, hints and statuses.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search codes, messages, descriptions, hints and HTTP statuses.",
        discussion: """
            Ranks instead of filtering: the codes matching the most words come first, by where and how well each
            word matches and how rare it is; an unknown word never empties the results. Case-insensitive, any
            word order, tolerant of typos and word forms (blocking/blocked); '_', '-', space, punctuation and
            JSON syntax are the same; joined words are split (toomanyrequests); a whole code anywhere in the
            text comes first; an HTTP status finds the codes documented with it (429: by its meaning). A vendor
            named as a word steers to its codes. Codes opened or diagnosed after a similar search are lifted and
            marked "chosen before", as in the full screen (see 'triage learned'; off with 'triage learned --off').
            Filters: v:VENDOR  s:STATUS  c:CATEGORY (vendor:, status:, category:).
            Examples: triage search install not found    triage search v:sentori s:404
                      triage search customer gets INSTALL_DELETED
            Exit status: 0 when something matched, 1 when nothing did, 2 on errors.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Words to search for.") var query: [String]
    @Option(help: "Only this vendor.", completion: Completions.vendors) var vendor: String?
    @Option(help: "At most this many results (1 to 1000000).") var limit: Int = 20
    /// The largest --limit taken: a count of rows, checked before any work.
    static let maximumLimit = 1_000_000
    @Flag(help: "Print a JSON array of {vendor, code, category, message, summary, score, chosen_before}.") var json = false

    func validate() throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be from 1 to \(Self.maximumLimit), but got \(limit)")
        }
        guard !query.joined().allSatisfy(\.isWhitespace) else {
            throw ValidationError("give words to search for, e.g. 'triage search install not found'")
        }
    }

    func run() throws {
        let catalog = try global.loadCatalog(checking: vendor)
        let text = query.joined(separator: " ")
        let searcher = global.searcher(for: catalog)
        if let memory = SearchLearning.memory(global, environment: ProcessEnvironment.current) {
            searcher.memory = memory
        }
        let hits = searcher.search(text, vendor: vendor, limit: limit)
        if json {
            try JSONOutput.print(hits.map { hit in
                var result = SearchHitJSON(catalog.entries[hit.entryIndex], score: hit.score)
                result.chosenBefore = hit.learned
                return result
            })
        } else if hits.isEmpty {
            // Echoed on one line and cut at 200 columns: a pasted log as the query must not fill the screen again.
            Console.error("triage: nothing matches '\(TextLayout.fit(TextLayout.cell(text), 200, pad: false))'")
        } else {
            let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
            EntryTable(catalog: catalog, terminal: terminal).print(indices: hits.map { hit in
                (hit.entryIndex, searcher.highlights(of: text, in: TerminalSafe.sanitize(catalog.entries.code(at: hit.entryIndex))))
            })
            for hit in hits where hit.learned {
                Console.out("chosen before after a similar search: " + TerminalSafe.sanitize(hit.reference.description))
            }
        }
        if hits.isEmpty { throw ExitCode(1) }
    }
}
