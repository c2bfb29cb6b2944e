import Testing
import BuiltinCatalog
import TestSupport
@testable import TriageCore

/// Example tickets that start from pasted material (`paste:`): explained first, as `diagnose --from` does, with
/// the code and evidence asserted and no value the paste holds typed again.
@Suite struct PasteExampleTests {
    let catalog = Fixtures.shipped.catalog

    static let curl = """
        > POST /v3/users HTTP/2
        > Host: 7f3a91c2d4e5b6a7.api-eu.cometchat.io
        < HTTP/2 401
        {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId 7f3a91c2d4e5b6a7 is invalid."}}
        """

    func example(code: String? = "cometchat:AUTH_ERR_INVALID_APPID", evidence: [Evidence.Key: String] = [:],
                 answers: [ExampleAnswer] = [.text("1")], expect: NodeID = "wrong-region") -> ExampleTicket {
        ExampleTicket(name: "curl", code: code.map { CodeReference(parsing: $0, defaultVendor: "") },
                      tree: "cometchat-wrong-region", paste: Self.curl,
                      evidence: evidence.isEmpty ? nil : Evidence(evidence), answers: answers, expect: expect,
                      source: "test", location: SourceLocation(file: "tests/pasted.yaml", line: 3, column: 5))
    }

    @Test func aPasteExampleStartsFromWhatExplainFindsAndFillsTheAsks() {
        let result = ExampleRunner.run(example(evidence: [.appID: "7f3a91c2d4e5b6a7", .region: "eu"]), in: catalog)
        #expect(result.passed, "\(result.message ?? "")")
        #expect(result.reached == "wrong-region")
        // Both asks (app id, region) came from the paste: one answer reached the conclusion, and the paste is kept.
        #expect(result.answersUsed == 1)
        let steps = result.session?.path ?? []
        #expect(steps.filter { $0.origin != nil }.map(\.answer) == ["7f3a91c2d4e5b6a7", "eu"])
        #expect(result.session?.paste?.contains("AUTH_ERR_INVALID_APPID") == true)
    }

    @Test func aPasteExampleWithoutACodeStartsFromTheRecognisedOne() {
        let result = ExampleRunner.run(example(code: nil), in: catalog)
        #expect(result.passed, "\(result.message ?? "")")
    }

    @Test func anotherCodeThanExplainFindsIsReported() {
        let result = ExampleRunner.run(example(code: "cometchat:AUTH_ERR_EMPTY_APPID"), in: catalog)
        #expect(result.message == "tests/pasted.yaml:3: the paste is explained as cometchat:AUTH_ERR_INVALID_APPID, expected cometchat:AUTH_ERR_EMPTY_APPID")
    }

    @Test func evidenceTheExampleExpectsButExplainMissesIsReported() {
        let wrong = ExampleRunner.run(example(evidence: [.region: "us"]), in: catalog)
        #expect(wrong.message == "tests/pasted.yaml:3: the paste should give region 'us', explain found 'eu'")
        let missing = ExampleRunner.run(example(evidence: [.installID: "i-1"]), in: catalog)
        #expect(missing.message == "tests/pasted.yaml:3: the paste should give install_id 'i-1', explain found none")
    }

    @Test func typingAValueThePasteHoldsIsAReask() {
        // Without the paste's evidence, the tree would ask the app id: a paste example that types it fails.
        var typed = example(answers: [.text("7f3a91c2d4e5b6a7"), .text("eu"), .text("1")])
        typed.paste = Self.curl.replacingOccurrences(of: "Host: 7f3a91c2d4e5b6a7.api-eu.cometchat.io", with: "Host: localhost")
        let result = ExampleRunner.run(typed, in: catalog)
        #expect(result.message == "tests/pasted.yaml:3: answer 1 types '7f3a91c2d4e5b6a7' at 'app-id', but the paste already gives it: app_id should be filled from the paste")
    }

    @Test func anAskAVendorFileFillsCountsAsAReaskToo() {
        // The groups tree's GUID ask has no evidence key: CometChat's vendor file maps `guid` to it (`values:`).
        let example = ExampleTicket(
            name: "unban", code: CodeReference(parsing: "cometchat:ERR_NOT_A_BANNED_USER", defaultVendor: ""),
            paste: "unban in g-club failed: {\"error\":{\"code\":\"ERR_NOT_A_BANNED_USER\"}}",
            answers: [.text("g-club"), .text("u-51"), .text("1")], expect: "not-banned", source: "test",
            location: SourceLocation(file: "tests/pasted.yaml", line: 3, column: 5))
        #expect(ExampleRunner.run(example, in: catalog).message
                == "tests/pasted.yaml:3: answer 1 types 'g-club' at 'ban-guid', but the paste already gives it: guid should be filled from the paste")
    }

    @Test func theRegionATicketNamesReachesTheURLToUse() throws {
        // No ask of cometchat-wrong-region sets APP_REGION: CometChat's vendor file maps the prose's region to it.
        var example = example(evidence: [.appRegion: "us"])
        example.paste = "Our app lives in the US region.\n" + Self.curl
        let result = ExampleRunner.run(example, in: catalog)
        #expect(result.passed, "\(result.message ?? "")")
        let session = try #require(result.session)
        guard case let .conclusion(conclusion)? = session.current(in: catalog)?.kind else {
            Issue.record("no conclusion")
            return
        }
        #expect(conclusion.steps.first?.contains("https://7f3a91c2d4e5b6a7.api-us.cometchat.io/v3") == true, "\(conclusion.steps)")
        // Without the sentence the URL keeps its placeholder's fallback.
        let plain = ExampleRunner.run(self.example(), in: catalog)
        guard case let .conclusion(unfilled)? = plain.session?.current(in: catalog)?.kind else { return }
        #expect(unfilled.steps.first?.contains("api-<app's region>.cometchat.io") == true, "\(unfilled.steps)")
    }

    @Test func aPasteThatPointsToNoCodeIsReported() {
        var nothing = example()
        nothing.paste = "hello, it does not work"
        #expect(ExampleRunner.run(nothing, in: catalog).message?.hasPrefix("tests/pasted.yaml:3: the paste does not point to one code") == true)
    }

    @Test func theExampleFileReadsPaste() {
        let file = """
            tests:
              - name: pasted
                paste: |
                  {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"x"}}
                answers: [1]
                expect: wrong-region
            """
        let (loaded, problems) = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files), CatalogSource(name: "t", files: [("tests/pasted.yaml", file)])])
        #expect(problems.isEmpty, "\(problems)")
        #expect(loaded.examples.first { $0.source == "t" }?.paste == "{\"error\":{\"code\":\"AUTH_ERR_INVALID_APPID\",\"message\":\"x\"}}")
    }
}
