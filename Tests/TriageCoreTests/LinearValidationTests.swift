import Foundation
import Testing
@testable import TriageCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, finding 3: tree validation and long diagnoses must be linear. The attack files are generated here:
/// a chain of 15,000 `ask` nodes (about 930 KB) and a 10,000-step line-mode diagnosis. The bounds are generous
/// (a debug build on a shared machine); the quadratic versions took 7 s and 3.6 GB, and more than 30 s.
@Suite("Linear validation and diagnosis", .serialized)
struct LinearValidationTests {
    static let vendor = "vendor:\n  id: acme\n  name: Acme\ncategories:\n  - {id: auth, name: Auth}\ncodes:\n  - {code: E1, category: auth, description: x}\n"

    /// A chain of `count` asks, each using the previous value with a fallback, ending in a conclusion.
    static func chain(_ count: Int) -> String {
        var text = "id: chain\ntitle: A long chain\nvendors: [acme]\nstart: n0\nnodes:\n"
        text.reserveCapacity(count * 70)
        for index in 0..<count {
            text += "  n\(index):\n    ask: Value \(index) after @V\(max(0, index - 1))|the value@?\n    var: V\(index)\n    next: \(index + 1 == count ? "done" : "n\(index + 1)")\n"
        }
        text += "  done:\n    conclusion: Done with @V0|the first value@\n    steps: [Stop.]\n"
        return text
    }

    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    @Test func aChainOf15000AsksValidatesQuicklyInLittleMemory() throws {
        let text = Self.chain(15_000)
        #expect(text.utf8.count > 900_000)
        let before = Self.peakMemory()
        let clock = ContinuousClock()
        var result: (catalog: Catalog, problems: [CatalogProblem])!
        let elapsed = clock.measure {
            result = CatalogLoader.lint([CatalogSource(name: "attack", files: [("v.yaml", Self.vendor), ("chain.yaml", text)])])
        }
        #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
        #expect(result.catalog.tree(id: "chain")?.nodes.count == 15_001)
        #expect(elapsed < .seconds(20), "\(elapsed)")
        let grown = Self.peakMemory() - before
        #expect(grown < 600_000_000, "peak memory grew by \(grown / 1_000_000) MB")
    }

    @Test func validationAloneIsLinear() throws {
        // Validation without the YAML parser: 10,000 and 40,000 nodes; four times the size must not take sixteen
        // times as long (linear: about four; the bound allows for a busy machine).
        func time(_ count: Int) throws -> Duration {
            let here = SourceLocation(file: "chain.yaml", line: 1, column: 1)
            var nodes = (0..<count).map { index in
                TreeNode(id: NodeID("n\(index)"), kind: .ask(Ask(prompt: "Value after @V\(max(0, index - 1))|the value@?",
                                                      variable: "V\(index)", next: NodeID(index + 1 == count ? "done" : "n\(index + 1)"))),
                         location: here)
            }
            nodes.append(TreeNode(id: "done", kind: .conclusion(Conclusion(diagnosis: "Done @V0|the value@", steps: ["x"])),
                                  location: here))
            let tree = DecisionTree(id: "chain", title: "Chain", vendors: ["acme"], codes: [], start: "n0", nodes: nodes,
                                    source: "attack", location: here)
            let file = TreeFile(tree: tree, vendorLocations: [here], codeLocations: [], startLocation: here,
                                nodeCodeReferences: [], targetLocations: [:])
            let clock = ContinuousClock()
            return clock.measure {
                var problems = ProblemList()
                var findings = ProblemList()
                TreeValidator(files: [file], vendorIDs: ["acme"], codeExists: { _ in true }).validate(&problems, findings: &findings)
                #expect(problems.isEmpty && findings.isEmpty)
            }
        }
        let small = try time(10_000)
        let large = try time(40_000)
        #expect(small < .seconds(5), "\(small)")
        #expect(large < small * 9 + .milliseconds(300), "10,000 nodes: \(small), 40,000 nodes: \(large)")
    }

    @Test func aCycleAtTheEndOfALongChainIsFoundWithoutDeepRecursion() {
        var text = Self.chain(20_000)
        text = text.replacingOccurrences(of: "    next: done\n", with: "    next: n0\n")
        let problems = CatalogLoader.load([CatalogSource(name: "attack", files: [("v.yaml", Self.vendor), ("chain.yaml", text)])]).problems
        let cycles = problems.filter { $0.message.hasPrefix("cycle: ") }
        #expect(cycles.count == 1, "\(problems.prefix(3))")
        #expect(cycles.first?.message.contains("n0 -> n1 -> n2 -> n3 -> n4 -> ... 19990 more ...") == true, "\(cycles)")
    }

    @Test func aLineModeDiagnosisOf10000StepsFinishesQuickly() throws {
        let loaded = CatalogLoader.load([CatalogSource(name: "attack", files: [("v.yaml", Self.vendor), ("chain.yaml", Self.chain(10_000))])])
        try #require(loaded.problems.isEmpty)
        let session = try DiagnosisSession.start(tree: "chain", in: loaded.catalog)
        final class Box { var next = 0; var bytes = 0 }
        let box = Box()
        let clock = ContinuousClock()
        var finished: DiagnosisSession!
        let elapsed = clock.measure {
            finished = LineModeDiagnosis(catalog: loaded.catalog, session: session,
                                         readLine: { box.next += 1; return box.next % 3 == 0 ? "?" : "v\(box.next)" },
                                         write: { box.bytes += $0.utf8.count }).run()
        }
        #expect(finished.isFinished)
        #expect(finished.stepCount == 10_000)
        #expect(finished.values.count == 10_000 - 10_000 / 3)
        #expect(elapsed < .seconds(30), "\(elapsed)")
        // Back all the way costs no more than going forward.
        var back: DiagnosisSession = finished
        let backTime = clock.measure { for _ in 0..<100 { back.back() } }
        #expect(back.stepCount == 9_900)
        #expect(backTime < .seconds(10), "\(backTime)")
    }
}
