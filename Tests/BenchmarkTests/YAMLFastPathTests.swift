import Foundation
import Testing
@testable import TriageCore
import Yams

/// The YAML reader's shortcuts find what the long way found: a mapping's keys compared pairwise before any is
/// hashed still find every duplicate Yams finds (canonically equal text included), and null is still exactly
/// `~`, `null`, `Null`, `NULL` and nothing, unquoted.
@Suite struct YAMLFastPathTests {
    @Test func duplicateKeysAreFoundAsYamsFindsThem() {
        let many = (1...20).map { "k\($0): \($0)\n" }.joined()
        let texts = [
            "\u{E9}: 1\ne\u{301}: 2\n",
            "a: 1\nb: 2\n\u{E9}: 3\n",
            many,
            many + "k7: again\n",
            "x:\n  a: 1\n  b: 2\n  c: 3\n  b: 4\n",
            "- {a: 1, b: 2, a: 3}\n",
        ]
        for text in texts {
            var problems = ProblemList()
            _ = YAMLParser.parse(text, file: "f.yaml", &problems)
            #expect(problems.problems == yamsProblems(text), "\(text.debugDescription)")
        }
    }

    @Test func nullIsWhatItWas() throws {
        let text = """
        a: ~
        b: null
        c: Null
        d: NULL
        e:
        f: nulls
        g: "null"
        h: nul
        i: !!null whatever
        j: NUL
        """
        var problems = ProblemList()
        let root = try #require(YAMLParser.parse(text, file: "f.yaml", &problems)?.mapping("root", &problems))
        let nulls = root.keys.filter { root[$0]?.isNull == true }
        #expect(nulls == ["a", "b", "c", "d", "e", "i"])
        #expect(problems.isEmpty)
    }

    private func yamsProblems(_ text: String) -> [CatalogProblem] {
        do {
            _ = try Yams.compose(yaml: text, Resolver.basic)
            return []
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            let at = SourceLocation(file: "f.yaml", line: context.mark.line, column: context.mark.column)
            return [CatalogProblem(at, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping")]
        } catch {
            return [CatalogProblem(SourceLocation(file: "f.yaml", line: 1, column: 1), "\(error)")]
        }
    }
}
