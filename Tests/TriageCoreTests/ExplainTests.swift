import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// `triage explain` on every kind of paste: vendor bodies, raw responses, curl -v, log lines, messages with a
/// status, bare codes; the evidence each gives; every kind of secret masked; hostile and huge input bounded.
@Suite struct ExplainTests {
    let searcher = Searcher(catalog: Fixtures.shipped.catalog)

    private func explain(_ text: String) -> Explanation {
        Explainer.explain(PasteInput(text: text), searcher: searcher)
    }

    private func recognised(_ text: String) -> String? {
        explain(text).recognised?.reference.description
    }

    // MARK: Body formats

    @Test func sentianceBody() {
        let result = explain(#"{"message": "Install does not belong to this application.", "errorCode": "INSTALL_DOES_NOT_BELONG_TO_APP", "ref": "4b7e1c2a-9d3f-4e51-8a6b-0c2d1e3f4a5b"}"#)
        #expect(result.recognised?.reference.description == "sentiance:INSTALL_DOES_NOT_BELONG_TO_APP")
        #expect(result.recognised?.reasons.first == #"errorCode in a Sentiance error body: "INSTALL_DOES_NOT_BELONG_TO_APP""#)
        #expect(result.evidence[.ref] == "4b7e1c2a-9d3f-4e51-8a6b-0c2d1e3f4a5b")
        #expect(result.evidence[.message] == "Install does not belong to this application.")
        #expect(result.evidence[.vendor] == "sentiance")
        #expect(result.evidence[.code] == "INSTALL_DOES_NOT_BELONG_TO_APP")
    }

    @Test func cometChatBodyWithDevMessage() {
        let result = explain(#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID abc does not exist.","devMessage":"check the uid"}}"#)
        #expect(result.recognised?.reference.description == "cometchat:ERR_UID_NOT_FOUND")
        #expect(result.recognised?.reasons.first?.hasPrefix("error.code in a CometChat error body") == true)
        #expect(result.evidence[.message] == "The UID abc does not exist.")
    }

    @Test func sentoriBodyWithItsStatus() {
        let result = explain("HTTP/1.1 403 Forbidden\r\nCache-Control: private\r\nContent-Type: application/json; charset=utf-8\r\n"
                             + "Date: Sat, 1 Jan 2000 00:00:00 GMT\r\nContent-Length: 79\r\n\r\n{ \"Code\":1, \"Message\":\"API Key not valid\" }")
        #expect(result.recognised?.reference.description == "sentori:1")
        #expect(result.recognised?.reasons.contains("HTTP 403 agrees") == true)
        #expect(result.evidence[.httpStatus] == "403")
    }

    @Test func sentoriBodyAloneAndAStatusThatDisagrees() {
        #expect(recognised(#"{"Code": 101, "Message": "Contact not found"}"#) == "sentori:101")
        let disagreeing = explain("HTTP/1.1 400 Bad Request\n\n{\"Code\": 101, \"Message\": \"Contact not found\"}")
        #expect(disagreeing.candidates.first?.reference.description == "sentori:101", "the body's code outweighs the status")
        #expect(disagreeing.candidates.first?.reasons.contains("but the response is HTTP 400, the code's is 404") == true)
    }

    @Test func unknownCodeInABodyIsSaidAndSearchStillHelps() {
        let result = explain(#"{"error":{"code":"ERR_SOMETHING_NEW","message":"Group is full"}}"#)
        #expect(result.unknownCodes == ["ERR_SOMETHING_NEW"])
        #expect(result.recognised == nil)
    }

    // MARK: Responses, curl -v, log lines, messages, bare codes

    static let curlVerbose = """
        *   Trying 52.1.2.3:443...
        * Connected to 12345abcde.api-eu.cometchat.io (52.1.2.3) port 443
        > POST /v3/users/superhero7/friends HTTP/2
        > Host: 12345abcde.api-eu.cometchat.io
        > user-agent: curl/8.5.0
        > accept: application/json
        > apikey: 3f9c2b1a0e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b
        > onBehalfOf: superhero7
        > content-type: application/json
        >
        < HTTP/2 401
        < content-type: application/json
        < x-request-id: 7d1e6b9a-req
        <
        {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId 12345abcde is invalid in region eu."}}
        """

    @Test func curlVerboseGivesTheRequestTheResponseAndCometChatsHostFacts() {
        let result = explain(Self.curlVerbose)
        #expect(result.recognised?.reference.description == "cometchat:AUTH_ERR_INVALID_APPID")
        #expect(result.evidence[.method] == "POST")
        #expect(result.evidence[.path] == "/v3/users/superhero7/friends")
        #expect(result.evidence[.host] == "12345abcde.api-eu.cometchat.io")
        #expect(result.evidence[.appID] == "12345abcde")
        #expect(result.evidence[.region] == "eu")
        #expect(result.evidence[.httpStatus] == "401")
        #expect(result.evidence[.requestID] == "7d1e6b9a-req", "request ids are kept for escalation")
        #expect(result.evidence[.userID] == "superhero7")
        #expect(!result.maskedText.contains("3f9c2b1a0e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"))
    }

    @Test func sentianceLinkRequestGivesTheInstallID() {
        let result = explain("""
            > POST /v2/users/8c2f-install-77/link HTTP/1.1
            > Host: api.sentiance.com
            > Authorization: Bearer sk_live_9a8b7c6d5e4f
            > Content-Type: application/json
            >
            > {"external_id": "customer-991"}
            < HTTP/1.1 403 Forbidden
            <
            {"message": "Install is disabled.", "errorCode": "INSTALL_DISABLED", "ref": "ref-123"}
            """)
        #expect(result.recognised?.reference.description == "sentiance:INSTALL_DISABLED")
        #expect(result.evidence[.installID] == "8c2f-install-77")
        #expect(result.evidence[.externalID] == "customer-991")
        #expect(result.evidence[.ref] == "ref-123")
        #expect(result.evidence[.httpStatus] == "403")
        #expect(!result.maskedText.contains("sk_live_9a8b7c6d5e4f"))
        #expect(result.maskedText.contains("Authorization: Bearer [secret]"))
    }

    @Test func logLines() {
        let result = explain("2026-11-30T10:00:01Z ERROR sentiance link failed POST https://api.sentiance.com/v2/users/inst-42/link status=403 errorCode=INSTALL_DELETED ref=9b1d-ref")
        #expect(result.recognised?.reference.description == "sentiance:INSTALL_DELETED")
        #expect(result.evidence[.ref] == "9b1d-ref")
        #expect(result.evidence[.installID] == "inst-42")
        #expect(result.evidence[.method] == "POST")
        #expect(result.evidence[.httpStatus] == "403")
        #expect(recognised("E/ChatSDK: login failed, code: AUTH_ERR_AUTH_TOKEN_NOT_FOUND") == "cometchat:AUTH_ERR_AUTH_TOKEN_NOT_FOUND")
    }

    @Test func vendorMessagesWithAndWithoutAStatus() {
        let result = explain("Sentori replied 404: Contact not found")
        #expect(result.recognised?.reference.description == "sentori:101")
        #expect(result.evidence[.httpStatus] == "404")
        #expect(result.recognised?.reasons.contains("HTTP 404 agrees") == true)
        #expect(recognised("Email Address already in use") == "sentori:102")
        #expect(recognised("we get 'Mailing List not found' when subscribing") == "sentori:200")
    }

    @Test func bareCodes() {
        #expect(recognised("INSTALL_NOT_FOUND") == "sentiance:INSTALL_NOT_FOUND")
        #expect(recognised("  ERR_TOO_MANY_REQUESTS\n") == "cometchat:ERR_TOO_MANY_REQUESTS")
        #expect(recognised("-1") == "sentori:-1")
    }

    @Test func ambiguousPastesRankTheCandidatesWithReasons() {
        // Two codes named, neither clearly ahead.
        let result = explain("either INSTALL_DISABLED or INSTALL_DELETED, the customer is not sure")
        #expect(result.recognised == nil)
        #expect(Set(result.candidates.prefix(2).map(\.reference.code)) == ["INSTALL_DISABLED", "INSTALL_DELETED"])
        #expect(result.candidates.allSatisfy { !$0.reasons.isEmpty })
    }

    @Test func aStatusAloneListsTheCodesDocumentedWithIt() {
        let result = explain("HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n\r\n<html>denied</html>")
        #expect(result.recognised == nil)
        #expect(result.candidates.count == 8)
        #expect(result.candidates.allSatisfy { $0.reasons == ["documented with HTTP 403"] })
    }

    @Test func nothingRecognisedGivesSearchResults() {
        let result = explain("the moderators cannot kick an admin out of the group")
        #expect(result.candidates.isEmpty)
        #expect(!result.searchResults.isEmpty)
    }

    // MARK: Secrets

    @Test func everySecretKindIsMasked() {
        let paste = """
            > GET /v3/users?apikey=qs-secret-111&authToken=qs-token-222&perPage=10 HTTP/2
            > apikey: header-secret-333
            > ApiKey: 0f8fad5b-d9cb-469f-a165-70867728950e
            > Authorization: Bearer bearer-secret-444
            > authToken: header-token-555
            token is Bearer loose-bearer-666 in the log
            {"authToken": "json-token-777", "apiKey": "json-key-888", "uid": "superhero1"}
            log body="{\\"authToken\\":\\"escaped-token-999\\"}"
            < x-request-id: keep-this-request-id
            """
        let result = explain(paste)
        for secret in ["qs-secret-111", "qs-token-222", "header-secret-333", "0f8fad5b-d9cb-469f-a165-70867728950e",
                       "bearer-secret-444", "header-token-555", "loose-bearer-666", "json-token-777", "json-key-888",
                       "escaped-token-999"] {
            #expect(!result.maskedText.contains(secret), "\(secret) is shown")
            #expect(!result.evidence.values.values.contains { $0.contains(secret) }, "\(secret) is in the evidence")
        }
        #expect(result.maskedText.contains("superhero1"), "ids are not secrets")
        #expect(result.evidence[.requestID] == "keep-this-request-id")
        #expect(result.evidence[.path]?.contains("apikey=[secret]") == true)
        #expect(Set(result.maskedKinds).isSuperset(of: ["Authorization header", "bearer token", "secret header", "secret in JSON", "secret parameter"]))
    }

    @Test func aSecretQuotedAgainElsewhereIsMaskedThere() {
        let result = explain("> apikey: abcdef123456\n{\"error\":{\"code\":\"AUTH_ERR_APIKEY_NOT_FOUND\",\"message\":\"apikey abcdef123456 not found\"}}")
        #expect(!result.maskedText.contains("abcdef123456"))
        #expect(result.evidence[.message] == "apikey [secret] not found")
    }

    // MARK: Bounds

    @Test func aHugePasteIsCutAtTheLimit() {
        var data = Data(#"{"error":{"code":"ERR_UID_NOT_FOUND"}} "#.utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 3 << 20))
        let input = PasteInput(data: data)
        #expect(input.truncated)
        #expect(input.bytesRead == PasteInput.defaultLimit)
        let result = Explainer.explain(input, searcher: searcher)
        #expect(result.truncated)
        #expect(result.recognised?.reference.code == "ERR_UID_NOT_FOUND")
    }

    @Test func binaryAndEscapeSequencesAreHarmless() {
        var bytes: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        bytes += Array("\u{1B}]0;owned\u{07}\u{1B}[2J ERR_GUID_NOT_FOUND".utf8)
        let input = PasteInput(data: Data(bytes))
        #expect(input.binary)
        #expect(!input.text.contains("\u{0}"))
        let result = Explainer.explain(input, searcher: searcher)
        #expect(result.candidates.first?.reference.code == "ERR_GUID_NOT_FOUND")
        #expect(!TerminalSafe.sanitize(result.maskedText).unicodeScalars.contains(where: TerminalSafe.isUnsafe))
    }

    @Test func deeplyNestedJSONIsSkippedNotParsed() {
        let deep = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let result = explain(deep + " {\"errorCode\": \"USER_NOT_FOUND\"}")
        #expect(result.recognised?.reference.description == "sentiance:USER_NOT_FOUND")
        let unclosed = String(repeating: "[{\"x\":", count: 200_000)
        #expect(explain(unclosed).candidates.isEmpty)
    }
}
