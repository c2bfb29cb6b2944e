import Foundation
import Testing
import TestSupport
import TerminalKit

/// The real binary against hostile files and limits: an input it cannot read, the file size limit (`ulimit -f`)
/// cutting the cache, a transcript and the database, and invisible or wide characters in `list`.
@Suite struct HostileFilesCLITests {
    @Test func anUnreadableInputSaysWhyInWords() throws {
        let run = try TriageProcess.run(["explain", "/proc/self/mem"])
        #expect(run.status == 2)
        #expect(run.stderr == "triage: cannot read '/proc/self/mem': Input/output error\n", "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }

    /// `ulimit -f 1` (512 bytes in sh): each write is cut; each says so, and no temporary file is left.
    @Test func theFileSizeLimitIsReportedLikeAFullDisk() throws {
        let folder = TestPaths.temporaryDirectory("ulimit")
        let catalog = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let cache = folder.appendingPathComponent("cache")
        let vendors = try TriageProcess.shell(
            "ulimit -f 1; XDG_CACHE_HOME=\(cache.path) \"$TRIAGE\" vendors --catalog \(catalog.path)", directory: folder)
        #expect(vendors.status == 0, "a cache that cannot be written costs only speed: \(vendors.stderr)")
        #expect(vendors.stdout.contains("acme"))
        #expect(vendors.stderr.contains("triage: cannot write the catalog cache: ") && vendors.stderr.contains(": File too large"),
                "\(vendors.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: cache.path + "/triage")) ?? []
        #expect(left.isEmpty, "temporary files left behind: \(left)")

        let transcript = folder.appendingPathComponent("t.md").path
        let diagnose = try TriageProcess.shell(
            "printf 'app321\\n?\\n?\\n?\\n\\n' | (ulimit -f 1; XDG_STATE_HOME=state \"$TRIAGE\" diagnose INSTALL_DOES_NOT_BELONG_TO_APP --plain --transcript \(transcript))",
            directory: folder)
        #expect(diagnose.status == 2)
        #expect(diagnose.stderr.contains("triage: cannot save the transcript: \(transcript): File too large"), "\(diagnose.stderr)")

        let database = folder.appendingPathComponent("db/sessions.sqlite").path
        let sessions = try TriageProcess.shell("ulimit -f 1; \"$TRIAGE\" sessions list --db \(database)", directory: folder)
        #expect(sessions.status == 2)
        #expect(sessions.stderr.contains("the file size limit (ulimit -f) is 512 bytes"), "\(sessions.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("db").path)
        #expect(!files.contains { $0.hasSuffix(".tmp") }, "\(files)")
    }

    /// Invisible characters become visible, and wide characters, emoji sequences and flags keep `list`'s
    /// columns: every row's HTTP status starts at the same display column.
    @Test func listShowsInvisiblesAndKeepsItsColumns() throws {
        let vendor = #"""
            vendor:
              id: wide
              name: Wide
            categories:
              - id: auth
                name: Authentication
            codes:
              - code: "認証エラー"
                category: auth
                http: 401
                description: D.
                message: "Flag \U0001F1EB\U0001F1F7 and family \U0001F468\u200D\U0001F469\u200D\U0001F467 here"
              - code: "FLAG_\U0001F1EB\U0001F1F7"
                category: auth
                http: 402
                description: D.
                message: "tags A\U000E0041\U000E0042B fillers \u3164\u115F\u1160\uFFA0 fmt \uFFF9\u180E\u034F\u061C\u206A\u2061"
              - code: "👨‍👩‍👧_FAMILY"
                category: auth
                http: 403
                description: D.
                message: "plain ❤️ text"

            """#
        let catalog = TestPaths.catalogFolder(["vendors/wide.yaml": vendor])
        let run = try TriageProcess.run(["list", "--vendor", "wide", "--catalog", catalog.path],
                                        environment: ["COLUMNS": "200", "XDG_CACHE_HOME": TestPaths.temporaryDirectory("c").path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        for line in lines {
            let hidden = line.unicodeScalars.filter {
                $0.properties.isDefaultIgnorableCodePoint || $0.properties.generalCategory == .format
            }
            #expect(hidden.isEmpty, "invisible \(hidden.map { String($0.value, radix: 16) }) in \(line)")
        }
        #expect(run.stdout.contains(#"A\u{E0041}\u{E0042}B fillers \u{3164}\u{115F}\u{1160}\u{FFA0} fmt \u{FFF9}\u{180E}\u{34F}\u{61C}\u{206A}\u{2061}"#),
                "\(run.stdout)")
        #expect(run.stdout.contains("FLAG_FR"))
        // The column where HTTP (or the status) starts, counted as the terminal counts.
        let columns = lines.map { line -> Int? in
            guard let range = line.range(of: "HTTP") ?? line.range(of: " 40") else { return nil }
            return DisplayWidth.of(line[..<range.lowerBound]) + (line[range].hasPrefix(" ") ? 1 : 0)
        }
        #expect(Set(columns).count == 1 && columns.first! != nil, "\(columns) in\n\(run.stdout)")
    }
}
