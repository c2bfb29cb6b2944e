import Foundation
import Testing
import TestSupport

/// `triage cache`: where the compiled catalog is kept, and `--verify`, which reads every byte: an intact file
/// passes, a file with one flipped byte is reported (exit 1) and removed, and the next start compiles again.
@Suite struct CacheCLITests {
    @Test func verifyPassesAnIntactCacheAndRemovesADamagedOne() throws {
        let home = TestPaths.temporaryDirectory("triage-cache-home")
        let folder = TestPaths.catalogFolder([
            "acme.yaml": """
                vendor: {id: acme, name: Acme}
                categories: [{id: auth, name: Auth}]
                codes:
                  - {code: ACME_DENIED, category: auth, description: The key may not call this endpoint.}
                """,
        ])
        let environment = ["HOME": home.path]
        let arguments = ["--catalog", folder.path]

        let before = try TriageProcess.run(["cache"] + arguments, environment: environment)
        #expect(before.status == 0)
        #expect(before.stdout.contains("No cache file yet"), "\(before.stdout)")

        let compiled = try TriageProcess.run(["vendors"] + arguments, environment: environment)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let intact = try TriageProcess.run(["cache", "--verify"] + arguments, environment: environment)
        #expect(intact.status == 0, "\(intact.stdout)\(intact.stderr)")
        #expect(intact.stdout.contains("Verified: every byte matches its checksums."), "\(intact.stdout)")

        let json = try TriageProcess.run(["cache", "--json"] + arguments, environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let file = try #require(report["file"] as? String)
        #expect(report["exists"] as? Bool == true)
        #expect((report["bytes"] as? Int ?? 0) > 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o077 == 0, "private to the user")

        // The search index beside it: written by the first search, checked by --verify, rebuilt when damaged.
        _ = try TriageProcess.run(["search", "ACME_DENIED"] + arguments, environment: environment)
        let indexFile = file + ".index"
        try #require(FileManager.default.fileExists(atPath: indexFile))
        let withIndex = try TriageProcess.run(["cache", "--verify"] + arguments, environment: environment)
        #expect(withIndex.status == 0 && withIndex.stdout.contains("Search index verified."), "\(withIndex.stdout)")
        var indexBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: indexFile)))
        indexBytes[indexBytes.count / 2] ^= 0xFF
        try Data(indexBytes).write(to: URL(fileURLWithPath: indexFile))
        let badIndex = try TriageProcess.run(["cache", "--verify"] + arguments, environment: environment)
        #expect(badIndex.status == 1)
        #expect(badIndex.stdout.contains("Search index damaged or stale: built again and rewritten."), "\(badIndex.stdout)")
        #expect(try TriageProcess.run(["cache", "--verify"] + arguments, environment: environment).status == 0)

        // One byte flipped near the end, in the entries an ordinary open only reads when they are shown.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count - 40] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let damaged = try TriageProcess.run(["cache", "--verify"] + arguments, environment: environment)
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("Damaged: removed"), "\(damaged.stdout)")
        #expect(!FileManager.default.fileExists(atPath: file))

        let again = try TriageProcess.run(["search", "ACME_DENIED"] + arguments, environment: environment)
        #expect(again.stdout.contains("ACME_DENIED"), "\(again.stdout)\(again.stderr)")
        #expect(try TriageProcess.run(["cache", "--verify"] + arguments, environment: environment).status == 0)
    }

    @Test func theBuiltInCatalogAloneHasNoCacheFile() throws {
        let run = try TriageProcess.run(["cache", "--verify"], environment: ["HOME": TestPaths.temporaryDirectory("triage-cache-home").path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("compiled into the binary"), "\(run.stdout)")
    }
}
