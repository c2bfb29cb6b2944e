import BuiltinCatalog
import Foundation
import Testing
import TriageCore

@Suite("Diagnosis session")
struct DiagnosisSessionTests {
    let catalog = DiagnosisFixtures.catalog
    typealias F = DiagnosisFixtures

    @Test func startsAtTheStartQuestion() throws {
        let session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        #expect(session.tree == "acme-auth")
        #expect(session.code == nil)
        #expect(session.path.isEmpty)
        #expect(!session.isFinished)
        let current = try #require(session.current(in: catalog))
        #expect(current.index == 0)
        #expect(current.node == "which-error")
        #expect(current.kind == .question(prompt: "Which error code did Acme return?",
                                          detail: "Look at \"code\" in the JSON body.",
                                          answers: ["E_APP", "E_KEY", "Another code"], impliedAnswer: nil))
    }

    @Test func chooseAndProvideFillLaterText() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(0, in: catalog)
        #expect(session.current(in: catalog)?.kind
            == .ask(prompt: "Which app id does the SDK use?", detail: "The appId passed to init.", variable: "APP_ID", secret: false))
        try session.provide("  app-123 \n", in: catalog)
        #expect(session.values == ["APP_ID": "app-123"])
        #expect(session.current(in: catalog)?.prompt == "Which environment does app app-123 belong to?")
        try session.choose(0, in: catalog)
        #expect(session.isFinished)
        let conclusion = try #require(session.current(in: catalog)?.conclusion)
        #expect(conclusion.diagnosis == "App app-123 belongs to another environment")
        #expect(conclusion.explanation == "The request used app id app-123.")
        #expect(conclusion.steps == ["Use the app id of the install's environment instead of app-123.", "Retry the request."])
        #expect(conclusion.related == [F.code("E_GONE")])
        #expect(conclusion.escalate == Escalation(when: "The ids match and the error persists.",
                                                  include: ["the app id app-123", "the request id"]))
        #expect(session.path.map(\.prompt) == [
            "Which error code did Acme return?", "Which app id does the SDK use?",
            "Which environment does app app-123 belong to?",
        ])
        #expect(session.path.map(\.answer) == ["E_APP", "app-123", "Not the install's environment"])
        #expect(session.path.map(\.kind) == [
            .question(answer: 0, impliedBy: nil), .ask(variable: "APP_ID", secret: false), .question(answer: 0, impliedBy: nil),
        ])
        #expect(session.path.allSatisfy { $0.isAnswered && !$0.isImplied })
    }

    @Test func startingFromACodeSkipsTheQuestionsItAnswers() throws {
        let session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_KEY"), in: catalog)
        #expect(session.code == F.code("E_KEY"))
        #expect(session.current(in: catalog)?.node == "api-key")
        let step = try #require(session.path.first)
        #expect(session.path.count == 1)
        #expect(step.isImplied && !step.isAnswered)
        #expect(step.impliedBy == F.code("E_KEY"))
        #expect(step.kind == .question(answer: 1, impliedBy: F.code("E_KEY")))
        #expect(step.answer == "E_KEY")
        #expect(step.answerText == "E_KEY (implied by code acme:E_KEY)")
    }

    @Test func startByCodeChoosesTheMostSpecificTree() throws {
        let session = try DiagnosisSession.start(code: F.code("E_KEY"), in: catalog)
        #expect(session.tree == "acme-auth")
        #expect(session.current(in: catalog)?.node == "api-key")
        #expect(DiagnosisSession.trees(for: F.code("E_APP"), in: catalog).map(\.id) == ["acme-auth", "acme-state"])
        #expect(DiagnosisSession.trees(for: F.code("E_GONE"), in: catalog).map(\.id) == ["acme-extra", "acme-state"])
        #expect(try DiagnosisSession.start(code: F.code("E_GONE"), in: catalog).tree == "acme-extra")
        #expect(throws: DiagnosisError.noTree(F.code("E_NONE"))) {
            try DiagnosisSession.start(code: F.code("E_NONE"), in: catalog)
        }
    }

    @Test func gotoIsFollowedAndImpliedAnswersApplyInTheNextTree() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        try session.provide("app-1", in: catalog)
        try session.choose(1, in: catalog)  // same environment -> goto acme-state -> which-state implied by E_APP
        #expect(session.currentTree == "acme-state")
        #expect(session.currentNode == "install-exists")
        let path = session.path
        #expect(path.map(\.node) == ["which-error", "app-id", "environment", "to-state", "which-state"])
        #expect(path[3].kind == .link(tree: "acme-state", node: nil))
        #expect(path[3].prompt == "Continued in tree Acme install state")
        #expect(path[3].answerText == "continued in tree Acme install state (acme-state)")
        #expect(!path[3].isAnswered && !path[3].isImplied)
        #expect(path[4].tree == "acme-state")
        #expect(path[4].answerText == "The install belongs to another app (implied by code acme:E_APP)")
        try session.choose(0, in: catalog)
        #expect(session.isFinished)
        #expect(session.current(in: catalog)?.conclusion?.diagnosis == "Acme must look at it")
    }

    @Test func gotoToANamedNode() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(1, in: catalog)
        try session.provide("sk_live_SECRET", in: catalog)
        try session.choose(1, in: catalog)
        #expect(session.currentTree == "acme-state")
        #expect(session.currentNode == "install-exists")
        #expect(session.path.last?.kind == .link(tree: "acme-state", node: "install-exists"))
    }

    @Test func backGoesToTheLastAnsweredStepOverImpliedOnes() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        try session.provide("app-1", in: catalog)
        session.setNote("customer sent a HAR file")
        try session.choose(1, in: catalog)  // -> link, implied which-state, install-exists
        #expect(session.path.count == 5)
        #expect(did { session.back() })  // over implied which-state and the link, to environment
        #expect(session.currentNode == "environment")
        #expect(session.note == "customer sent a HAR file")
        #expect(session.path.count == 2)
        #expect(did { session.back() })  // to app-id; the implied start question stays
        #expect(session.currentNode == "app-id")
        #expect(session.values.isEmpty)
        #expect(session.path.map(\.isImplied) == [true])
        #expect(!did { session.back() })  // nothing the engineer answered is left
        #expect(session.currentNode == "app-id")
        #expect(session.path.count == 1)
    }

    @Test func backSeveralStepsAtOnce() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(0, in: catalog)
        try session.provide("app-1", in: catalog)
        try session.choose(0, in: catalog)
        #expect(session.isFinished)
        #expect(did { session.back(2) })
        #expect(!session.isFinished)
        #expect(session.currentNode == "app-id")
        #expect(did { session.back(5) })  // goes as far as it can
        #expect(session.currentNode == "which-error")
        #expect(session.path.isEmpty)
    }

    @Test func jumpReturnsToAnEarlierStep() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        try session.provide("app-1", in: catalog)
        try session.choose(1, in: catalog)
        #expect(session.path.count == 5)
        #expect(did { session.jump(toStep: 5) })  // the current step: nothing changes
        #expect(session.path.count == 5)
        #expect(!did { session.jump(toStep: 6) })
        #expect(!did { session.jump(toStep: -1) })
        #expect(did { session.jump(toStep: 3) })  // a link: lands on the step after it, the implied question
        #expect(session.currentTree == "acme-state")
        #expect(session.currentNode == "which-state")
        #expect(session.path.count == 4)
        // The implied question is now shown so the engineer can overrule the code.
        let current = try #require(session.current(in: catalog))
        #expect(current.kind == .question(prompt: "What does the install lookup say?", detail: nil,
                                          answers: ["The install belongs to another app", "The install is gone"],
                                          impliedAnswer: 0))
        try session.choose(1, in: catalog)
        #expect(session.current(in: catalog)?.conclusion?.diagnosis == "The install was deleted")
        #expect(session.path.last?.isAnswered == true)
        #expect(did { session.jump(toStep: 0) })  // back to the very start, overruling the start code there too
        #expect(session.path.isEmpty)
        #expect(session.currentNode == "which-error")
        #expect(session.values.isEmpty)
        try session.choose(2, in: catalog)
        #expect(session.current(in: catalog)?.conclusion?.diagnosis == "Not an authentication error")
    }

    @Test func restartDropsAnswersAndNotesAndKeepsTheCode() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        try session.provide("app-1", in: catalog)
        session.setNote("a note", forStep: 0)
        session.setNote("current note")
        session.restart(in: catalog)
        let fresh = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        #expect(session == fresh)
        #expect(session.note == nil)
        #expect(session.path.map(\.note) == [nil])
    }

    @Test func notesOnAnyStep() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        #expect(did { session.setNote("implied, but checked in the logs", forStep: 0) })
        session.setNote("  asked the customer  ")
        #expect(session.note == "asked the customer")
        #expect(session.current(in: catalog)?.note == "asked the customer")
        try session.provide("app-1", in: catalog)
        #expect(session.note == nil)
        #expect(session.path.map(\.note) == ["implied, but checked in the logs", "asked the customer"])
        #expect(did { session.setNote("   ", forStep: 1) })
        #expect(session.path[1].note == nil)
        #expect(!did { session.setNote("x", forStep: 3) })
        #expect(did { session.setNote("on the current step", forStep: 2) })
        #expect(session.current(in: catalog)?.note == "on the current step")
    }

    @Test func secretsAreMaskedEverywhereButWhereTyped() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_KEY"), in: catalog)
        #expect(session.current(in: catalog)?.kind
            == .ask(prompt: "Which API key does the request send?", detail: nil, variable: "API_KEY", secret: true))
        try session.provide("sk_live_SECRET", in: catalog)
        #expect(session.values["API_KEY"] == "sk_live_SECRET")
        #expect(session.secretVariables == ["API_KEY"])
        #expect(session.current(in: catalog)?.prompt == "Is the key [secret] listed in the dashboard?")
        #expect(session.path[1].answer == "[secret]")
        #expect(session.path[1].kind == .ask(variable: "API_KEY", secret: true))
        try session.choose(0, in: catalog)
        let conclusion = try #require(session.current(in: catalog)?.conclusion)
        #expect(conclusion.diagnosis == "The key [secret] does not exist")
        #expect(conclusion.steps == ["Create a new key to replace [secret]."])
        #expect(!session.path.contains { "\($0)".contains("SECRET") })
    }

    @Test func codableRoundTrip() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        try session.provide("app-1", in: catalog)
        session.setNote("note on the current step")
        session.setNote("note on the implied step", forStep: 0)
        let data = try JSONEncoder().encode(session)
        var restored = try JSONDecoder().decode(DiagnosisSession.self, from: data)
        #expect(restored == session)
        #expect(restored.path == session.path)
        #expect(restored.current(in: catalog) == session.current(in: catalog))
        try restored.choose(0, in: catalog)
        #expect(restored.current(in: catalog)?.conclusion?.diagnosis == "App app-1 belongs to another environment")
        #expect(did { restored.back() })
        #expect(restored.currentNode == "environment")
        #expect(restored.note == "note on the current step")
        #expect(did { restored.back() })
        #expect(restored.currentNode == "app-id")
        #expect(restored.path.map(\.note) == ["note on the implied step"])
    }

    @Test func savedSessionsKeepSecretsUnlessRedacted() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_KEY"), in: catalog)
        try session.provide("sk_live_SECRET", in: catalog)
        let saved = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
        #expect(saved.contains("sk_live_SECRET"))  // needed to continue; documented

        var redacted = session.redacted()
        let redactedText = String(decoding: try JSONEncoder().encode(redacted), as: UTF8.self)
        #expect(!redactedText.contains("SECRET"))
        #expect(redacted.values["API_KEY"] == "[secret]")
        #expect(redacted.path == session.path)
        #expect(redacted.current(in: catalog) == session.current(in: catalog))
        try redacted.choose(0, in: catalog)
        #expect(redacted.current(in: catalog)?.conclusion?.diagnosis == "The key [secret] does not exist")
    }

    @Test func errors() throws {
        #expect(throws: DiagnosisError.unknownTree("acme-auht", suggestions: ["acme-auth"])) {
            try DiagnosisSession.start(tree: "acme-auht", in: catalog)
        }
        #expect(DiagnosisError.unknownTree("acme-auht", suggestions: ["acme-auth"]).description
            == "unknown decision tree 'acme-auht'; did you mean 'acme-auth'?")
        #expect(throws: DiagnosisError.codeNotDiagnosed(F.code("E_GONE"), tree: "acme-auth")) {
            try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_GONE"), in: catalog)
        }

        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let before = session
        #expect(throws: DiagnosisError.answerOutOfRange(3, count: 3)) { try session.choose(3, in: catalog) }
        #expect(DiagnosisError.answerOutOfRange(3, count: 3).description == "there is no answer 4; choose 1 to 3")
        #expect(throws: DiagnosisError.answerOutOfRange(-1, count: 3)) { try session.choose(-1, in: catalog) }
        #expect(throws: DiagnosisError.notAnAsk) { try session.provide("x", in: catalog) }
        #expect(session == before)

        try session.choose(0, in: catalog)
        #expect(throws: DiagnosisError.notAQuestion) { try session.choose(0, in: catalog) }
        #expect(throws: DiagnosisError.emptyValue) { try session.provide(" \t ", in: catalog) }
        try session.provide("app-1", in: catalog)
        try session.choose(0, in: catalog)
        #expect(throws: DiagnosisError.notAQuestion) { try session.choose(0, in: catalog) }
        #expect(throws: DiagnosisError.notAnAsk) { try session.provide("x", in: catalog) }
    }

    @Test func aSessionThatNoLongerMatchesTheCatalog() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        #expect(session.current(in: .empty) == nil)
        #expect(throws: DiagnosisError.unknownNode(tree: "acme-auth", node: "which-error")) {
            try session.choose(0, in: .empty)
        }
        session.restart(in: .empty)
        #expect(session.current(in: .empty) == nil)
        session.restart(in: catalog)
        #expect(session.current(in: catalog)?.node == "which-error")
    }

    @Test func brokenGotoIsReported() throws {
        let (broken, problems) = CatalogLoader.load([CatalogSource(name: "test", files: [
            ("vendors/acme.yaml", F.vendor),
            ("trees/loop.yaml", """
                id: loop
                title: Broken
                vendors: [acme]
                start: ask
                nodes:
                  ask:
                    question: Where to?
                    answers:
                      - label: Nowhere
                        next: away
                      - label: Here
                        next: here
                  away:
                    goto: missing-tree
                  here:
                    goto: loop
                    node: here
                """),
        ])])
        #expect(!problems.isEmpty)
        var session = try DiagnosisSession.start(tree: "loop", in: broken)
        let before = session
        #expect(throws: DiagnosisError.unknownTree("missing-tree", suggestions: [])) { try session.choose(0, in: broken) }
        #expect(throws: DiagnosisError.cycle(tree: "loop", node: "here")) { try session.choose(1, in: broken) }
        #expect(session == before)
    }
}

