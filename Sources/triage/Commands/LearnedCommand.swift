import ArgumentParser
import Foundation
import TriageCore

/// `triage learned`: what search learned from use (codes opened or diagnosed after a search), cleared or turned
/// off. Kept in the sessions database, on this machine only.
struct LearnedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learned", abstract: "List, clear or turn off what search learned from use.",
        discussion: """
            When a code is opened (Enter) or diagnosed (d) from search results in the full screen, the query's
            words and the code are remembered in the sessions database; a later search with mostly the same words
            lifts that code, marked "chosen before". Only word forms are kept, never the query as typed, and
            nothing leaves this machine. Examples: triage learned    triage learned --clear    triage learned --off
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Forget every learned pairing.") var clear = false
    @Flag(help: "Stop learning and stop lifting learned codes (kept until --clear).") var off = false
    @Flag(help: "Learn again (the default).") var on = false
    @Flag(help: "Print a JSON object {learning, pairings: [{words, vendor, code, count}]}.") var json = false

    struct LearnedJSON: Encodable {
        struct PairingJSON: Encodable {
            let words: [String]
            let vendor: String
            let code: String
            let count: Int
        }

        let learning: Bool
        let pairings: [PairingJSON]
    }

    func validate() throws {
        guard !(on && off) else { throw ValidationError("give --on or --off, not both") }
    }

    func run() throws {
        let opened = try SessionDatabase.require(global)
        guard let store = opened as? any SearchMemoryStore else {
            throw TriageError("this sessions database cannot keep what search learns", exitCode: 2)
        }
        if clear {
            let count = try SessionDatabase.attempt { try store.forgetSearches() }
            if !json { Console.out("Forgot \(count) learned search\(count == 1 ? "" : "es").") }
        }
        if on || off {
            try SessionDatabase.attempt { try store.setLearnsSearches(on) }
            if !json { Console.out(on ? "Search learning is on." : "Search learning is off.") }
        }
        let learning = try SessionDatabase.attempt { try store.learnsSearches() }
        let memory = try SessionDatabase.attempt { try store.searchMemory() }
        if json {
            try JSONOutput.print(LearnedJSON(learning: learning, pairings: memory.pairings.map {
                LearnedJSON.PairingJSON(words: $0.words, vendor: $0.code.vendor, code: $0.code.code, count: $0.count)
            }))
            return
        }
        guard !clear, !(on || off) else { return }
        Console.out("Search learning is \(learning ? "on" : "off"); \(memory.pairings.count) learned pairing\(memory.pairings.count == 1 ? "" : "s").")
        for pairing in memory.pairings {
            Console.out(TerminalSafe.sanitize("  \(pairing.words.joined(separator: " ")) -> \(pairing.code) (\(pairing.count)x)",
                                              keepNewlines: false))
        }
    }
}
