import Foundation
import Testing
import TestSupport

/// Attacks on what the binary prints: escape sequences, bidi and zero-width characters and raw newlines in
/// catalog text must never reach the terminal as they are, on any path (suggestions, errors, JSON, tables).
@Suite struct HostileOutputTests {
    /// Scalars a terminal acts on, or that reorder or hide text; none may be printed raw.
    private static let forbidden: Set<UInt32> = Set(Array(0..<0x09) + Array(0x0B..<0x20) + [0x7F] + Array(0x80..<0xA0)
        + [0xAD, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
           0x2068, 0x2069, 0xFEFF])

    private func rawScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter { Self.forbidden.contains($0.value) }.map { String($0.value, radix: 16) }
    }

    /// A vendor whose codes carry an OSC title change, an OSC 52 clipboard write, bidi overrides and a newline.
    private static let hostileCatalog = TestPaths.catalogFolder(["pwn.yaml": """
        vendor: {id: pwn, name: "Pwn\\u202E"}
        categories: [{id: c, name: C}]
        codes:
          - {code: "PWN_\\e]0;owned\\a\\e]52;c;aGk=\\a", category: c, message: "m\\u009b2J\\u007f", description: "d\\u2066x\\u200By\\u2028z"}
          - {code: "PWN_2\\u202Eevil", category: c, description: "second\\nsentori 3 400 FAKE ROW"}
          - {code: "ROW\\nsentori  999  FAKE", category: c, description: third}
        """])

    @Test func didYouMeanSuggestionsAreSanitized() throws {
        let folder = Self.hostileCatalog.path
        for arguments in [["show", "PWN"], ["show", "PWN", "--json"], ["show", "PWN", "--vendor", "pwn"], ["diagnose", "PWN_"]] {
            let run = try TriageProcess.run(["--catalog", folder] + arguments)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.contains("PWN_"), "\(arguments): \(run.stderr)")
            #expect(rawScalars(run.stderr).isEmpty, "\(arguments): raw \(rawScalars(run.stderr)) in \(run.stderr)")
            #expect(rawScalars(run.stdout).isEmpty, "\(arguments)")
        }
        let show = try TriageProcess.run(["--catalog", folder, "show", "PWN"])
        #expect(show.stderr.contains("PWN_^[]0;owned^G^[]52;c;aGk=^G"))
    }

    @Test func everyCommandPrintsHostileTextVisibly() throws {
        let folder = Self.hostileCatalog.path
        for arguments in [["list", "--vendor", "pwn"], ["vendors"], ["search", "pwn"], ["show", "PWN_2\u{202E}evil"],
                          ["list", "--vendor", "pwn", "--json"], ["search", "pwn", "--json"], ["vendors", "--json"]] {
            let run = try TriageProcess.run(["--catalog", folder] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(rawScalars(run.stdout).isEmpty, "\(arguments): raw \(rawScalars(run.stdout))")
            #expect(rawScalars(run.stderr).isEmpty, "\(arguments)")
        }
    }

    @Test func jsonEscapesC1ControlsAndInvisibles() throws {
        let run = try TriageProcess.run(["--catalog", Self.hostileCatalog.path, "list", "--vendor", "pwn", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""m\u009b2J\u007f""#), "\(run.stdout)")
        #expect(run.stdout.contains(#"\u2066"#) && run.stdout.contains(#"\u2028"#))
        // Still the same strings once decoded.
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(entries.first?["message"] as? String == "m\u{9B}2J\u{7F}")
    }

    @Test func aNewlineInACodeCannotSpoofATableRow() throws {
        let run = try TriageProcess.run(["--catalog", Self.hostileCatalog.path, "list", "--vendor", "pwn"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 4, "\(run.stdout)")  // the header and three rows
        #expect(lines.allSatisfy { $0.hasPrefix("pwn ") || $0.hasPrefix("VENDOR") }, "\(run.stdout)")
    }

    @Test func tablesAlignByDisplayWidth() throws {
        let folder = TestPaths.catalogFolder(["w.yaml": """
            vendor: {id: wide, name: Wide}
            categories: [{id: c, name: C}]
            codes:
              - {code: "認証エラー", category: c, http: 401, message: wide, description: x}
              - {code: "🔥🔥", category: c, http: 500, message: fire, description: x}
              - {code: ASCII_CODE_X, category: c, http: 400, message: plain, description: x}
            """])
        let run = try TriageProcess.run(["--catalog", folder.path, "list", "--vendor", "wide"])
        #expect(run.status == 0, "\(run.stderr)")
        // The HTTP column starts at the same display column on every row.
        func column(of needle: String, in line: Substring) -> Int? {
            guard let range = line.range(of: needle) else { return nil }
            return line[..<range.lowerBound].reduce(0) { width, character in
                let value = character.unicodeScalars.first!.value
                return width + ((0x1100...0x9FFF).contains(value) || value >= 0x1F300 ? 2 : 1)
            }
        }
        let rows = run.stdout.split(separator: "\n").dropFirst()
        let columns = rows.compactMap { row in ["401", "500", "400"].lazy.compactMap { column(of: $0, in: row) }.first }
        #expect(columns.count == 3 && Set(columns).count == 1, "\(run.stdout)")
    }
}
