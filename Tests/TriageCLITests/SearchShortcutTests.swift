import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import triage

/// `SearchShortcut` reads a plain `triage search` without swift-argument-parser. It must never read a command line
/// differently: wherever it answers, the parser gives the same command; wherever it does not, the parser decides.
@Suite struct SearchShortcutTests {
    /// What a command's parsed values are, for comparing two parses.
    private struct Reading: Equatable, CustomStringConvertible {
        var catalogs: [String], database: String?, ticket: String?
        var query: [String], vendor: String?, limit: Int, json: Bool

        init(_ command: SearchCommand) {
            (catalogs, database, ticket) = (command.global.catalogs, command.global.database, command.global.ticket)
            (query, vendor, limit, json) = (command.query, command.vendor, command.limit, command.json)
        }

        var description: String {
            "catalogs \(catalogs) db \(database ?? "-") ticket \(ticket ?? "-") query \(query) vendor \(vendor ?? "-") "
                + "limit \(limit) json \(json)"
        }
    }

    /// The parser's reading, validation included; nil when it refuses or answers something else (help, version).
    private func parsed(_ arguments: [String]) -> Reading? {
        guard let command = try? Triage.parseAsRoot(arguments) as? SearchCommand else { return nil }
        return Reading(command)
    }

    /// Pieces of plain command lines: words and well-formed options.
    private static let plain: [[String]] = [
        ["card"], ["declined"], ["INSTALL_NOT_FOUND"], ["404"], ["é"], ["a=b"], ["x y"], ["v:sentori"],
        ["--vendor", "sentori"], ["--vendor=sentori"], ["--vendor=a=b"], ["--limit", "5"], ["--limit=3"],
        ["--limit", "+7"], ["--limit", "007"], ["--limit", "1000000"], ["--json"], ["--catalog", "d1"],
        ["--catalog=d2"], ["--db", "p.sqlite"], ["--db=q"], ["--ticket", "T-1"],
    ]
    /// Pieces the shortcut must leave to the parser, or read exactly as it does.
    private static let odd: [[String]] = [
        ["help"], ["search"], ["browse"], ["show"], [""], [" "], ["-"], ["--"], ["-1"], ["-h"], ["--help"],
        ["--version"], ["-j"], ["--vendor"], ["--vendor", "--json"], ["--vendor="], ["--limit", "x"], ["--limit=-1"],
        ["--limit", "0"], ["--limit", "1000001"], ["--json=1"], ["--catalog", ""], ["--catalog", " "],
        ["--ticket="], ["--unknown"], ["--unknown", "v"], ["--limit"], ["--Vendor", "x"],
    ]

    @Test func everyCommandLineItAnswersIsReadAsTheParserReadsIt() {
        var random = SplitMix64(seed: 0x5EA4C4)
        var answered = 0
        var declinedButValid = 0
        for round in 0..<700 {
            var arguments = ["search"]
            for _ in 0..<random.below(6) {
                let pieces = random.below(4) == 0 ? Self.odd : Self.plain
                arguments += pieces[random.below(pieces.count)]
            }
            // Now and then the subcommand is elsewhere, or another one.
            if round % 17 == 0 { arguments.swapAt(0, random.below(arguments.count)) }
            if round % 29 == 0 { arguments[0] = "show" }
            let expected = parsed(arguments)
            guard let shortcut = SearchShortcut.command(arguments) else {
                if expected != nil { declinedButValid += 1 }
                continue
            }
            answered += 1
            #expect(Reading(shortcut) == expected,
                    "\(arguments): shortcut \(Reading(shortcut)), parser \(expected.map(\.description) ?? "refuses")")
        }
        // Most command lines are answered: the test could not pass by answering nothing.
        #expect(answered > 150, "answered \(answered), declined but valid \(declinedButValid)")
        #expect(answered > 2 * declinedButValid, "answered \(answered), declined but valid \(declinedButValid)")
    }

    @Test func thePlainCommandLinesAreAnswered() throws {
        for arguments in [
            ["search", "card", "declined"],
            ["search", "--catalog", "d1", "--catalog=d2", "install", "not", "found"],
            ["search", "throttled", "--vendor", "sentori", "--limit", "5", "--json"],
            ["search", "--db", "f.sqlite", "--ticket", "T-1", "429"],
            ["search", "v:sentori", "s:404"],
        ] {
            let shortcut = try #require(SearchShortcut.command(arguments), "\(arguments)")
            #expect(Reading(shortcut) == parsed(arguments), "\(arguments)")
        }
    }

    @Test func whatNeedsTheParsersJudgementIsLeftToIt() {
        for arguments in [
            ["search"], ["search", "--help"], ["search", "-h"], ["search", "card", "--limit", "0"],
            ["search", "card", "--limit=-1"], ["search", "--", "-1"], ["search", " "], ["search", "card", "--frobnicate"],
            ["search", "card", "--vendor", "a", "--vendor", "b"], ["search", "card", "--catalog", " "],
            ["show", "card"], ["card", "search"],
        ] {
            #expect(SearchShortcut.command(arguments) == nil, "\(arguments)")
        }
    }

    /// A new option on `search` or the global options must be taught to the shortcut (or the shortcut would give it
    /// its default value while the parser reads it).
    @Test func theShortcutKnowsEveryOptionSearchHas() {
        let search = Mirror(reflecting: SearchCommand()).children.compactMap(\.label).sorted()
        #expect(search == ["_global", "_json", "_limit", "_query", "_vendor"], "teach SearchShortcut: \(search)")
        let global = Mirror(reflecting: GlobalOptions()).children.compactMap(\.label).sorted()
        #expect(global == ["_catalogs", "_database", "_ticket"], "teach SearchShortcut: \(global)")
    }
}
