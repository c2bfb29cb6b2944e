import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// Issue 18: standard error formats named even when the vendor is not in the catalog; empty input said plainly;
/// the exact vendor message winning over a near one; a reason phrase, a docs link or a request-log link never
/// taken for evidence it is not; console object literals and log arrows read.
@Suite("Explain: standard formats and exact evidence")
struct ExplainFormatsTests {
    let searcher = Searcher(catalog: Fixtures.shipped.catalog)

    private func explain(_ text: String) -> Explanation {
        Explainer.explain(PasteInput(text: text), searcher: searcher)
    }

    // MARK: Envelopes

    @Test func stripeIsNamedAndNotMatchedAgainstTheCatalog() throws {
        let result = explain("""
            HTTP/1.1 402 Payment Required
            {"error": {"code": "card_declined", "decline_code": "insufficient_funds", "doc_url": "https://stripe.com/docs/error-codes/card-declined", "message": "Your card has insufficient funds.", "request_log_url": "https://dashboard.stripe.com/test/logs/req_abc123", "type": "card_error"}}
            """)
        let envelope = try #require(result.envelopes.first)
        #expect(envelope.format == "Stripe error")
        #expect(envelope.vendor == "Stripe")
        #expect(envelope.code == "card_declined")
        #expect(envelope.docs == "https://stripe.com/docs/error-codes/card-declined")
        #expect(envelope.requestLog == "https://dashboard.stripe.com/test/logs/req_abc123")
        #expect(envelope.details.contains("decline_code: insufficient_funds"))
        #expect(result.foreignEnvelopes(in: Fixtures.shipped.catalog) == [envelope])
        #expect(result.candidates.isEmpty, "no CometChat code for a Stripe body: \(result.candidates)")
        #expect(result.searchResults.isEmpty, "no unrelated codes listed")
        #expect(result.evidence[.host] == nil, "the request-log link is not the request")
        #expect(result.evidence[.message] == "Your card has insufficient funds.")
    }

    @Test func googleStatusWithErrorInfo() throws {
        let result = explain("""
            {"error": {"code": 403, "message": "Permission denied on resource project demo.", "status": "PERMISSION_DENIED",
             "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_SERVICE_BLOCKED",
             "domain": "googleapis.com", "metadata": {"service": "pubsub.googleapis.com"}},
             {"@type": "type.googleapis.com/google.rpc.Help", "links": [{"description": "docs", "url": "https://cloud.google.com/docs"}]}]}}
            """)
        let envelope = try #require(result.envelopes.first)
        #expect(envelope.format == "google.rpc.Status")
        #expect(envelope.code == "API_KEY_SERVICE_BLOCKED")
        #expect(envelope.vendor == "googleapis.com")
        #expect(envelope.status == 403)
        #expect(envelope.details.contains("service: pubsub.googleapis.com"))
        #expect(envelope.docs == "https://cloud.google.com/docs")
        #expect(result.evidence[.httpStatus] == "403")
    }

    @Test func twilioGitHubAzureJSONAPIAndProblemDetails() throws {
        let twilio = try #require(explain(#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#).envelopes.first)
        #expect(twilio.format == "Twilio error" && twilio.vendor == "Twilio" && twilio.code == "20404" && twilio.status == 404)

        let gitHub = try #require(explain(#"{"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}], "documentation_url": "https://docs.github.com/rest/issues"}"#).envelopes.first)
        #expect(gitHub.format == "GitHub error" && gitHub.vendor == "GitHub" && gitHub.code == "missing_field")
        #expect(gitHub.details == ["error: resource Issue, field title, code missing_field"])

        let azure = try #require(explain(#"{"error": {"code": "InvalidResourceName", "message": "Resource name is invalid.", "target": "name", "details": [], "innererror": {}}}"#).envelopes.first)
        #expect(azure.format == "Azure error" && azure.code == "InvalidResourceName" && azure.details == ["target: name"])

        let jsonAPI = try #require(explain(#"{"errors": [{"status": "422", "code": "too_short", "title": "Invalid Attribute", "detail": "First name must contain at least two characters.", "source": {"pointer": "/data/attributes/firstName"}}]}"#).envelopes.first)
        #expect(jsonAPI.format == "JSON:API errors" && jsonAPI.status == 422 && jsonAPI.code == "too_short")
        #expect(jsonAPI.details == ["pointer: /data/attributes/firstName"])

        let problem = try #require(explain(#"{"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.", "status": 403, "detail": "Your current balance is 30, but that costs 50.", "instance": "/account/12345/msgs/abc"}"#).envelopes.first)
        #expect(problem.format == "RFC 9457 problem details" && problem.code == "out-of-credit" && problem.status == 403)
        #expect(problem.docs == "https://example.com/probs/out-of-credit")
        #expect(problem.vendor == nil)
    }