/// Runs a mutating call and returns its result; `#expect` cannot expand mutating calls itself.
func did(_ body: () -> Bool) -> Bool { body() }

/// Engine invariants on the shipped trees, whatever their content: every node reachable by answering is shown
/// with its texts, never as a link; every walk ends at a conclusion; every listed code starts its tree. (The
/// shipped trees' own paths are tested elsewhere; a catalog with problems is reported by the lint tests.)
@Suite("Diagnosis on the shipped catalog")
struct ShippedDiagnosisTests {
    static let shipped = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files)])
    let catalog = Self.shipped.catalog

    @Test(.enabled(if: shipped.problems.isEmpty && !shipped.catalog.trees.isEmpty))
    func everyShippedTreeCanBeWalkedToItsConclusions() throws {
        for tree in catalog.trees {
            let start = try DiagnosisSession.start(tree: tree.id, in: catalog)
            var seen = Set<String>()
            var stack = [start]
            var conclusions = 0
            while let session = stack.popLast() {
                let current = try #require(session.current(in: catalog), "\(tree.id): \(session.currentNode)")
                guard seen.insert("\(current.tree)/\(current.node)").inserted else { continue }
                #expect(current.index == session.path.count)
                switch current.kind {
                case let .question(_, _, answers, implied):
                    #expect(answers.count >= 2)
                    #expect(implied == nil)
                    for index in answers.indices {
                        var next = session
                        try next.choose(index, in: catalog)
                        var back = next
                        #expect(did { back.back() })
                        #expect(back == session, "\(tree.id): back after \(current.node)")
                        stack.append(next)
                    }
                case .ask:
                    var next = session
                    try next.provide(ShippedWalk.sampleValue(for: current.rules ?? ValueRules()) ?? "value-1", in: catalog)
                    stack.append(next)
                case let .conclusion(conclusion), let .notDetermined(conclusion):
                    conclusions += 1
                    #expect(session.isFinished)
                    #expect(!conclusion.steps.isEmpty)
                    // Every placeholder of the conclusion is filled by the values typed on the way.
                    #expect(Placeholders.names(in: [conclusion.diagnosis, conclusion.explanation ?? ""] + conclusion.steps).isEmpty,
                            "\(tree.id)/\(current.node)")
                    let transcript = Transcript(session: session, catalog: catalog, date: DiagnosisFixtures.date)
                    #expect(transcript.document.conclusion != nil)
                }
            }
            #expect(conclusions > 0, "\(tree.id)")
        }
    }

    @Test(.enabled(if: shipped.problems.isEmpty && !shipped.catalog.trees.isEmpty))
    func everyListedCodeStartsItsTrees() throws {
        for tree in catalog.trees {
            for code in tree.codes {
                let session = try DiagnosisSession.start(tree: tree.id, from: code, in: catalog)
                let current = try #require(session.current(in: catalog))
                if case let .question(_, _, _, implied) = current.kind { #expect(implied == nil) }
                #expect(DiagnosisSession.trees(for: code, in: catalog).contains { $0.id == tree.id })
                if tree.codes.count > 1 {
                    // A tree of several codes skips its "which code" question.
                    #expect(session.path.contains { $0.impliedBy == code }, "\(tree.id) from \(code)")
                }
            }
        }
    }
}
