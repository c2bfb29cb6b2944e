import Foundation
import Testing
import TriageCore

@Suite("Transcript")
struct TranscriptTests {
    let catalog = DiagnosisFixtures.catalog
    typealias F = DiagnosisFixtures

    /// Started from E_APP: the implied question, a typed app id, a choice, and notes on three steps.
    func finishedSession() throws -> DiagnosisSession {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_APP"), in: catalog)
        session.setNote("from the ticket", forStep: 0)
        try session.provide("app-123", in: catalog)
        session.setNote("customer checked twice\nin the EU portal")
        try session.choose(0, in: catalog)
        session.setNote("sent to customer")
        return session
    }

    @Test func markdownOfAFinishedDiagnosis() throws {
        let transcript = Transcript(session: try finishedSession(), catalog: catalog, date: F.date)
        #expect(transcript.markdown == """
            # Diagnosis: Acme refuses the request

            - Tree: `acme-auth`
            - Started from: `acme:E_APP` (Acme Cloud): The app id does not match the install.
            - Time: 2024-05-01T12:00:00Z

            ## Questions

            1. Which error code did Acme return?
               Answer: E_APP (implied by code `acme:E_APP`)
               > from the ticket
            2. Which app id does the SDK use?
               Answer: app-123
            3. Which environment does app app-123 belong to?
               Answer: Not the install's environment
               > customer checked twice
               > in the EU portal

            ## Conclusion: App app-123 belongs to another environment

            > sent to customer

            The request used app id app-123.

            Steps:

            1. Use the app id of the install's environment instead of app-123.
            2. Retry the request.

            Related codes:

            - `acme:E_GONE` (Acme Cloud): The install was deleted.

            Escalate to Acme Cloud when: The ids match and the error persists.

            Include in the escalation:

            - the app id app-123
            - the request id

            """)
    }

    @Test func markdownOfAnUnfinishedDiagnosisWithASecretAndALink() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(1, in: catalog)
        try session.provide("sk_live_SECRET", in: catalog)
        try session.choose(1, in: catalog)  // listed -> goto acme-state, install-exists
        session.setNote("waiting for the customer")
        let markdown = Transcript(session: session, catalog: catalog, date: F.date).markdown
        #expect(markdown == """
            # Diagnosis: Acme refuses the request

            - Tree: `acme-auth`
            - Time: 2024-05-01T12:00:00Z

            ## Questions

            1. Which error code did Acme return?
               Answer: E_KEY
            2. Which API key does the request send?
               Answer: [secret]
            3. Is the key [secret] listed in the dashboard?
               Answer: Yes
            4. Continued in tree Acme install state (`acme-state`)

            Diagnosis not finished; stopped at: Does the install show in the dashboard?

            > waiting for the customer

            """)
    }

    @Test func secretsAreMaskedInTheConclusion() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_KEY"), in: catalog)
        try session.provide("sk_live_SECRET", in: catalog)
        try session.choose(0, in: catalog)
        let transcript = Transcript(session: session, catalog: catalog, date: F.date)
        #expect(transcript.markdown.contains("## Conclusion: The key [secret] does not exist"))
        #expect(transcript.markdown.contains("1. Create a new key to replace [secret]."))
        // The first paragraph of a code's description only.
        #expect(transcript.markdown.contains("- Started from: `acme:E_KEY` (Acme Cloud): The API key was refused.\n"))
        #expect(!transcript.markdown.contains("SECRET"))
        #expect(!transcript.json.contains("SECRET"))
    }

    @Test func jsonDecodesWithEveryField() throws {
        let transcript = Transcript(session: try finishedSession(), catalog: catalog, date: F.date)
        let document = try JSONDecoder().decode(Transcript.Document.self, from: Data(transcript.json.utf8))
        #expect(document == transcript.document)
        #expect(document.tree.id == "acme-auth")
        #expect(document.tree.title == "Acme refuses the request")
        #expect(document.startedFrom?.vendor == "acme")
        #expect(document.startedFrom?.code == "E_APP")
        #expect(document.startedFrom?.vendorName == "Acme Cloud")
        #expect(document.time == "2024-05-01T12:00:00Z")
        #expect(document.finished)
        #expect(document.stoppedAt == nil)
        #expect(document.steps.map(\.number) == [1, 2, 3])
        #expect(document.steps.map(\.kind.rawValue) == ["question", "ask", "question"])
        #expect(document.steps.map(\.answer) == ["E_APP", "app-123", "Not the install's environment"])
        #expect(document.steps.map(\.impliedBy) == ["acme:E_APP", nil, nil])
        #expect(document.steps.map(\.note) == ["from the ticket", nil, "customer checked twice\nin the EU portal"])
        let conclusion = try #require(document.conclusion)
        #expect(conclusion.diagnosis == "App app-123 belongs to another environment")
        #expect(conclusion.steps.count == 2)
        #expect(conclusion.related.map { "\($0.vendor):\($0.code)" } == ["acme:E_GONE"])
        #expect(conclusion.escalate?.include == ["the app id app-123", "the request id"])
        #expect(conclusion.note == "sent to customer")

        // Stable: sorted keys, pretty-printed, nothing left as null.
        #expect(transcript.json.hasPrefix("{\n  \"conclusion\" : {"))
        #expect(!transcript.json.contains("null"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(transcript.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["conclusion", "finished", "startedFrom", "steps", "time", "tree"])
    }

    @Test func jsonOfAnUnfinishedDiagnosis() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(0, in: catalog)
        let document = Transcript(session: session, catalog: catalog, date: F.date).document
        #expect(!document.finished)
        #expect(document.conclusion == nil)
        #expect(document.startedFrom == nil)
        let stop = try #require(document.stoppedAt)
        #expect(stop.tree == "acme-auth")
        #expect(stop.node == "app-id")
        #expect(stop.question == "Which app id does the SDK use?")
        #expect(stop.note == nil)
    }

    @Test func controlCharactersAreMadeVisible() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(0, in: catalog)
        try session.provide("app\u{1B}[31m", in: catalog)
        let markdown = Transcript(session: session, catalog: catalog, date: F.date).markdown
        #expect(!markdown.contains("\u{1B}"))
        #expect(markdown.contains("Answer: app^[[31m"))
    }
}