    @Test func theSeedVendorsBodiesAreStillTheirs() {
        #expect(explain(#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID abc does not exist."}}"#).envelopes.isEmpty)
        #expect(explain(#"{"Code": 1, "Message": "API Key not valid"}"#).envelopes.isEmpty)
        #expect(explain(#"{"message": "x", "errorCode": "INSTALL_DELETED", "ref": "r"}"#).envelopes.isEmpty)
    }

    @Test func emptyInputSaysSoAndListsNothing() {
        for text in ["", "   \n\t\n"] {
            let result = explain(text)
            #expect(result.isEmptyInput)
            #expect(result.candidates.isEmpty && result.searchResults.isEmpty)
        }
    }

    // MARK: Exact wins

    @Test func theExactVendorMessageBeatsANearOne() {
        let result = explain("Email Addresses not valid")
        #expect(result.recognised?.reference.description == "sentori:104", "\(result.candidates.map { ($0.reference, $0.score) })")
        #expect(explain("Email Address not valid").recognised?.reference.description == "sentori:100")
    }

    @Test func aReasonPhraseIsNotAVendorMessage() {
        let result = explain("400 Bad Request")
        #expect(!result.candidates.contains { $0.reasons.contains { $0.contains("vendor's") } }, "\(result.candidates.map(\.reasons))")
        #expect(result.recognised == nil)
        // The same words as the body's message still count.
        #expect(explain(#"HTTP/1.1 400 Bad Request"# + "\n" + #"{"Code": -1, "Message": "Bad request"}"#).recognised?.reference.description == "sentori:-1")
    }

    // MARK: What is and is not the request

    @Test func linksInsideABodyOrAnOSC8LinkAreNotTheRequest() {
        let body = explain(#"{"message": "see the docs", "documentation_url": "https://docs.example.org/errors"}"#)
        #expect(body.evidence[.host] == nil)
        let osc8 = explain("\u{1B}]8;;https://evil.example.net/x\u{1B}\\click\u{1B}]8;;\u{1B}\\ INSTALL_DELETED")
        #expect(osc8.evidence[.host] == nil)
        let logged = explain(#"{"url": "https://abc.api-eu.cometchat.io/v3/users", "status": 429}"#)
        #expect(logged.evidence[.host] == "abc.api-eu.cometchat.io", "a url key is the request")
    }

    @Test func aLinkRouteIsNotAUserID() {
        let result = explain("POST https://api.sentiance.com/v2/users/link -> 429")
        #expect(result.evidence[.userID] == nil)
        #expect(result.evidence[.httpStatus] == "429", "the arrow gives the status")
        #expect(result.evidence[.method] == "POST")
    }

    @Test func aConsoleObjectWithSingleQuotesIsRead() {
        let result = explain("CometChatException {code: 'ERR_GUID_NOT_FOUND', message: 'The group g-club does not exist.', details: {guid: 'g-club'}, retry: false,}")
        #expect(result.recognised?.reference.description == "cometchat:ERR_GUID_NOT_FOUND")
        #expect(result.candidates.first?.reasons.first == #""code" in a JSON body: "ERR_GUID_NOT_FOUND""#)
    }

    @Test func objectLiteralsParseAndRefuse() throws {
        let object = try #require(ObjectLiteral.parse(Data("{a: 'x\\'y', \"b\": [1, 2.5, true, null], c: {d: undefined},}".utf8)))
        #expect(object["a"] as? String == "x'y")
        #expect((object["b"] as? [Any])?.count == 4)
        #expect(ObjectLiteral.parse(Data("{a: 'open".utf8)) == nil)
        #expect(ObjectLiteral.parse(Data("{a b}".utf8)) == nil)
        let deep = String(repeating: "{a:", count: 100) + "1" + String(repeating: "}", count: 100)
        #expect(ObjectLiteral.parse(Data(deep.utf8)) == nil, "nesting is bounded")
    }
}
