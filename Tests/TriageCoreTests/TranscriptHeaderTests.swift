import Foundation
import Testing
import TriageCore

/// A transcript that stands alone in the ticket: the header (`TranscriptContext`), the evidence table and the
/// masked paste, in Markdown and JSON.
@Suite("Transcript header, evidence and paste")
struct TranscriptHeaderTests {
    let catalog = DiagnosisFixtures.catalog
    typealias F = DiagnosisFixtures

    static let paste = """
        HTTP/1.1 401 Unauthorized
        Authorization: Bearer sk_live_TOPSECRET123
        {"error": "E_KEY", "ref": "R-4711", "api_key": "sk_live_TOPSECRET123"}
        """

    static let context = TranscriptContext(
        ticket: "SUP-1234", sessionID: 42, engineer: "alice", host: "support-box", catalogVersion: "triage 0.2.0, catalog 00000000deadbeef",
        started: F.date, ended: F.date.addingTimeInterval(300))

    func pastedSession() throws -> DiagnosisSession {
        let evidence = Evidence([.ref: "R-4711", .httpStatus: "401", .message: "a | pipe"])
        var session = try DiagnosisSession.start(tree: "acme-auth", from: F.code("E_KEY"), evidence: evidence,
                                                 paste: Self.paste, in: catalog)
        try session.provide("sk_live_OTHER", in: catalog)
        try session.choose(0, in: catalog)
        return session
    }

    @Test func markdownHasTheHeaderTheEvidenceAndTheMaskedPaste() throws {
        let markdown = Transcript(session: try pastedSession(), catalog: catalog, date: F.date, context: Self.context).markdown
        #expect(markdown.hasPrefix("""
            # Diagnosis: Acme refuses the request

            - Ticket: SUP-1234
            - Session: #42
            - Engineer: alice
            - Host: support-box
            - Tree: `acme-auth`
            - Catalog: triage 0.2.0, catalog 00000000deadbeef
            - Started from: `acme:E_KEY` (Acme Cloud): The API key was refused.
            - Started: 2024-05-01T12:00:00Z
            - Ended: 2024-05-01T12:05:00Z
            - Time: 2024-05-01T12:00:00Z

            ## Evidence (from the pasted response)

            | Fact | Value |
            | --- | --- |
            | http_status | 401 |
            | ref | R-4711 |
            | message | a \\| pipe |

            ## Pasted response (secrets masked)

            ```text
            HTTP/1.1 401 Unauthorized
            Authorization: Bearer [secret]
            {"error": "E_KEY", "ref": "R-4711", "api_key": "[secret]"}
            ```

            ## Questions

            """))
        // Header, evidence, paste, path, conclusion: in that order.
        let order = ["- Ticket:", "## Evidence", "## Pasted response", "## Questions", "## Conclusion"]
            .map { markdown.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(!markdown.contains("TOPSECRET"))
        #expect(!markdown.contains("sk_live_OTHER"))
    }

    @Test func jsonHasTheSameFieldsInSnakeCase() throws {
        let transcript = Transcript(session: try pastedSession(), catalog: catalog, date: F.date, context: Self.context)
        let json = transcript.json
        #expect(!json.contains("TOPSECRET"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["ticket"] as? String == "SUP-1234")
        #expect(object["session_id"] as? Int == 42)
        #expect(object["engineer"] as? String == "alice")
        #expect(object["host"] as? String == "support-box")
        #expect(object["catalog_version"] as? String == "triage 0.2.0, catalog 00000000deadbeef")
        #expect(object["started_at"] as? String == "2024-05-01T12:00:00Z")
        #expect(object["ended_at"] as? String == "2024-05-01T12:05:00Z")
        let evidence = try #require(object["evidence"] as? [String: Any])
        #expect(evidence["origin"] as? String == "the pasted response")
        let facts = try #require(evidence["facts"] as? [[String: String]])
        #expect(facts.map { $0["key"] ?? "" } == ["http_status", "ref", "message"])
        #expect(facts[1]["value"] == "R-4711")
        let paste = try #require(object["paste"] as? String)
        #expect(paste.contains("Authorization: Bearer [secret]"))
        #expect(paste.contains("\"ref\": \"R-4711\""))
        let document = try JSONDecoder().decode(Transcript.Document.self, from: Data(json.utf8))
        #expect(document == transcript.document)
    }

    @Test func aDiagnosisWithoutPasteOrTicketStillReadsWell() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        try session.choose(0, in: catalog)
        let context = TranscriptContext(engineer: "bob", started: F.date)
        let transcript = Transcript(session: session, catalog: catalog, date: F.date, context: context)
        #expect(transcript.markdown.hasPrefix("""
            # Diagnosis: Acme refuses the request

            - Engineer: bob
            - Tree: `acme-auth`
            - Started: 2024-05-01T12:00:00Z
            - Ended: not yet (the diagnosis is open)
            - Time: 2024-05-01T12:00:00Z

            ## Questions

            """))
        #expect(!transcript.markdown.contains("Ticket"))
        #expect(!transcript.markdown.contains("## Evidence"))
        #expect(!transcript.markdown.contains("## Pasted"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(transcript.json.utf8)) as? [String: Any])
        #expect(object["ticket"] == nil)
        #expect(object["paste"] == nil)
        #expect(object["evidence"] == nil)
        #expect(object["ended_at"] == nil)
        #expect(!transcript.json.contains("null"))
    }

    @Test func thePasteIsMaskedBoundedKeptAcrossRestartAndStored() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        session.attachPaste("x-api-key: sk_live_HIDDEN\n" + String(repeating: "a", count: 100_000))
        let paste = try #require(session.paste)
        #expect(!paste.contains("HIDDEN"))
        #expect(paste.hasPrefix("x-api-key: [secret]\n"))
        #expect(paste.utf8.count < DiagnosisSession.pasteLimit + 100)
        #expect(paste.hasSuffix("more bytes not kept]"))
        session.restart(in: catalog)
        #expect(session.paste == paste)
        // Stored and read back unchanged; a stored session without a paste still decodes.
        let data = try JSONEncoder().encode(session)
        #expect(try JSONDecoder().decode(DiagnosisSession.self, from: data) == session)
        let plain = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("paste"))
        #expect(try JSONDecoder().decode(DiagnosisSession.self, from: JSONEncoder().encode(plain)).paste == nil)
        // A fence in the paste does not end the block early.
        var fenced = plain
        fenced.attachPaste("look: ```\ncode\n```")
        #expect(Transcript(session: fenced, catalog: catalog, date: F.date).markdown.contains("````text\nlook: ```\ncode\n```\n````"))
        fenced.attachPaste("  \n")
        #expect(fenced.paste == nil)
    }

    @Test func theCatalogVersionIsTriagesVersionAndTheCatalogItIsMadeWith() throws {
        let session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        let context = TranscriptContext(triageVersion: "9.9.9")
        let document = Transcript(session: session, catalog: catalog, date: F.date, context: context).document
        #expect(document.catalogVersion == "triage 9.9.9, catalog from YAML sources")
        #expect(TranscriptContext.catalogVersion(of: catalog, triage: "1.0") == "triage 1.0, catalog from YAML sources")
        // Given outright, it is written as given.
        var given = context
        given.catalogVersion = "pinned"
        #expect(Transcript(session: session, catalog: catalog, date: F.date, context: given).document.catalogVersion == "pinned")
    }
}
