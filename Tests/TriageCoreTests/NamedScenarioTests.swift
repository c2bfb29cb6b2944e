import Testing
import TestSupport
@testable import TriageCore

/// The two cases Triage is known for end at the resolutions the vendors' documents give.
@Suite struct NamedScenarioTests {
    let catalog = Fixtures.shipped.catalog

    private func conclusion(_ session: DiagnosisSession) throws -> Conclusion {
        let step = try #require(session.current(in: catalog))
        return try #require(step.conclusion, "not at a conclusion: \(step)")
    }

    @Test func wrongSentianceEnvironmentFromTheCode() throws {
        var session = try DiagnosisSession.start(tree: "sentiance-wrong-environment",
                                                 from: CodeReference(vendor: "sentiance", code: "INSTALL_DOES_NOT_BELONG_TO_APP"),
                                                 in: catalog)
        #expect(session.path.first?.isImplied == true, "the code question is answered by the code")
        try session.provide("install-7f3c", in: catalog)
        try session.provide("staging-app-id", in: catalog)
        try session.provide("production-app-id", in: catalog)
        try session.choose(0, in: catalog)
        #expect(session.isFinished)
        #expect(session.currentNode == "wrong-environment")
        let result = try conclusion(session)
        #expect(result.diagnosis.contains("production-app-id"), "the conclusion names the app id the request used")
        #expect(result.steps.contains { $0.contains("app_id belonging to the right environment") })
        #expect(result.steps.contains { $0.contains("staging-app-id") })
        #expect(result.escalate?.include.contains { $0.contains("ref") } == true)
    }

    @Test func wrongEnvironmentReachedFromTheUserLinkingFamilyTree() throws {
        var session = try DiagnosisSession.start(tree: "sentiance-user-linking", in: catalog)
        let first = try #require(session.current(in: catalog))
        guard case let .question(_, _, answers, _) = first.kind else { Issue.record("not a question"); return }
        let index = try #require(answers.firstIndex { $0.contains("INSTALL_DOES_NOT_BELONG_TO_APP") })
        try session.choose(index, in: catalog)
        #expect(session.currentTree == "sentiance-wrong-environment")
    }

    @Test func hardLinkedLegacyUser() throws {
        var session = try DiagnosisSession.start(code: CodeReference(vendor: "sentiance", code: "CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON"), in: catalog)
        #expect(session.tree == "sentiance-legacy-user")
        try session.provide("customer-42", in: catalog)
        try session.provide("install-new-phone", in: catalog)
        try session.choose(0, in: catalog)  // created before user linking
        try session.choose(0, in: catalog)  // new device
        #expect(session.currentNode == "hard-linked-legacy-user")
        let result = try conclusion(session)
        #expect(result.steps.contains { $0.contains("new user under a different Sentiance id") })
        #expect((result.explanation ?? "").contains("hard"), "explains the hard link to the first install")
    }

    @Test func cometChatAppIdSentToAnotherRegion() throws {
        var session = try DiagnosisSession.start(code: CodeReference(vendor: "cometchat", code: "AUTH_ERR_INVALID_APPID"), in: catalog)
        #expect(session.tree == "cometchat-wrong-region")
        try session.provide("12345abcde", in: catalog)
        try session.provide("us", in: catalog)
        try session.choose(0, in: catalog)  // a different region than us
        #expect(session.currentNode == "wrong-region")
        let result = try conclusion(session)
        #expect(result.steps.contains { $0.contains("https://12345abcde.api-") && $0.contains(".cometchat.io/v3") })
        #expect(result.diagnosis.contains("us") || (result.explanation ?? "").contains("us"))
    }

    @Test func everyShippedCodeStartsADiagnosis() throws {
        for entry in catalog.entries {
            for tree in catalog.trees(for: entry) {
                let session = try DiagnosisSession.start(tree: tree.id, from: entry.reference, in: catalog)
                #expect(session.current(in: catalog) != nil, "\(entry.reference) in \(tree.id)")
            }
        }
    }
}
