import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// Vendor knowledge as data: the `explain:` block of vendor files is parsed with `file:line:column` problems,
/// kept in the compiled catalog and read by explain, whose code names no vendor; the values a paste gives fill
/// the asks that need them (no value asked again), and the transcript keeps the other codes of the paste.
@Suite struct VendorExplainTests {
    let catalog = Fixtures.shipped.catalog
    var searcher: Searcher { Searcher(catalog: catalog) }

    private func explain(_ text: String) -> Explanation {
        Explainer.explain(PasteInput(text: text), searcher: searcher)
    }

    // MARK: Declarations

    @Test func shippedVendorFilesDeclareTheirAPIs() throws {
        #expect(Fixtures.shipped.problems.isEmpty, "\(Fixtures.shipped.problems)")
        let cometChat = try #require(catalog.vendor(id: "cometchat"))
        #expect(cometChat.explain.hosts == ["{app_id}.api-{region}.cometchat.io"])
        #expect(cometChat.explain.evidenceNames.contains("conversation_id"))
        #expect(cometChat.explain.values["target_uid"] == ["TARGET_UID"])
        #expect(try #require(catalog.vendor(id: "sentori")).explain.bodies.first?.requires == ["Message"])
    }

    @Test func badDeclarationsAreReportedWhereTheyAre() {
        let text = """
        vendor:
          id: acme
          name: Acme
          explain:
            hosts: ["{Bad}.acme.test"]
            messages: ["user {uid unclosed"]
            paths: ["users/{uid}"]
            ids: {uid: '([a-z'}
            secret_headers: [x-acme-colour]
            values: {list_idd: [LIST_ID], uid: [uid]}
            colour: blue
        """
        let problems = Fixtures.load([("vendors/acme.yaml", text)]).problems.map(\.description)
        func has(_ prefix: String, _ words: String) -> Bool {
            problems.contains { $0.hasPrefix("vendors/acme.yaml:" + prefix) && $0.contains(words) }
        }
        #expect(has("5:", "host pattern '{Bad}.acme.test' has field '{Bad}'"), "\(problems)")
        #expect(has("6:", "unpaired braces"), "\(problems)")
        #expect(has("7:", "must start with '/'"), "\(problems)")
        #expect(has("8:", "is not a valid regular expression"), "\(problems)")
        #expect(has("9:", "secret header 'x-acme-colour' is not one the masker masks"), "\(problems)")
        #expect(has("10:", "evidence 'list_idd' is neither standard nor declared"), "\(problems)")
        #expect(has("10:", "variable 'uid' must use only capital letters"), "\(problems)")
        #expect(has("11:", "colour"), "\(problems)")
    }

    @Test func theCompiledCatalogKeepsTheDeclarations() throws {
        let reopened = try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
        for vendor in catalog.vendors {
            #expect(reopened.vendor(id: vendor.id)?.explain == vendor.explain)
            #expect(!vendor.explain.isEmpty)
        }
    }

    /// Every kind of declaration survives the binary record (`VendorExplainRecord`), maps in any order giving the
    /// same bytes.
    @Test func everyDeclarationRoundTripsThroughTheRecord() throws {
        var explain = VendorExplain()
        explain.hosts = ["{app_id}.api-{region}.example.io", "*.example.com"]
        explain.bodies = [.init(code: "error.code", message: ["error.message", "message"], requires: ["error"]),
                          .init(code: "Code")]
        explain.messages = ["The user {uid} was not found."]
        explain.paths = ["/v1/users/{uid}"]
        explain.fields = ["appId": "app_id", "uid": "uid", "ünï": "x"]
        explain.ids = ["uid": "^[a-z0-9_-]+$"]
        explain.secretHeaders = ["apikey", "ApiKey"]
        explain.regions = ["us", "eu"]
        explain.values = ["uid": ["UID", "TARGET"], "app_id": ["APP_ID"], "empty": []]
        var writer = ByteWriter()
        VendorExplainRecord.write(explain, to: &writer)
        let (decoded, atEnd, cutFails) = try writer.bytes.withUnsafeBytes { bytes throws -> (VendorExplain, Bool, Bool) in
            var reader = ByteReader(bytes)
            let decoded = try VendorExplainRecord.read(&reader)
            var cut = ByteReader(UnsafeRawBufferPointer(rebasing: bytes.dropLast(3)))
            return (decoded, reader.isAtEnd, (try? VendorExplainRecord.read(&cut)) == nil)
        }
        #expect(decoded == explain && atEnd && cutFails)
        var again = ByteWriter()
        VendorExplainRecord.write(explain, to: &again)
        #expect(again.bytes == writer.bytes)
    }

