import BuiltinCatalog
import Foundation
import Testing
@testable import TriageCore

/// Walking the shipped trees as an engineer with a thin ticket would: "can't tell" at every step, and every
/// answer at every step. No conclusion may then show an empty value, a literal `@VAR@` placeholder, or the
/// word "unknown" where a value would be.
enum ShippedWalk {
    /// A value the ask's rules accept, or nil if none of the samples fits its pattern.
    static func sampleValue(for rules: ValueRules) -> String? {
        if let choice = rules.choices.first { return choice }
        let samples = ["3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b", "12345", "user@example.com", "https://example.com/hook",
                       "value-1", "abc123", "app-staging-123", "superhero1", "ABC123", "a"]
        return samples.first { if case .success = rules.check($0) { true } else { false } }
    }

    /// The texts of a conclusion, raw (from the tree) and filled (as shown), side by side.
    static func texts(_ conclusion: Conclusion) -> [String] {
        [conclusion.diagnosis, conclusion.explanation ?? "", conclusion.escalate?.when ?? ""] + conclusion.steps
            + (conclusion.escalate?.include ?? [])
    }

    /// Problems of one shown conclusion, compared with its raw text.
    static func problems(shown: Conclusion, raw: Conclusion, values: [String: String]) -> [String] {
        var found: [String] = []
        for (filled, template) in zip(texts(shown), texts(raw)) {
            if let literal = Placeholders.occurrences(in: filled).first {
                found.append("literal @\(literal.name)@ in \"\(filled)\"")
            }
            for match in Placeholders.occurrences(in: template) {
                let shownAs = values[match.name] ?? match.fallback ?? ""
                if shownAs.trimmingCharacters(in: .whitespaces).isEmpty {
                    found.append("@\(match.name)@ shows an empty value in \"\(template)\"")
                }
                if shownAs.lowercased().contains("unknown") {
                    found.append("@\(match.name)@ shows \"\(shownAs)\" in \"\(template)\"")
                }
            }
            for hole in ["()", "''", "\"\"", "``", " ,", "  "] where filled.contains(hole) && !template.contains(hole) {
                found.append("\"\(hole)\" (an empty value) in \"\(filled)\"")
            }
        }
        return found
    }
}

@Suite("Walking the shipped trees")
struct ShippedWalkTests {
    static let shipped = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files)])
    let catalog = Self.shipped.catalog

    @Test func theShippedCatalogPassesLint() {
        let linted = CatalogLoader.lint([CatalogSource(name: "built-in", files: BuiltinCatalog.files)])
        #expect(linted.problems.map(\.description) == [])
    }

    @Test(.enabled(if: shipped.problems.isEmpty))
    func cantTellAtEveryStepReachesAConclusionThatReadsNaturally() throws {
        for tree in catalog.trees {
            var session = try DiagnosisSession.start(tree: tree.id, in: catalog)
            var steps = 0
            while !session.isFinished {
                try session.cantTell(in: catalog)
                steps += 1
                try #require(steps < 200, "\(tree.id): no end")
            }
            let current = try #require(session.current(in: catalog))
            let shown = try #require(current.conclusion)
            guard case let .conclusion(raw)? = catalog.tree(id: current.tree)?[node: current.node]?.kind else {
                Issue.record("\(tree.id): not a conclusion")
                continue
            }
            #expect(session.path.allSatisfy { $0.isCantTell || !$0.isAnswered }, "\(tree.id)")
            #expect(session.values.isEmpty)
            let problems = ShippedWalk.problems(shown: shown, raw: raw, values: session.values)
            #expect(problems.isEmpty, "\(tree.id) -> \(current.node): \(problems)")
        }
    }

    /// Every answer and "can't tell" at every step, on every path (states that show the same node with the
    /// same known values are walked once).
    @Test(.enabled(if: shipped.problems.isEmpty))
    func everyAnswerAtEveryStepReachesConclusionsThatReadNaturally() throws {
        var conclusions = 0
        for tree in catalog.trees {
            var seen = Set<String>()
            var stack = [try DiagnosisSession.start(tree: tree.id, in: catalog)]
            while let session = stack.popLast() {
                let current = try #require(session.current(in: catalog), "\(tree.id): \(session.currentNode)")
                let key = "\(current.tree)/\(current.node)|" + session.values.keys.sorted().joined(separator: ",")
                guard seen.insert(key).inserted else { continue }
                try #require(seen.count < 200_000, "\(tree.id): too many states")
                switch current.kind {
                case let .question(_, _, answers, _):
                    for index in answers.indices {
                        var next = session
                        try next.choose(index, in: catalog)
                        stack.append(next)
                    }
                case .ask:
                    if let value = ShippedWalk.sampleValue(for: current.rules ?? ValueRules()) {
                        var next = session
                        try next.provide(value, in: catalog)
                        stack.append(next)
                    }
                case let .conclusion(shown), let .notDetermined(shown):
                    conclusions += 1
                    guard case let .conclusion(raw)? = catalog.tree(id: current.tree)?[node: current.node]?.kind else {
                        Issue.record("not a conclusion")
                        continue
                    }
                    let problems = ShippedWalk.problems(shown: shown, raw: raw, values: session.values)
                    #expect(problems.isEmpty, "\(tree.id) -> \(current.node) after \(session.path.map(\.answer)): \(problems)")
                    continue
                }
                var next = session
                try next.cantTell(in: catalog)
                stack.append(next)
            }
        }
        #expect(conclusions > catalog.trees.count)
    }

    /// The shipped example tickets (`catalog/tests`): each reaches its conclusion in 8 answers or fewer. (Lint,
    /// checked above, makes every shipped tree have one as soon as the catalog has a tests file.)
    @Test(.enabled(if: shipped.problems.isEmpty))
    func everyShippedExampleReachesItsConclusion() {
        for example in catalog.examples {
            let result = ExampleRunner.run(example, in: catalog)
            #expect(result.passed, "\(result.message ?? "")")
            #expect(example.answers.count <= ExampleTicket.maxAnswers, "\(example.name)")
        }
        if !catalog.examples.isEmpty {
            #expect(catalog.examples.count >= 20, "issue 11 asks for at least 20 realistic examples")
            let started = Set(catalog.examples.compactMap { $0.startTree(in: catalog) })
            #expect(catalog.trees.filter { !started.contains($0.id) }.map(\.id) == [])
        }
    }

    @Test func theChecksFindWhatTheyLookFor() {
        let raw = Conclusion(diagnosis: "App @APP_ID|the app@ in @REGION@ for @USER|unknown@", steps: ["Use '@KEY|@'."])
        let shown = Conclusion(diagnosis: "App the app in @REGION@ for unknown", steps: ["Use ''."])
        let problems = ShippedWalk.problems(shown: shown, raw: raw, values: [:])
        #expect(problems.contains { $0.hasPrefix("literal @REGION@") })
        #expect(problems.contains { $0.contains("@USER@ shows \"unknown\"") })
        #expect(problems.contains { $0.contains("@KEY@ shows an empty value") })
        #expect(problems.contains { $0.contains("\"''\" (an empty value)") })
        #expect(ShippedWalk.problems(shown: Conclusion(diagnosis: "App the app", steps: ["x"]),
                                     raw: Conclusion(diagnosis: "App @APP_ID|the app@", steps: ["x"]), values: [:]) == [])
    }
}
