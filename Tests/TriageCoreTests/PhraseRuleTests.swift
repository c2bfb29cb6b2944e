import Testing
import TestSupport
@testable import TriageCore

/// `phrases:` are read, kept by the compiled catalog, and their absence is a lint warning.
@Suite struct PhraseRuleTests {
    static let vendor = """
        vendor:
          id: acme
          name: Acme
        categories:
          - id: api
            name: API
        codes:
          - code: HAS_PHRASES
            category: api
            description: One.
            keywords: [one]
            phrases:
              - the first situation
              - another way to say it
          - code: NO_PHRASES
            category: api
            description: Two.
          - code: TICKETED
            category: api
            description: Three.
            trees: [t]
        """
    static let tree = """
        id: t
        title: T
        vendors: [acme]
        codes: [acme:TICKETED]
        start: done
        nodes:
          done:
            conclusion: Done
            steps: [Nothing.]
        """
    static let tests = """
        tests:
          - name: a ticket
            code: acme:TICKETED
            ticket: The customer describes it here.
            answers: []
            expect: done
        """

    @Test func lintWarnsAboutACodeWithoutPhrasesOrTicket() {
        let (catalog, problems) = Fixtures.lint([("acme.yaml", Self.vendor), ("t.yaml", Self.tree), ("t-tests.yaml", Self.tests)])
        #expect(!problems.contains { $0.message.contains("phrases") }, "a warning, not a problem: \(problems)")
        let warnings = PhraseRule.warnings(catalog).map(\.description)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.hasPrefix("acme.yaml:") == true)
        #expect(warnings.first?.contains("warning: code 'NO_PHRASES' has no phrases") == true, "\(warnings)")
    }

    @Test func theShippedCatalogHasPhrasesForEveryCode() {
        #expect(PhraseRule.warnings(Fixtures.shipped.catalog).isEmpty)
        #expect(Fixtures.shipped.catalog.entries.count == 143)
    }

    @Test func phrasesSurviveTheCompiledCatalog() throws {
        let (catalog, problems) = Fixtures.load([("acme.yaml", Self.vendor), ("t.yaml", Self.tree)])
        #expect(problems.isEmpty, "\(problems)")
        let compiled = try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
        #expect(compiled.entries[0].phrases == ["the first situation", "another way to say it"])
        #expect(compiled.entries[1].phrases == [])
    }

    @Test func phrasesMustBeAListOfText() {
        let broken = Self.vendor.replacingOccurrences(of: "    phrases:\n      - the first situation\n      - another way to say it",
                                                      with: "    phrases: {a: b}")
        let problems = Fixtures.load([("acme.yaml", broken), ("t.yaml", Self.tree)]).problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("acme.yaml:") && $0.contains("phrases of code 'HAS_PHRASES'") }, "\(problems)")
    }
}
