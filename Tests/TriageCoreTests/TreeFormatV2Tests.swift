import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The keys of the tree format's second version: parsing, the engine's "can't tell", typed values, evidence and
/// not-determined conclusions.
@Suite("Tree format v2")
struct TreeFormatV2Tests {
    let catalog = V2Fixtures.catalog
    typealias F = V2Fixtures

    // MARK: Parsing

    @Test func everyKeyIsParsedIntoTheModel() throws {
        let tree = try #require(catalog.tree(id: "acme-v2"))
        guard case let .question(which)? = tree[node: "which-error"]?.kind else { Issue.record("question"); return }
        #expect(which.cantTell?.next == "region")
        #expect(which.cantTell?.check == "Look at \"code\" in the JSON body.")
        #expect(which.evidence == .code)
        #expect(which.answers.map(\.match) == [["E_APP"], ["E_KEY"]])
        guard case let .ask(region)? = tree[node: "region"]?.kind,
              case let .ask(app)? = tree[node: "app-id"]?.kind,
              case let .ask(key)? = tree[node: "key"]?.kind,
              case let .ask(ticket)? = tree[node: "key-note"]?.kind else { Issue.record("asks"); return }
        #expect(region.rules.choices == ["us", "eu", "in"])
        #expect(region.evidence == .region)
        #expect(region.rules.maxLength == ValueRules.defaultMaxLength)
        #expect(app.rules.pattern == "^app-[a-z0-9]{3,20}$")
        #expect(app.rules.patternHint == "app- and 3 to 20 lowercase letters or digits")
        #expect(app.rules.maxLength == 24)
        #expect(app.cantTell == "compare-unknown")
        #expect(key.rules.format == .guid && key.secret)
        #expect(ticket.rules.optional && ticket.rules.format == .numeric)
        guard case let .conclusion(findOut)? = tree[node: "find-out"]?.kind,
              case let .conclusion(wrong)? = tree[node: "wrong-app"]?.kind else { Issue.record("conclusions"); return }
        #expect(!findOut.determined)
        #expect(wrong.determined)
        #expect(catalog.examples.count == 4)
        #expect(catalog.examples[0].code == CodeReference(vendor: "", code: "E_APP"))
        #expect(catalog.examples[0].answers == [.text("eu"), .text("app-prod1"), .text("1")])
        #expect(catalog.examples[1].answers.allSatisfy { $0 == .cantTell })
        #expect(catalog.examples[2].evidence?[.appID] == "app-xyz")
        #expect(catalog.examples[0].location.file == "tests/acme.yaml")
        #expect(catalog.examples[0].location.line == 2)
    }

    @Test func badValuesOfTheNewKeysAreReportedWithTheirPosition() {
        let tree = """
            id: bad
            title: Bad @APP_ID@ title
            vendors: [acme]
            start: q
            nodes:
              q:
                question: Which?
                evidence: regoin
                answers:
                  - {label: A, next: a, match: [x]}
                  - {label: B, next: a}
                cant_tell: {next: a}
              a:
                ask: Which app?
                var: APP_ID
                format: guuid
                pattern: '^(unclosed$'
                max_length: 5000
                next: c
              c:
                conclusion: Done
                determined: maybe
                steps: [x]
            """
        let found = Fixtures.load([("vendors/acme.yaml", F.vendor), ("trees/bad.yaml", tree)]).problems.map(\.description)
        let expected = [
            "trees/bad.yaml:2:8: tree title uses @APP_ID@; placeholders are not allowed in titles",
            "trees/bad.yaml:8:15: unknown evidence 'regoin' of node 'q'",
            "trees/bad.yaml:12:16: cant_tell of node 'q' is missing required key 'check'",
            "trees/bad.yaml:16:13: unknown format 'guuid' of node 'a' (formats: guid, uuid, numeric, email, url); did you mean 'guid'?",
            "trees/bad.yaml:17:14: pattern of node 'a' is not a valid regular expression",
            "trees/bad.yaml:17:14: pattern of node 'a' needs a 'pattern_hint'",
            "trees/bad.yaml:14:5: node 'a' has format and pattern; use one of them",
            "trees/bad.yaml:18:17: max_length of node 'a' must be between 1 and 4096, found 5000",
            "trees/bad.yaml:22:17: determined of node 'c'",
        ]
        for prefix in expected {
            #expect(found.contains { $0.hasPrefix(prefix) }, "\(prefix)\nin \(found)")
        }
    }

    // MARK: Lint findings

