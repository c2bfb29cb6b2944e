import Foundation
import Testing
import TriageCore

/// The one masking point: every form of secret the attack found (issue 19), what must stay (ids, schemes,
/// cookie names, docs anchors), and the cost growing linearly with adversarial input (counted work, no clock).
@Suite struct SecretMaskerTests {
    private func masked(_ text: String) -> String { SecretMasker.masked(text).text }

    private func expectMasked(_ text: String, hides secrets: [String], keeps kept: [String] = [], kind: String? = nil,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let result = SecretMasker.masked(text)
        for secret in secrets {
            #expect(!result.text.contains(secret), "\(secret) is shown in \(result.text)", sourceLocation: sourceLocation)
        }
        for keep in kept {
            #expect(result.text.contains(keep), "\(keep) was lost from \(result.text)", sourceLocation: sourceLocation)
        }
        if let kind { #expect(result.kinds.contains(kind), "kinds: \(result.kinds)", sourceLocation: sourceLocation) }
    }

    @Test("every Authorization scheme keeps its scheme and loses its credentials")
    func authorizationSchemes() {
        expectMasked("Authorization: ApiKey k-8f7e6d5c4b3a", hides: ["k-8f7e6d5c4b3a"], keeps: ["Authorization: ApiKey [secret]"],
                     kind: "Authorization header")
        expectMasked("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", hides: ["eyJhbGciOiJIUzI1NiJ9"], keeps: ["Bearer [secret]"])
        expectMasked("authorization: basic dXNlcjpodW50ZXIy", hides: ["dXNlcjpodW50ZXIy"], keeps: ["basic [secret]"])
        expectMasked(#"Authorization: Digest username="bob", realm="api", nonce="dcd98b7102dd2f0e", uri="/v1", response="6629fae49393a05397450978507c4ef1""#,
                     hides: ["bob", "dcd98b7102dd2f0e", "6629fae49393a05397450978507c4ef1"], keeps: ["Authorization: Digest [secret]"])
        expectMasked("Proxy-Authorization: Negotiate YIIGhgYGKwYBBQUCoIIGej", hides: ["YIIGhgYGKwYBBQUCoIIGej"], keeps: ["Negotiate [secret]"])
        expectMasked(#"curl -H "Authorization: Token tok_55aa66bb" https://api.example.com/v1/users"#, hides: ["tok_55aa66bb"],
                     keeps: ["Token [secret]\" https://api.example.com/v1/users"])
    }

    @Test("AWS SigV4: the Authorization credentials, the presigned query and the key id")
    func awsSignatures() {
        let header = "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261206/eu-west-1/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
        expectMasked(header, hides: ["AKIAIOSFODNN7EXAMPLE", "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"],
                     keeps: ["AWS4-HMAC-SHA256 [secret]"], kind: "AWS signature")
        let presigned = "GET https://bucket.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261206%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261206T000000Z"
            + "&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        expectMasked(presigned, hides: ["AKIAIOSFODNN7EXAMPLE", "IQoJb3JpZ2luX2VjEJr", "aeeed9bbccd4d02ee5c0109b86d86835"],
                     keeps: ["X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Date=20261206T000000Z", "bucket.s3.amazonaws.com/report.csv"])
        expectMasked("aws_access_key_id AKIAIOSFODNN7EXAMPLE in the config", hides: ["AKIAIOSFODNN7EXAMPLE"], kind: "AWS access key")
    }

    @Test("query strings, form bodies and fragments")
    func queryAndFragment() {
        expectMasked("GET /v1/maps?key=AIzaSyA1b2C3d4E5f6G7h8&region=eu HTTP/1.1", hides: ["AIzaSyA1b2C3d4E5f6G7h8"],
                     keeps: ["key=[secret]&region=eu"], kind: "secret parameter")
        expectMasked("https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sig=Zm9vYmFyYmF6cXV4%3D", hides: ["Zm9vYmFyYmF6cXV4"],
                     keeps: ["sv=2022-11-02"])
        expectMasked("https://app.example.com/cb#access_token=at-9f8e7d6c5b&token_type=bearer&expires_in=3600",
                     hides: ["at-9f8e7d6c5b"], keeps: ["#access_token=[secret]&token_type=bearer&expires_in=3600"])
        expectMasked("redirected to https://app.example.com/cb#eyJhbGciOiJSUzI1NiJ9x1234abcd5678 after login",
                     hides: ["eyJhbGciOiJSUzI1NiJ9x1234abcd5678"], keeps: ["/cb#[secret] after"], kind: "token in a URL fragment")
        expectMasked("grant_type=password&username=ann&password=hunter2hunter2&client_secret=cs_77aa",
                     hides: ["hunter2hunter2", "cs_77aa"], keeps: ["username=ann"])
        // A page anchor and a code in a log field are not secrets; `key` is a secret only in a query.
        #expect(masked("see https://docs.example.com/errors#install-not-found-2") == "see https://docs.example.com/errors#install-not-found-2")
        #expect(masked("code=INSTALL_NOT_FOUND key=user_42") == "code=INSTALL_NOT_FOUND key=user_42")
    }

