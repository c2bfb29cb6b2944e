import Foundation
import Testing
import TestSupport

/// Numeric options are bounded where they are parsed: a huge `--limit` is a usage error, never an allocation
/// (the attack: `triage search x --limit 2147483647` tried to allocate 34 GB, and larger ones corrupted the heap).
@Suite("Numeric options")
struct NumericOptionTests {
    @Test("a --limit out of range is refused with the range, at every size", arguments: ["0", "-1", "1000001", "2147483647",
                                                                                       "4294967296", "4611686018427387903",
                                                                                       "9223372036854775807"])
    func hugeLimitsAreRefused(limit: String) throws {
        let run = try TriageProcess.run(["search", "key", "--limit", limit])
        #expect(run.status == 2, "\(limit): \(run.stderr)")
        #expect(run.stderr.contains("--limit must be from 1 to 1000000"), "\(run.stderr)")
        #expect(!run.stderr.contains("free()") && !run.stderr.contains("Fatal"))
    }

    @Test("sessions list --limit is bounded the same way")
    func sessionsListLimit() throws {
        let database = TestPaths.temporaryDirectory("triage-limit").appendingPathComponent("s.sqlite").path
        let run = try TriageProcess.run(["sessions", "list", "--limit", "9223372036854775807"], environment: ["TRIAGE_DB": database])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--limit must be from 1 to 1000000"), "\(run.stderr)")
    }

    @Test("the largest --limit runs and lists every hit once")
    func theLargestLimitWorks() throws {
        let run = try TriageProcess.run(["search", "key", "--limit", "1000000", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any])
        #expect(!hits.isEmpty && hits.count <= 143)
    }
}
