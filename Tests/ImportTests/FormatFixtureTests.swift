import Foundation
import Testing
import TestSupport
import TriageCore
@testable import TriageImport

/// A document in each machine format imports to catalog YAML that lints clean.
@Suite struct FormatFixtureTests {
    private func importClean(_ format: ImportFormat, _ name: String, vendor: String) throws -> Catalog {
        let folder = TestPaths.temporaryDirectory("import-\(format.rawValue)")
        let result = try ImportFixtures.run(format, name, vendor: vendor, into: folder)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.diff.written)
        // Lint exactly as `triage lint DIR` does: on top of the built-in catalog.
        let (catalog, problems) = CatalogLoader.lint(ImportFixtures.builtIn + [CatalogSource.directory(folder.path).source])
        #expect(problems.isEmpty, "\(problems)")
        let again = try ImportFixtures.run(format, name, vendor: vendor, into: folder, date: "2027-06-01", write: false)
        #expect(!again.diff.fileChanges, "\(again.diff.lines())")
        return catalog
    }

    /// A document given as text, imported into a new folder: it must lint clean; the folder's catalog.
    private func importText(_ format: ImportFormat, _ name: String, _ text: String, vendor: String = "acme") throws -> Catalog {
        let folder = TestPaths.temporaryDirectory("import-\(format.rawValue)-text")
        let result = try ImportFixtures.run(format, name, vendor: vendor, into: folder, input: ImportInput(name: name, text: text))
        #expect(result.errors.isEmpty && result.findings.isEmpty, "\(result.errors + result.findings)")
        return ImportFixtures.load(folder).catalog
    }

    @Test func jsonRegistry() throws {
        let catalog = try importClean(.json, "voice-errors.json", vendor: "twilio-voice")
        let codes = catalog.entries(vendor: "twilio-voice")
        #expect(codes.map(\.code) == ["20101", "20104", "53001", "53400"])
        #expect(catalog.vendor(id: "twilio-voice")?.name == "Twilio Voice SDK")
        #expect(catalog.vendor(id: "twilio-voice")?.categories.map(\.id) == ["authorization", "signaling", "media"])
        let expired = try #require(codes.first { $0.code == "20104" })
        #expect(expired.httpStatus == 401 && expired.message == "Access Token expired or expiration date invalid")
        #expect(expired.causes == ["The Access Token has expired.", "The expiration time specified in the Access Token was invalid."])
        #expect(expired.checks == ["Generate a new Access Token with a valid expiration time."])
        #expect(expired.numeric == 20104)
    }

    @Test func openAPIWithAnErrorEnum() throws {
        let catalog = try importClean(.openapi, "payments-openapi.yaml", vendor: "acme-payments")
        let codes = Dictionary(uniqueKeysWithValues: catalog.entries(vendor: "acme-payments").map { ($0.code, $0) })
        #expect(Set(codes.keys) == ["amount_too_small", "resource_missing", "parameter_invalid", "card_declined", "expired_card", "rate_limit"])
        // Per-status responses and their examples give statuses; a shared envelope alone does not.
        #expect(codes["amount_too_small"]?.httpStatus == 400 && codes["resource_missing"]?.httpStatus == 404)
        #expect(codes["parameter_invalid"]?.httpStatus == nil)
        #expect(codes["card_declined"]?.httpStatus == 402 && codes["rate_limit"]?.httpStatus == 429)
        #expect(codes["amount_too_small"]?.message == "Amount must be at least 50 cents.")
        #expect(codes["card_declined"]?.description == "The card was declined by the issuer.")
        #expect(codes["rate_limit"]?.description == "Too many requests hit the API too quickly.")
        #expect(catalog.vendor(id: "acme-payments")?.docs == "https://docs.acme-payments.example/errors")
    }

    @Test func openAPI31AsJSONWithConstOneOf() throws {
        let document = """
            {"openapi": "3.1.0", "info": {"title": "Widgets", "version": "1"},
             "paths": {"/w": {"get": {"responses": {"409": {"description": "Conflict",
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {"Problem": {"type": "object", "properties": {
               "type": {"oneOf": [{"const": "widget_locked", "description": "Another request holds the widget."}]}}}}}}
            """
        let catalog = try importText(.openapi, "widgets.json", document, vendor: "widgets")
        let entry = try #require(catalog.entry(CodeReference(vendor: "widgets", code: "widget_locked")))
        #expect(entry.httpStatus == 409 && entry.description == "Another request holds the widget.")
    }

    @Test func botocoreServiceModel() throws {
        let catalog = try importClean(.botocore, "sesv2-service-2.json", vendor: "sesv2")
        let codes = Dictionary(uniqueKeysWithValues: catalog.entries(vendor: "sesv2").map { ($0.code, $0) })
        #expect(Set(codes.keys) == ["TooManyRequestsException", "LimitExceededException", "AccountSuspendedException", "BadRequest",
                                    "InternalServiceErrorException"])
        #expect(codes["TooManyRequestsException"]?.httpStatus == 429 && codes["TooManyRequestsException"]?.category == "client")
        #expect(codes["TooManyRequestsException"]?.description.contains("retryable (throttling)") == true)
        #expect(codes["InternalServiceErrorException"]?.category == "service")
        #expect(codes["BadRequest"]?.description.hasPrefix("The input you provided is invalid.") == true)
        #expect(catalog.vendor(id: "sesv2")?.name == "Amazon Simple Email Service")
    }

    @Test func htmlTableWithCategoryRows() throws {
        let html = """
            <h2>Errors</h2>
            <table>
              <thead><tr><th>Error code</th><th>Message</th><th>HTTP status</th><th>Description</th></tr></thead>
              <tbody>
                <tr><td colspan="4"><b>Authentication</b></td></tr>
                <tr><td><code>AUTH_MISSING</code></td><td>No key</td><td>401 Unauthorized</td><td>The request has no <code>Authorization</code> header.<br>Send one.</td></tr>
                <tr><td>AUTH_EXPIRED</td><td>Key expired</td><td>401</td><td>The key&rsquo;s validity ended &amp; it must be renewed.</td></tr>
                <tr><td colspan="4">Quota</td></tr>
                <tr><td>QUOTA_EXCEEDED</td><td>Too many calls</td><td>429</td><td><p>The daily quota is used up.</p></td></tr>
              </tbody>
            </table>
            """
        let catalog = try importText(.table, "errors.html", html)
        let missing = try #require(catalog.entry(CodeReference(vendor: "acme", code: "AUTH_MISSING")))
        #expect(missing.category == "authentication" && missing.httpStatus == 401 && missing.message == "No key")
        #expect(missing.description == "The request has no Authorization header.\nSend one.")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "AUTH_EXPIRED"))?.description == "The key’s validity ended & it must be renewed.")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "QUOTA_EXCEEDED"))?.category == "quota")
    }

    @Test func markdownPagesWithFieldLinesAndCategoryHeadings() throws {
        let page = """
            # Errors

            ## Authentication

            ### `KEY_INVALID` - Key not valid

            **HTTP status:** 401 Unauthorized

            The key in the *Authorization* header is not valid. See [the keys page](https://docs.example.com/keys).

            > [!NOTE]
            > Keys are per environment.

            ### KEY_EXPIRED

            Message: Key expired
            The key's validity ended:
            1. for keys older than a year;
            2. for revoked keys.

            ## Data

            ### 4004

            The row does not exist.

            ```json
            {"code": 4004}
            ```
            """
        let catalog = try importText(.markdown, "errors.md", page)
        let invalid = try #require(catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID")))
        #expect(invalid.message == "Key not valid" && invalid.httpStatus == 401 && invalid.category == "authentication")
        #expect(invalid.description == "The key in the Authorization header is not valid. See the keys page (https://docs.example.com/keys).\n\nKeys are per environment.")
        let expired = try #require(catalog.entry(CodeReference(vendor: "acme", code: "KEY_EXPIRED")))
        #expect(expired.message == "Key expired")
        #expect(expired.description == "The key's validity ended:\n1. for keys older than a year;\n2. for revoked keys.")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "4004"))?.category == "data")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "4004"))?.description == "The row does not exist.")
    }
}