    private func findings(_ tree: String, tests: String? = nil) -> [String] {
        var files = [("vendors/acme.yaml", F.vendor), ("trees/t.yaml", tree)]
        if let tests { files.append(("tests/t.yaml", tests)) }
        let linted = Fixtures.lint(files).problems.map(\.description)
        // The same catalog loads without the authoring findings.
        #expect(Fixtures.load(files).problems.isEmpty, "\(Fixtures.load(files).problems)")
        return linted
    }

    @Test func aQuestionWithoutCantTellIsAFinding() {
        let found = findings("""
            id: t
            title: T
            vendors: [acme]
            start: q
            nodes:
              q:
                question: Which?
                answers:
                  - {label: A, next: done}
                  - {label: B, next: done}
              done:
                conclusion: Done
                steps: [x]
            """)
        #expect(found == ["trees/t.yaml:7:5: question node 'q' has no cant_tell: give 'next' (where \"I can't tell from the ticket\" leads) and 'check' (what to check)"])
    }

    @Test func placeholdersInConclusionsNeedAFallback() {
        let found = findings("""
            id: t
            title: T
            vendors: [acme]
            start: a
            nodes:
              a:
                ask: Which app?
                var: APP_ID
                next: done
              done:
                conclusion: App @APP_ID@ and @APP_ID|the app@ but @APP_ID|  @
                steps: [x]
            """)
        #expect(found == [
            "trees/t.yaml:11:5: conclusion 'done' uses @APP_ID@ without a fallback; write @APP_ID|a phrase@ (shown when APP_ID is unknown)",
        ])
        let empty = findings("""
            id: t
            title: T
            vendors: [acme]
            start: a
            nodes:
              a:
                ask: Which app?
                var: APP_ID
                next: done
              done:
                conclusion: App @APP_ID|  @
                steps: [x]
            """)
        #expect(empty == ["trees/t.yaml:11:5: node 'done' gives @APP_ID|@ an empty fallback; write the phrase to show when APP_ID is unknown"])
    }

    /// The case issue 11 names: only "no ask anywhere sets it" was caught, and a tree could show `got @V@`.
    @Test func aPlaceholderWithoutFallbackMustBeSetOnEveryPathBeforeIt() {
        let tree = """
            id: t
            title: T
            vendors: [acme]
            start: q
            nodes:
              q:
                question: Which?
                answers:
                  - {label: A, next: a}
                  - {label: B, next: b}
                cant_tell: {next: a, check: Look.}
              a:
                ask: Which app?
                var: APP_ID
                next: use
                cant_tell: skip
              b:
                question: Got @APP_ID@?
                answers:
                  - {label: A, next: use}
                  - {label: B, next: skip}
                cant_tell: {next: skip, check: Look.}
              use:
                question: Is @APP_ID@ right?
                answers:
                  - {label: A, next: done}
                  - {label: B, next: done}
                cant_tell: {next: done, check: Look at @APP_ID@.}
              plain:
                ask: Which region?
                var: REGION
                next: done
              skip:
                question: Skip @REGION@?
                answers:
                  - {label: A, next: plain}
                  - {label: B, next: done}
                cant_tell: {next: done, check: Look.}
              done:
                conclusion: Done
                steps: [x]
            """
        let found = findings(tree)
        // b is reached without APP_ID (answer B); use is reached from a (set: can't tell goes elsewhere) and from
        // b (where APP_ID was never set); skip's REGION is set nowhere before it.
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.contains("node 'b' uses @APP_ID@") })
        #expect(found.contains { $0.contains("node 'use' uses @APP_ID@") })
        #expect(found.contains { $0.contains("node 'skip' uses @REGION@") })

        // Set on every path (the ask's "can't tell" leads elsewhere): no finding.
        let fine = findings("""
            id: t
            title: T
            vendors: [acme]
            start: a
            nodes:
              a:
                ask: Which app?
                var: APP_ID
                next: use
                cant_tell: done
              use:
                question: Is @APP_ID@ right?
                answers:
                  - {label: A, next: done}
                  - {label: B, next: done}
                cant_tell: {next: done, check: Look.}
              done:
                conclusion: Done
                steps: [x]
            """)
        #expect(fine == [])
    }

    @Test func everyTreeNeedsAnExampleWhereTheCatalogHasTests() {
        let tree = """
            id: t
            title: T
            vendors: [acme]
            codes: [E_APP]
            start: done
            nodes:
              done:
                conclusion: Done
                steps: [x]
            """
        let other = tree.replacingOccurrences(of: "id: t\n", with: "id: u\n").replacingOccurrences(of: "codes: [E_APP]", with: "codes: [E_KEY]")
        let tests = "tests:\n  - {name: first, code: E_APP, answers: [], expect: done}\n"
        let files = [("vendors/acme.yaml", F.vendor), ("trees/t.yaml", tree), ("trees/u.yaml", other), ("tests/t.yaml", tests)]
        #expect(Fixtures.lint(files).problems.map(\.description) == [
            "trees/u.yaml:1:5: tree 'u' has no example ticket: add one to a tests file (catalog/tests/*.yaml) of the same catalog",
        ])
        // A catalog without any tests file (an override folder, a fixture) is not asked for examples.
        #expect(Fixtures.lint(Array(files.dropLast())).problems.isEmpty)
        // Only the trees of a source with tests need examples: a later folder's examples do not cover them.
        let builtIn = CatalogSource(name: "base", files: Array(files.dropLast()))
        let extra = CatalogSource(name: "extra", files: [("tests/t.yaml", tests)])
        #expect(CatalogLoader.lint([builtIn, extra]).problems.isEmpty)
    }

    @Test func badExamplesAreErrors() {
        let tests = """
            tests:
              - name: one
                tree: acme-v3
                answers: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                expect: wrong-ap
              - name: two
                code: E_NOPE
                answers: []
                expect: wrong-app
                when: now
              - name: three
                answers: [1]
                expect: wrong-app
            """
        let found = Fixtures.load(F.files(tests: tests)).problems.map(\.description)
        for part in ["tests/acme.yaml:4:14: example 'one' gives 9 answers; an example reaches its conclusion in 8 or fewer",
                     "tests/acme.yaml:2:5: example 'one' names unknown tree 'acme-v3'; did you mean 'acme-v2'?",
                     "tests/acme.yaml:2:5: example 'one' expects 'wrong-ap', which is not a conclusion of any tree; did you mean 'wrong-app'?",
                     "tests/acme.yaml:10:5: unknown key 'when' in an example ticket",
                     "tests/acme.yaml:6:5: example 'two': unknown code 'E_NOPE'",
                     "tests/acme.yaml:11:5: example 'three' needs 'code', 'tree' or 'paste'"] {
            #expect(found.contains { $0.hasPrefix(part) }, "\(part)\nin \(found)")
        }
    }

    // MARK: Can't tell

    @Test func cantTellOnAQuestionRecordsTheCheckAndContinues() throws {
        var session = try DiagnosisSession.start(tree: "acme-v2", in: catalog)
        #expect(session.current(in: catalog)?.cantTell == "Look at \"code\" in the JSON body.")
        try session.cantTell(in: catalog)
        #expect(session.currentNode == "region")
        let step = try #require(session.path.first)
        #expect(step.kind == .cantTell(check: "Look at \"code\" in the JSON body."))
        #expect(step.isAnswered && step.isCantTell)
        #expect(step.answerText == "I can't tell from the ticket (check: Look at \"code\" in the JSON body.)")
        // Back returns to it.
        let wentBack = session.back()
        #expect(wentBack)
        #expect(session.currentNode == "which-error" && session.path.isEmpty)
    }

    @Test func cantTellOnAnAskLeavesTheValueUnknownAndTextsUseTheFallback() throws {
        var session = try DiagnosisSession.start(tree: "acme-v2", from: F.code("E_APP"), in: catalog)
        try session.cantTell(in: catalog)  // region: unknown, continues at next
        #expect(session.currentNode == "app-id")
        try session.provide("app-abc", in: catalog)
        #expect(session.values == ["APP_ID": "app-abc"])
        #expect(session.current(in: catalog)?.prompt == "Does app-abc in its region match the SDK's app id?")
        try session.choose(0, in: catalog)
        #expect(session.current(in: catalog)?.conclusion?.diagnosis == "Wrong app app-abc in the app's region")
        #expect(session.current(in: catalog)?.conclusion?.steps == ["Use the app id of the install's environment for ticket this ticket."])
        #expect(session.path[1].kind == .unknownValue(variable: "REGION"))
        #expect(session.path[1].answer == DiagnosisStep.cantTellAnswer)

        // An ask's own cant_tell node: "can't tell" goes there.
        var other = try DiagnosisSession.start(tree: "acme-v2", from: F.code("E_APP"), in: catalog)
        try other.provide("EU", in: catalog)
        try other.cantTell(in: catalog)
        #expect(other.currentNode == "compare-unknown")
        #expect(other.values == ["REGION": "eu"])
    }

    @Test func aValueAnsweredAgainAsCantTellIsForgotten() throws {
        var session = try DiagnosisSession.start(tree: "acme-v2", from: F.code("E_APP"), in: catalog)
        try session.provide("us", in: catalog)
        #expect(session.values["REGION"] == "us")
        session.back()
        try session.cantTell(in: catalog)
        #expect(session.values["REGION"] == nil)
    }

    // MARK: Typed values

    @Test func typedValuesAreCheckedWithClearMessages() throws {
        var session = try DiagnosisSession.start(tree: "acme-v2", from: F.code("E_APP"), in: catalog)
        #expect(throws: DiagnosisError.invalidValue(.notAChoice(["us", "eu", "in"]))) { try session.provide("asia", in: catalog) }
        #expect(DiagnosisError.invalidValue(.notAChoice(["us", "eu", "in"])).description == "answer one of us, eu or in")
        try session.provide(" IN ", in: catalog)
        #expect(session.values["REGION"] == "in", "recorded as the choice is written")
        #expect(throws: DiagnosisError.invalidValue(.badPattern("app- and 3 to 20 lowercase letters or digits"))) {
            try session.provide("APP-1", in: catalog)
        }
        #expect(throws: DiagnosisError.invalidValue(.tooLong(24))) { try session.provide("app-" + String(repeating: "a", count: 30), in: catalog) }
        #expect(throws: DiagnosisError.emptyValue) { try session.provide("  ", in: catalog) }
        #expect(session.currentNode == "app-id", "a refused value changes nothing")

        var key = try DiagnosisSession.start(tree: "acme-v2", from: F.code("E_KEY"), in: catalog)
        #expect(throws: DiagnosisError.invalidValue(.badFormat(.guid))) { try key.provide("sk_live_123", in: catalog) }
        let message = DiagnosisError.invalidValue(.badFormat(.guid)).description
        #expect(message.hasPrefix("that is not a GUID (8-4-4-4-12 hexadecimal digits"))
        #expect(!message.contains("sk_live"), "a refused secret is never repeated")
        try key.provide("{3F2A1B4C-5D6E-4F80-9A1B-2C3D4E5F6A7B}", in: catalog)
        // Optional: Enter on an empty field counts as "can't tell".
        #expect(throws: DiagnosisError.invalidValue(.badFormat(.numeric))) { try key.provide("12a", in: catalog) }
        try key.provide("", in: catalog)
        #expect(key.currentNode == "key-listed")
        #expect(key.path.last?.kind == .unknownValue(variable: "TICKET"))
    }

    @Test func formats() {
        #expect(ValueFormat.uuid.matches("3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b"))
        #expect(!ValueFormat.uuid.matches("{3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b}"))
        #expect(!ValueFormat.uuid.matches("3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7"))
        #expect(!ValueFormat.guid.matches("3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7g"))
        #expect(ValueFormat.numeric.matches("0042") && !ValueFormat.numeric.matches("-1") && !ValueFormat.numeric.matches("١٢"))
        #expect(ValueFormat.email.matches("a.b@example.com") && !ValueFormat.email.matches("a@b") && !ValueFormat.email.matches("a b@c.de"))
        #expect(ValueFormat.url.matches("https://hooks.example.com/x?y=1") && !ValueFormat.url.matches("ftp://x.y")
                && !ValueFormat.url.matches("example.com"))
    }

    // MARK: Evidence

    @Test func evidenceFillsAsksAndAnswersQuestions() throws {
        let evidence = Evidence([.code: "e_app", .region: "EU", .appID: "app-xyz", .message: "ignored"])
        var session = try DiagnosisSession.start(tree: "acme-v2", evidence: evidence, in: catalog)
        #expect(session.currentNode == "compare")
        #expect(session.values == ["REGION": "eu", "APP_ID": "app-xyz"])
        #expect(session.path.map(\.origin) == ["the pasted response", "the pasted response", "the pasted response"])
        #expect(session.path.map(\.answerText) == ["E_APP (from the pasted response)", "eu (from the pasted response)",
                                                   "app-xyz (from the pasted response)"])
        // Changeable: back returns to the last filled step, which is then asked.
        let wentBack = session.back()
        #expect(wentBack)
        #expect(session.currentNode == "app-id")
        try session.provide("app-other", in: catalog)
        #expect(session.values["APP_ID"] == "app-other")
        // A jump to the start and a new answer fill the later steps from the evidence again.
        let jumped = session.jump(toStep: 0)
        #expect(jumped)
        try session.choose(0, in: catalog)
        #expect(session.currentNode == "compare")
        #expect(session.values["APP_ID"] == "app-xyz")
        // Evidence that does not fit (no match, a bad value) is not used.
        let bad = try DiagnosisSession.start(tree: "acme-v2", evidence: Evidence([.code: "E_OTHER", .region: "asia"]), in: catalog)
        #expect(bad.currentNode == "which-error" && bad.path.isEmpty)
        // The transcript says where the answers came from.
        let transcript = Transcript(session: session, catalog: catalog, date: DiagnosisFixtures.date)
        #expect(transcript.markdown.contains("Answer: eu (from the pasted response)"))
        #expect(transcript.json.contains("\"from\" : \"the pasted response\""))
        // The session survives saving with its evidence.
        let data = try JSONEncoder().encode(session)
        let restored = try JSONDecoder().decode(DiagnosisSession.self, from: data)
        #expect(restored == session)
        #expect(restored.values == session.values)
    }

    // MARK: Not determined

    @Test func aNotDeterminedConclusionIsAKindOfItsOwn() throws {
        var session = try DiagnosisSession.start(tree: "acme-v2", in: catalog)
        for _ in 0..<4 { try session.cantTell(in: catalog) }
        #expect(session.isFinished && !session.isDetermined && !session.reachedDetermined)
        guard case let .notDetermined(conclusion)? = session.current(in: catalog)?.kind else {
            Issue.record("not a notDetermined step")
            return
        }
        #expect(conclusion.diagnosis == "Not determined from the ticket: which app the install belongs to")
        let transcript = Transcript(session: session, catalog: catalog, date: DiagnosisFixtures.date)
        #expect(transcript.json.contains("\"determined\" : false"))
        #expect(transcript.markdown.contains("## Not determined from the ticket: which app the install belongs to"))
        #expect(transcript.markdown.contains("What to collect:"))
        #expect(transcript.markdown.contains("Check: Look at \"code\" in the JSON body."))
        #expect(transcript.document.steps.allSatisfy { $0.cantTell == true })
        // Back from it: determined again until the next conclusion.
        session.back()
        #expect(!session.isFinished && session.isDetermined)
        try session.choose(0, in: catalog)
        #expect(session.reachedDetermined)
        #expect(Transcript(session: session, catalog: catalog, date: DiagnosisFixtures.date).json.contains("\"determined\" : true"))
    }

    // MARK: Placeholders

    @Test func placeholdersWithFallbacks() {
        let text = "App @APP_ID|the app id@ in @REGION@, mail a@b.com, @lower|x@ and @ALONE"
        #expect(Placeholders.occurrences(in: text).map(\.name) == ["APP_ID", "REGION"])
        #expect(Placeholders.occurrences(in: text).map(\.fallback) == ["the app id", nil])
        #expect(Placeholders.fill(text, values: [:]) == "App the app id in @REGION@, mail a@b.com, @lower|x@ and @ALONE")
        #expect(Placeholders.fill(text, values: ["APP_ID": "a1", "REGION": "eu"])
                == "App a1 in eu, mail a@b.com, @lower|x@ and @ALONE")
        #expect(Placeholders.fill("@K|the key@", values: ["K": "s"], secret: ["K"]) == "[secret]")
    }

    // MARK: Examples

    @Test func theFixtureExamplesPassAndMismatchesSayWhere() throws {
        for example in catalog.examples {
            let result = ExampleRunner.run(example, in: catalog)
            #expect(result.passed, "\(result.message ?? "")")
            #expect(result.reached == example.expect)
            #expect(result.answersUsed == example.answers.count)
        }
        var wrong = catalog.examples[0]
        wrong.expect = "escalate"
        #expect(ExampleRunner.run(wrong, in: catalog).message
                == "tests/acme.yaml:2: expected conclusion escalate, reached wrong-app after 3 answers")
        var short = catalog.examples[0]
        short.answers = [.text("eu")]
        #expect(ExampleRunner.run(short, in: catalog).message
                == "tests/acme.yaml:2: expected conclusion wrong-app, reached no conclusion (stopped at 'app-id') after 1 answer")
        var refused = catalog.examples[0]
        refused.answers = [.text("asia")]
        #expect(ExampleRunner.run(refused, in: catalog).message
                == "tests/acme.yaml:2: expected conclusion wrong-app, but answer 1 'asia' was refused at 'region': answer one of us, eu or in")
        var long = catalog.examples[0]
        long.answers += [.text("1")]
        #expect(ExampleRunner.run(long, in: catalog).message?.hasSuffix("reached wrong-app after 3 answers, with 1 answer left over") == true)
    }
}