    @Test("every cookie of a Cookie line; Set-Cookie keeps its attributes")
    func cookies() {
        expectMasked("Cookie: sid=s3ss10n-aaa; csrftoken=c5rf-bbb; theme=dark", hides: ["s3ss10n-aaa", "c5rf-bbb", "dark"],
                     keeps: ["Cookie: sid=[secret]; csrftoken=[secret]; theme=[secret]"], kind: "cookie")
        expectMasked("Set-Cookie: sid=s3ss10n-ccc; Path=/; HttpOnly; Secure", hides: ["s3ss10n-ccc"],
                     keeps: ["sid=[secret]; Path=/; HttpOnly; Secure"])
        expectMasked(#"{"headers": {"Cookie": "a=first-111; b=second-222"}}"#, hides: ["first-111", "second-222"])
    }

    @Test("JSON keys, object literals with single quotes and escaped JSON")
    func jsonKeys() {
        let body = #"{"accessToken": "at.1.2.3", "refreshToken": "rt-445566", "apiKey": "ak-778899", "password": "p@ss w0rd", "uid": "u-51"}"#
        expectMasked(body, hides: ["at.1.2.3", "rt-445566", "ak-778899", "p@ss w0rd"], keeps: [#""uid": "u-51""#], kind: "secret in JSON")
        expectMasked("CometChatException {code: 'ERR', message: 'x', authToken: 'tok-12345678'}", hides: ["tok-12345678"],
                     keeps: ["code: 'ERR'"])
        expectMasked(#"body="{\"refresh_token\":\"esc-rt-000\"}""#, hides: ["esc-rt-000"])
        expectMasked(#"{"client_secret": 12345678, "x": 1}"#, hides: ["12345678"], keeps: [#""x": 1"#])
    }

    @Test("a value masked once is masked where it is quoted again, even before it was named")
    func repeatedValues() {
        let text = "the key abcdef123456 failed.\napikey: abcdef123456\nmessage: apikey abcdef123456."
        let result = masked(text)
        #expect(!result.contains("abcdef123456"))
        #expect(result == "the key [secret] failed.\napikey: [secret]\nmessage: apikey [secret].")
    }

    @Test("masking is idempotent and leaves clean text byte for byte")
    func idempotent() {
        let text = "> apikey: k-1234567\n> Authorization: Bearer tok-aaaabbbb\nü café ✓ ids: u-51 g-club"
        let once = masked(text)
        #expect(masked(once) == once)
        #expect(SecretMasker.masked(once).kinds.isEmpty)
        let clean = "HTTP/1.1 404 Not Found\n{\"error\":{\"code\":\"ERR_UID_NOT_FOUND\",\"message\":\"ü 404\"}}"
        #expect(masked(clean) == clean)
    }

    // MARK: Linear time

    /// The work for `make(n)` and `make(4n)`: linear when the ratio stays near 4.
    private func ratio(_ make: (Int) -> String, base: Int = 64 * 1024) -> Double {
        let small = SecretMasker.masking(make(base))
        let large = SecretMasker.masking(make(base * 4))
        #expect(small.work > 0)
        return Double(large.work) / Double(small.work)
    }

    private func repeated(_ unit: String, _ bytes: Int) -> String {
        String(repeating: unit, count: max(1, bytes / unit.utf8.count))
    }

    @Test("adversarial input costs work linear in its size (1x vs 4x)", arguments: [
        "distinct bearer tokens", "a repeated token per line", "lazy spaces", "unclosed quotes", "cookies on one line",
        "digest items", "names with no value",
    ])
    func linearWork(_ shape: String) {
        let make: (Int) -> String
        switch shape {
        case "distinct bearer tokens":
            make = { bytes in (0..<(bytes / 40)).map { "Authorization: Bearer tk\($0)x\($0 &* 7919)\n" }.joined() }
        case "a repeated token per line":
            make = { bytes in self.repeated("GET /v1/users?api_key=sk_live_0123456789 200 apikey sk_live_0123456789\n", bytes) }
        case "lazy spaces":
            make = { bytes in "Authorization:" + String(repeating: " ", count: bytes) + "bearer" + String(repeating: " ", count: bytes) }
        case "unclosed quotes":
            make = { bytes in self.repeated(#""password": "a \"token\": \"b 'secret': 'c "#, bytes) }
        case "cookies on one line":
            make = { bytes in "Cookie: " + self.repeated("c=v123456; ", bytes) }
        case "digest items":
            make = { bytes in "Authorization: Digest " + self.repeated(#"a="x", "#, bytes) }
        default:
            make = { bytes in self.repeated("token : apikey= bearer  key= sig ", bytes) }
        }
        let growth = ratio(make)
        #expect(growth > 3 && growth < 5, "work grew \(growth)x for 4x the input (\(shape))")
    }

    @Test("1 MB of distinct tokens is masked with work proportional to its size")
    func oneMegabyte() {
        let text = (0..<(1 << 20) / 48).map { "apikey: k\($0)-\($0 &* 2_654_435_761 % 1_000_003)zz\n" }.joined()
        let result = SecretMasker.masking(text)
        #expect(result.work < text.utf8.count * 8, "work \(result.work) for \(text.utf8.count) bytes")
        #expect(!result.text.contains("k77-"))
    }
}

/// The diagnosis records values and notes through the masker: a credential typed into an ordinary ask or a
/// note is never in the session, so never in the database or a transcript.
@Suite struct TypedSecretsTests {
    private typealias F = DiagnosisFixtures
    private var catalog: Catalog { F.catalog }

    @Test("a credential typed as an ordinary value or a note is kept masked")
    func valuesAndNotes() throws {
        var session = try DiagnosisSession.start(tree: "acme-auth", in: catalog)
        session.setNote("customer pasted Authorization: Bearer tk_9f8e7d6c5b4a")
        try session.choose(0, in: catalog)
        try session.provide("apikey=ak_1234567890", in: catalog)
        #expect(session.values == ["APP_ID": "apikey=[secret]"])
        #expect(session.path.first?.note == "customer pasted Authorization: Bearer [secret]")
        let transcript = Transcript(session: session.redacted(), catalog: catalog, date: F.date).markdown
        #expect(!transcript.contains("tk_9f8e7d6c5b4a") && !transcript.contains("ak_1234567890"))
        #expect(transcript.contains("Bearer [secret]"))
    }
}
