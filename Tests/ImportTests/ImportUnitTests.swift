import Foundation
import Testing
import TestSupport
import TriageCore
@testable import TriageImport

@Suite struct ImportUnitTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        var split = SHA256()
        split.update(Array("abcdbcdecdefdefgefghfghighij".utf8))
        split.update(Array("hijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(split.finalize().count == 32)
    }

    @Test func unknownFormatsGetADidYouMean() {
        let error = try? #require(throws: ImportError.self) { try ImportFormat.named("markdwon") }
        #expect(error?.description == "unknown format 'markdwon'; did you mean 'markdown'? (formats: markdown, table, text, json, openapi, botocore)")
        #expect((try? ImportFormat.named("HTML")) == .table)
        #expect((try? ImportFormat.named("swagger")) == .openapi)
    }

    @Test func categoryRules() throws {
        let range = try CategoryRule(parsing: "request-auth:Requests and keys=..99")
        #expect(range == CategoryRule(id: "request-auth", name: "Requests and keys", match: .range(nil, 99)))
        #expect(range.matches(ImportedCode(code: "-1", line: 1)) && !range.matches(ImportedCode(code: "100", line: 1)))
        #expect(try CategoryRule(parsing: "websocket=ERR_WS_*").matches(ImportedCode(code: "ERR_WS_INIT_FAILED", line: 1)))
        let text = try CategoryRule(parsing: "user-linking=~user-linking rest api")
        #expect(text.matches(ImportedCode(code: "X", description: "In a User-Linking REST API request.", line: 1)))
        #expect(try CategoryRule(parsing: "general").match == .any)
        #expect(throws: ImportError.self) { try CategoryRule(parsing: "Bad Id=1..2") }
        #expect(throws: ImportError.self) { try CategoryRule(parsing: "x=a..b") }
        #expect(throws: ImportError.self) { try ImportOptions.fieldMap(["mesage=Message"]) }
        #expect(try ImportOptions.fieldMap(["http=3", "message=API Message"]) == ["http": "3", "message": "API Message"])
    }

    @Test func typoRulesAreGenericAndLeaveTheRestAlone() {
        #expect(Typos.fix("Indicates that the api key does not exists.") == "Indicates that the api key does not exist.")
        #expect(Typos.fix("performing action on it self. It self-signs.") == "performing action on itself. It self-signs.")
        #expect(Typos.fix("Empty password for pasword type group; Pasword.") == "Empty password for password type group; Password.")
        #expect(Typos.fix("The user has and existing call. Messages text is empty.") == "The user has an existing call. Message text is empty.")
        #expect(Typos.fix("It washas and existing") == "It washas and existing", "only whole words")
        #expect(Typos.fix("the iniator of the call") == "the initiator of the call")
        #expect(Typos.fix("it doesn't matches the id") == "it doesn't match the id")
        #expect(Typos.fix("The process exists and it does not run.") == "The process exists and it does not run.")
        #expect(Typos.fix("user updation failure") == "user updation failure")
        #expect(TextCleaning.code("ERR_PASWORD") == "ERR_PASWORD")
    }

    @Test func glueedCodesAreSplitFromTheirDescriptions() throws {
        let pattern = try NSRegularExpression(pattern: TextAdapter.defaultPattern)
        #expect(TextAdapter.leadingCode("AUTH_ERR_EMPTY_APPIDIndicates empty appId.", pattern: pattern)! == ("AUTH_ERR_EMPTY_APPID", "Indicates empty appId."))
        #expect(TextAdapter.leadingCode("ERR_WS_INIT_FAILED: failure", pattern: pattern)! == ("ERR_WS_INIT_FAILED", "failure"))
        #expect(TextAdapter.leadingCode("E_1 - text", pattern: pattern)! == ("E_1", "text"))
        #expect(TextAdapter.leadingCode("42 | The answer", pattern: pattern)! == ("42", "The answer"))
        #expect(TextAdapter.leadingCode("1. UID does not exist.", pattern: pattern) == nil)
        #expect(TextAdapter.leadingCode("Auth Errors", pattern: pattern) == nil)
        #expect(TextAdapter.isCategoryLine("Block Users Errors") && TextAdapter.isCategoryLine("API Key Errors"))
        #expect(!TextAdapter.isCategoryLine("For example, changing his own scope.") && !TextAdapter.isCategoryLine("Skip to main content"))
    }

    @Test func httpStatusesAsDocumentsWriteThem() {
        #expect(HTTPStatusText.parse("404") == 404)
        #expect(HTTPStatusText.parse("403 Forbidden") == 403)
        #expect(HTTPStatusText.parse("HTTP/1.1 409 Conflict") == 409)
        #expect(HTTPStatusText.parse("`429`") == 429)
        #expect(HTTPStatusText.parse("4XX") == nil)
        #expect(HTTPStatusText.parse("400, 404") == nil)
        #expect(HTTPStatusText.parse("n/a") == nil)
        #expect(HTTPStatusText.parse("999") == nil)
    }

    /// Whatever the text, the emitted YAML reads back as exactly that text (plain, quoted or folded).
    @Test func emittedScalarsReadBackExactly() throws {
        var random = SplitMix64(seed: 24)
        let pieces = ["a", "B", " ", "  ", ": ", " #", "#", "-", "- ", "?", "'", "\"", "\\", "\n", "\n\n", "\t", "null", "~", "yes",
                      "No", "1", "-1", "0x1F", "1e3", ".5", "2026-12-01", "[", "]", "{", "}", ",", "&x", "*y", "!tag", "|", ">",
                      "%", "@", "`", "é", "日本", "👨‍👩‍👧", "\u{85}", "\u{2028}", "\u{7F}", "\u{1B}", "---", "...", "<<",
                      "word ", "long words repeated to pass the width ", "x:y"]
        for round in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let plain = round % 3 == 0
            let tree = YAMLTree.mapping([.init("k", .scalar(text, plain: plain)),
                                         .init("list", .sequence([.scalar(text, plain: plain), .scalar("x", plain: false)])),
                                         .init("provenance", .mapping([.init("description", .scalar(text, plain: plain))]))])
            let yaml = YAMLEmitter.document(tree)
            let back: YAMLTree?
            do {
                back = try YAMLTree.parse(yaml, file: "round-trip")
            } catch {
                Issue.record("\(text.debugDescription): \(error)\n\(yaml)")
                break
            }
            #expect(back == tree, "\(text.debugDescription) -> \(yaml)")
            if back != tree { break }
        }
    }

    @Test func numbersStayNumbersOnlyWhereMeant() {
        let yaml = YAMLEmitter.document(.mapping([.init("code", .scalar("-1", plain: true)), .init("message", .scalar("404", plain: false)),
                                                  .init("http", .scalar("404", plain: true)), .init("summary", .scalar("yes", plain: false)),
                                                  .init("since", .scalar("2026-12-01", plain: true))]))
        #expect(yaml == "code: -1\n\nmessage: \"404\"\n\nhttp: 404\n\nsummary: \"yes\"\n\nsince: 2026-12-01\n")
    }

    @Test func longTextIsFoldedLikeTheShippedFiles() {
        let text = String(repeating: "Twelve words are quite enough to pass one hundred and four columns. ", count: 3)
            .trimmingCharacters(in: .whitespaces) + "\n\nA second paragraph.\n1. an item"
        let lines = YAMLEmitter.lines(key: "description", value: .scalar(text, plain: false), indent: 4)
        #expect(lines[0] == "    description: >-")
        #expect(lines.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("      ") && $0.count <= 104 })
        #expect(lines.suffix(5) == ["", "", "      A second paragraph.", "", "      1. an item"])
    }
}
