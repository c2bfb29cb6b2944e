import Foundation
import Testing
import TestSupport

/// `triage lint` warns about a code without `phrases:` (on stderr, with its position) and still passes.
@Suite struct PhraseLintCLITests {
    @Test func aCodeWithoutPhrasesIsAWarningNotAProblem() throws {
        let folder = try Fixtures.acmeFolder("phrase-lint", code: "E_BARE", description: "The widget is missing.")
        let run = try TriageProcess.run(["lint", folder.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(": ok ("), "\(run.stdout)")
        let warning = run.stderr.split(separator: "\n").first { $0.contains("E_BARE") }.map(String.init) ?? ""
        #expect(warning.contains("acme.yaml:"), "\(run.stderr)")
        #expect(warning.contains("warning: code 'E_BARE' has no phrases"), "\(run.stderr)")
        // The built-in catalog has phrases for every code: no warning about it.
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("has no phrases") }.count == 1, "\(run.stderr)")
    }
}