    /// The core's explain code holds no vendor literal: no vendor id or name, no host domain, no field or
    /// evidence name a vendor file declares (other than the standard evidence names).
    @Test func explainCodeNamesNoVendor() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TriageCore/Explain")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 8)
        var words = Set<String>()
        for vendor in catalog.vendors {
            words.insert(vendor.id)
            words.insert(vendor.name)
            for host in vendor.explain.hosts {
                words.insert(host.split(separator: ".").suffix(2).joined(separator: "."))
            }
            words.formUnion(vendor.explain.fields.keys)
            words.formUnion(vendor.explain.evidenceNames)
            words.formUnion(vendor.explain.secretHeaders)
        }
        words.subtract(Evidence.Key.allCases.map(\.rawValue))
        words = words.filter { !SecretNames.isSecret(header: $0) }  // the masker's own table of credential names
        #expect(words.contains("cometchat.io") && words.contains("conversation_id") && words.contains("sentori"))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for word in words {
                let pattern = "(?<![A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: word) + "(?![A-Za-z0-9_])"
                // A camelCase field name (`installId`) is a JSON key written exactly; matched without case, it
                // would find Swift's own `installID`.
                let camelCase = word.dropFirst().contains { $0.isUppercase } && word.first?.isLowercase == true
                let options: String.CompareOptions = camelCase ? [.regularExpression] : [.regularExpression, .caseInsensitive]
                #expect(text.range(of: pattern, options: options) == nil,
                        "\(file) names '\(word)'")
            }
        }
    }

    /// The README's "evidence names per vendor" table is what the vendor files declare
    /// (`TRIAGE_WRITE_README=1` rewrites it).
    @Test func readmeListsTheEvidenceNamesTheVendorFilesDeclare() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- evidence-names:begin -->\n", end = "<!-- evidence-names:end -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        let table = VendorExplain.evidenceTable(catalog.vendors) + "\n"
        if ProcessInfo.processInfo.environment["TRIAGE_WRITE_README"] == "1" {
            try (readme[..<start.upperBound] + table + readme[stop.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == table)
        for vendor in catalog.vendors {
            for name in vendor.explain.evidenceNames { #expect(table.contains("`\(name)`")) }
        }
    }

    // MARK: Values from messages

    static let notBanned = #"{"error":{"code":"ERR_NOT_A_BANNED_USER","message":"The user with uid u-51 is not banned in the group with guid g-club."}}"#
    static let notAccessible = """
        HTTP/1.1 403 Forbidden
        {"error":{"code":"ERR_CONVERSATION_NOT_ACCESSIBLE","message":"The conversation with id group_g-ops is not accessible to the user with uid u-9."}}
        """

    @Test func messageFieldsBecomeEvidenceAndVariables() {
        let banned = explain(Self.notBanned)
        #expect(banned.recognised?.reference.description == "cometchat:ERR_NOT_A_BANNED_USER")
        #expect(banned.evidence[Evidence.Key(named: "target_uid")] == "u-51")
        #expect(banned.evidence[Evidence.Key(named: "guid")] == "g-club")
        #expect(banned.evidence.variables == ["TARGET_UID": "u-51", "GUID": "g-club"])

        let conversation = explain(Self.notAccessible)
        #expect(conversation.evidence[Evidence.Key(named: "conversation_id")] == "group_g-ops")
        #expect(conversation.evidence[Evidence.Key(named: "uid")] == "u-9")
        #expect(conversation.evidence.variables["CONVERSATION_ID"] == "group_g-ops")
        #expect(conversation.evidence.variables["UID"] == "u-9")
    }

    @Test func hostsPathsAndFieldsComeFromTheVendorFiles() {
        let curl = explain("""
            > POST /v3/groups/g-club/bannedusers/u-7 HTTP/1.1
            > Host: 1a2b3c.api-eu.cometchat.io
            > onBehalfOf: admin-1
            < HTTP/1.1 404 Not Found
            """)
        #expect(curl.evidence[.appID] == "1a2b3c")
        #expect(curl.evidence[.region] == "eu")
        #expect(curl.evidence[.vendor] == "cometchat")
        #expect(curl.evidence[Evidence.Key(named: "guid")] == "g-club")
        #expect(curl.evidence[Evidence.Key(named: "target_uid")] == "u-7")
        #expect(curl.evidence[Evidence.Key(named: "uid")] == "admin-1")

        let link = explain("2026-12-01T10:00:00Z POST /v2/users/link install_id=ins-42 -> 403")
        #expect(link.evidence[.userID] == nil)  // the route word, not a user
        #expect(link.evidence[.installID] == "ins-42")

        let sentori = explain("GET https://api.sentoriapp.com/v2.0/mailinglists/ml-2024-q4/ answered 404 Mailing List not found")
        #expect(sentori.evidence[Evidence.Key(named: "list_id")] == "ml-2024-q4")
        #expect(sentori.evidence.variables["LIST_ID"] == "ml-2024-q4")
    }

    @Test func aRegionNamedInProseReachesTheSteps() throws {
        let paste = """
            Our app lives in the EU. The link call fails:
            {"message": "Install not found.", "errorCode": "INSTALL_NOT_FOUND", "ref": "r-1"}
            """
        let explanation = explain(paste)
        #expect(explanation.evidence[.appRegion] == "eu")
        #expect(explanation.evidence.variables["REGION"] == "eu")
        #expect(explain("Please check region: in, the CometChat app fails").evidence[.appRegion] == "in")
        #expect(explain("It is in the EU, the CometChat app fails").evidence[.appRegion] == "eu")
        #expect(explain("the CometChat app fails").evidence[.appRegion] == nil)

        let code = try #require(explanation.recognised?.reference)
        var session = try DiagnosisSession.start(code: code, evidence: explanation.evidence, in: catalog)
        // The region is known before any step asks it: every text with @REGION@ shows it.
        #expect(session.values["REGION"] == "eu")
        session = walk(session)
        #expect(!session.path.contains { if case .unknownValue("REGION") = $0.kind { true } else { false } })
    }

    // MARK: No value asked again

    /// Answers every step with "can't tell" (or the first answer) to a conclusion, and returns the session.
    private func walk(_ start: DiagnosisSession) -> DiagnosisSession {
        var session = start
        for _ in 0..<60 where !session.isFinished {
            guard let step = session.current(in: catalog) else { break }
            switch step.kind {
            case .question: if (try? session.cantTell(in: catalog)) == nil { try? session.choose(0, in: catalog) }
            case .ask: try? session.cantTell(in: catalog)
            default: return session
            }
        }
        return session
    }

    private func reasked(_ session: DiagnosisSession, _ evidence: Evidence) -> [String] {
        session.path.compactMap { step in
            switch step.kind {
            case let .ask(variable, _) where evidence.variables[variable] != nil && step.origin == nil: return variable
            case let .unknownValue(variable) where evidence.variables[variable] != nil: return variable
            default: return nil
            }
        }
    }

    @Test(arguments: [notBanned, notAccessible])
    func diagnosisDoesNotAskAValueThePasteGives(_ paste: String) throws {
        let explanation = explain(paste)
        let code = try #require(explanation.recognised?.reference)
        // The paste box and `diagnose --from` both start from the explanation's evidence.
        let session = walk(try DiagnosisSession.start(code: code, evidence: explanation.evidence, in: catalog))
        #expect(reasked(session, explanation.evidence).isEmpty)
        let filled = session.path.filter { $0.origin != nil }.map(\.answer)
        #expect(filled.contains { explanation.evidence.variables.values.contains($0) }, "\(session.path.map(\.prompt))")
    }

    @Test func lineModeShowsTheFilledValueAndNeverAsksIt() throws {
        let explanation = explain(Self.notBanned)
        let code = try #require(explanation.recognised?.reference)
        let session = try DiagnosisSession.start(code: code, evidence: explanation.evidence, in: catalog)
        var output = ""
        var lines = 0
        let mode = LineModeDiagnosis(catalog: catalog, session: session, readLine: {
            lines += 1
            return lines < 40 ? "?" : nil
        }, write: { output += $0 })
        let ended = mode.run()
        #expect(reasked(ended, explanation.evidence).isEmpty)
        #expect(output.contains("-> u-51") || output.contains("-> g-club"), "\(output)")
    }

    // MARK: Transcript

    @Test func transcriptCarriesEvidenceOtherCodesAndTheMaskedPaste() throws {
        let paste = """
            10:00:01 POST /v3/groups/g-club/members -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"slow down"}}
            10:00:02 POST /v3/groups/g-club/members -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"slow down"}}
            10:00:03 POST /v3/groups/g-club/members -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"slow down"}}
            10:00:04 apikey: 0123456789abcdef0123456789abcdef01234567 POST /v3/groups/g-club/bannedusers/u-51 -> 400 {"error":{"code":"ERR_NOT_A_BANNED_USER","message":"The user with uid u-51 is not banned in the group with guid g-club."}}
            """
        let explanation = explain(paste)
        let code = try #require(explanation.recognised?.reference)
        #expect(code.code == "ERR_TOO_MANY_REQUESTS")
        #expect(explanation.evidence.otherCodes.count == 1)
        #expect(explanation.evidence.otherCodes.first?.hasPrefix("1× cometchat ERR_NOT_A_BANNED_USER") == true)
        let tree = try #require(DiagnosisSession.trees(for: code, in: catalog).first).id
        let session = try DiagnosisSession.start(tree: tree, from: code, evidence: explanation.evidence,
                                                 paste: explanation.maskedText, in: catalog)
        let transcript = Transcript(session: session, catalog: catalog, date: Date(timeIntervalSince1970: 0))
        let markdown = transcript.markdown
        #expect(markdown.contains("| guid | g-club |"))
        #expect(markdown.contains("## Other codes in the paste\n\n- 1× cometchat ERR_NOT_A_BANNED_USER"))
        #expect(markdown.contains("## Pasted response (secrets masked)"))
        #expect(!markdown.contains("0123456789abcdef0123456789abcdef01234567"))
        #expect(transcript.json.contains(#""other_codes" : ["#))
        // Stored and read back, the session keeps them.
        let data = try JSONEncoder().encode(session)
        let decoded = try JSONDecoder().decode(DiagnosisSession.self, from: data)
        #expect(decoded.evidence?.otherCodes == explanation.evidence.otherCodes)
        #expect(decoded.evidence?.variables == explanation.evidence.variables)
    }
}
