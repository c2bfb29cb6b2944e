import BuiltinCatalog
import Foundation
import Testing
import TriageCore

/// A conclusion reached through a "can't tell" (a question, or a value that stayed unknown) is presumed, and
/// line mode, the transcript and its JSON say so with what was not known and what to check.
@Suite("Presumed conclusions")
struct PresumedConclusionTests {
    let catalog = DiagnosisFixtures.catalog

    func lineMode(_ presets: [String]) throws -> (session: DiagnosisSession, output: String) {
        final class Box { var output = "" }
        let box = Box()
        let start = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let session = LineModeDiagnosis(catalog: catalog, session: start, presetAnswers: presets,
                                        readLine: { nil }, write: { box.output += $0 }).run()
        return (session, box.output)
    }

    @Test func anUnknownValueMakesTheConclusionPresumedInEveryOutput() throws {
        let (session, output) = try lineMode(["1", "?", "1"])
        #expect(session.isFinished)
        #expect(output.contains("\nPresumed diagnosis: App "))
        #expect(output.contains("""
            Presumed, not confirmed by the ticket:
              - You could not tell: Which app id does the SDK use?

            """))
        let transcript = Transcript(session: session, catalog: catalog, date: DiagnosisFixtures.date)
        #expect(transcript.markdown.contains("## Presumed conclusion: App "))
        #expect(transcript.markdown.contains("Presumed, not confirmed by the ticket:\n\n- You could not tell: Which app id does the SDK use?\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(transcript.json.utf8)) as? [String: Any])
        let conclusion = try #require(json["conclusion"] as? [String: Any])
        let presumed = try #require(conclusion["presumed"] as? [[String: Any]])
        #expect(presumed.count == 1)
        #expect(presumed.first?["question"] as? String == "Which app id does the SDK use?")
        #expect(presumed.first?["check"] == nil, "an unknown value has nothing to check")
    }

    @Test func aConclusionFromAnswersAloneIsNotPresumed() throws {
        let (session, output) = try lineMode(["1", "app-9", "1"])
        #expect(session.isFinished)
        #expect(output.contains("\nDiagnosis: App app-9 belongs to another environment\n"))
        #expect(!output.contains("Presumed"))
        let transcript = Transcript(session: session, catalog: catalog, date: DiagnosisFixtures.date)
        #expect(transcript.markdown.contains("## Conclusion: App app-9 belongs to another environment"))
        #expect(!transcript.markdown.contains("Presumed"))
        #expect(!transcript.json.contains("presumed"))
    }

    /// Every shipped tree walked with "can't tell" at every step: with no fact at all, what it reaches names no
    /// cause (a "not determined" conclusion that says what to collect), and the steps passed are listed.
    @Test func cantTellEverywhereInTheShippedTreesIsNeverAFirmConclusion() throws {
        let loaded = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files)])
        try #require(loaded.problems.isEmpty)
        let shipped = loaded.catalog
        for tree in shipped.trees {
            var session = try DiagnosisSession.start(tree: tree.id, in: shipped)
            while !session.isFinished { try session.cantTell(in: shipped) }
            let current = try #require(session.current(in: shipped))
            let conclusion = try #require(current.conclusion)
            let summary = ConclusionSummary(conclusion, tree: shipped.tree(id: current.tree), catalog: shipped,
                                            presumptions: Presumption.of(session.path))
            #expect(!summary.presumptions.isEmpty, "\(tree.id)")
            #expect(!conclusion.determined, "\(tree.id) -> \(current.node) names a cause without a fact behind it")
            let questions = session.path.filter(\.isCantTell).map(\.prompt)
            #expect(summary.presumptions.map(\.question) == questions, "\(tree.id)")
            let markdown = Transcript(session: session, catalog: shipped, date: DiagnosisFixtures.date).markdown
            #expect(markdown.contains("\n## Not determined") && !markdown.contains("Presumed"), "\(tree.id)")
        }
    }
}
