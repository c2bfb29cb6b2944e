import Foundation
import Testing
import TestSupport
import TriageCore
@testable import TriageImport

/// Imported documents are untrusted: escape sequences, bidi controls and invisible characters never reach the
/// catalog; huge and deeply nested documents are refused in bounded time and memory, without a crash.
@Suite struct HostileImportTests {
    /// Every character `TerminalSafe` would have to neutralise.
    /// (A zero-width joiner inside an emoji sequence is part of the picture, and kept.)
    private func unsafe(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { TerminalSafe.isUnsafe($0) && $0.value != 0x200D }
    }

    @Test func escapeSequencesAndBidiControlsAreStripped() throws {
        let page = """
            ### ERR_\u{1B}[2JWIPE

            Clears \u{1B}[31mthe\u{1B}[0m screen\u{1B}]0;pwned\u{07} and \u{9B}2Jmore. Transfer \u{202E}1000\u{202C} to \u{2066}admin\u{2069}.
            Hidden\u{200B}text, soft\u{AD}hyphen, tags\u{E0041}\u{E0042}, DEL\u{7F}, bell\u{07}, BOM\u{FEFF}, and a family 👨\u{200D}👩\u{200D}👧.

            ### ERR_OSC

            Title \u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ end.
            """
        let folder = TestPaths.temporaryDirectory("import-hostile")
        let result = try ImportFixtures.run(.markdown, "hostile.md", vendor: "acme", into: folder, input: ImportInput(name: "hostile.md", text: page))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let written = try String(contentsOf: folder.appendingPathComponent("vendors/acme.yaml"), encoding: .utf8)
        #expect(unsafe(written).isEmpty, "\(unsafe(written))")
        #expect(!written.contains("pwned") && !written.contains("evil.example"))
        let catalog = ImportFixtures.load(folder).catalog
        let wipe = try #require(catalog.entry(CodeReference(vendor: "acme", code: "ERR_WIPE")))
        #expect(wipe.description == "Clears the screen and more. Transfer 1000 to admin. Hiddentext, softhyphen, tags, DEL, bell, BOM, and a family 👨\u{200D}👩\u{200D}👧.")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "ERR_OSC"))?.description == "Title link end.")
        for entry in catalog.entries { #expect(unsafe(entry.description + entry.code + (entry.summary ?? "")).isEmpty) }
        for line in result.diff.lines() { #expect(unsafe(line).isEmpty) }
    }

    @Test func escapesDecodedFromJSONStringsAreStrippedToo() throws {
        let registry = #"[{"code": "E\u001b[2J1", "message": "Boom\u001b]0;x\u0007 \u202eevil", "description": "A\u0000B \u009b31m C\u2028D"}]"#
        let folder = TestPaths.temporaryDirectory("import-hostile-json")
        let result = try ImportFixtures.run(.json, "r.json", vendor: "acme", into: folder, input: ImportInput(name: "r.json", text: registry))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let entry = try #require(ImportFixtures.load(folder).catalog.entries(vendor: "acme").first)
        #expect(entry.code == "E1" && entry.message == "Boom evil" && entry.description == "AB C\nD")
        #expect(unsafe(result.text).isEmpty)
    }

    @Test func entitiesThatSpellControlsAreStripped() {
        #expect(TextCleaning.decodeEntities("a&#27;[31mb&#x202E;c&#x7;d &amp; e") == "a[31mbcd & e")
    }

    @Test func aFiftyMegabyteFileIsRefusedBeforeItIsRead() throws {
        let url = TestPaths.temporaryDirectory("import-big").appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50 << 20)  // sparse: 50 MB that were never written
        try handle.close()
        let start = Date()
        let error = try #require(throws: ImportError.self) { try ImportInput.read(url.path) }
        #expect(error.description.contains("the file is 50 MB; a document to import may be at most 16 MB"))
        #expect(error.description.hasPrefix(url.path + ":1:1: "))
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func aFiftyMegabyteStreamStopsAtTheLimit() throws {
        let start = Date()
        let run = try TriageProcess.shell("head -c 52428800 /dev/zero | tr '\\0' 'A' | \"$TRIAGE\" import text - --vendor acme --into \"$TMPDIR_IMPORT\"".replacingOccurrences(of: "$TMPDIR_IMPORT", with: TestPaths.temporaryDirectory("import-stream").path))
        #expect(run.status == 2)
        #expect(run.stderr.contains("<stdin>:1:1: more than 16 MB of input"), "\(run.stderr)")
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func deeplyNestedJSONIsRefusedWithoutACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        for format in [ImportFormat.json, .botocore, .openapi] {
            let folder = TestPaths.temporaryDirectory("import-deep")
            let error = try #require(throws: ImportError.self) {
                try ImportFixtures.run(format, "deep.json", vendor: "acme", into: folder, input: ImportInput(name: "deep.json", text: deep))
            }
            #expect(error.description == "deep.json:1:1: nested 100000 levels deep; a document to import may nest at most 64 levels")
        }
        // Deep objects inside strings do not count; a valid document just under the limit is fine.
        let shallow = #"{"errors": [{"code": "A_B", "description": "[[[[{{{{", "x": "# + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}]}"
        #expect(NestingCheck.jsonDepth(shallow).depth == 63)
    }

    @Test func deeplyNestedYAMLIsRefusedWithoutACrash() throws {
        var yaml = "openapi: 3.0.0\n"
        for level in 0..<5_000 { yaml += String(repeating: " ", count: level * 2) + "k\(level):\n" }
        let error = try #require(throws: ImportError.self) {
            try ImportFixtures.run(.openapi, "deep.yaml", vendor: "acme", into: TestPaths.temporaryDirectory("import-deep-yaml"),
                                   input: ImportInput(name: "deep.yaml", text: yaml))
        }
        #expect(error.description.contains("levels deep"))
        let flow = "openapi: 3.0.0\ninfo: " + String(repeating: "[", count: 50_000)
        #expect(throws: ImportError.self) {
            try ImportFixtures.run(.openapi, "flow.yaml", vendor: "acme", into: TestPaths.temporaryDirectory("import-deep-flow"),
                                   input: ImportInput(name: "flow.yaml", text: flow))
        }
    }

    @Test func hugeCellsAndLinesAreCutNotScannedWhole() throws {
        let cell = String(repeating: "word ", count: 400_000)  // 2 MB in one cell
        let table = "| Code | Description |\n| --- | --- |\n| BIG_ONE | \(cell) |\n| SMALL_ONE | Fine. |\n"
        let start = Date()
        let folder = TestPaths.temporaryDirectory("import-huge-cell")
        let result = try ImportFixtures.run(.table, "big.md", vendor: "acme", into: folder, input: ImportInput(name: "big.md", text: table))
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let catalog = ImportFixtures.load(folder).catalog
        let big = try #require(catalog.entry(CodeReference(vendor: "acme", code: "BIG_ONE")))
        #expect(big.description.count <= ImportLimits.maximumDescriptionLength && big.description.hasSuffix("…"))
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "SMALL_ONE")) != nil)
    }

    @Test func pathologicalMarkdownEmphasisIsLinear() {
        let line = String(repeating: "*a ", count: 20_000) + String(repeating: "_b ", count: 20_000)
        let start = Date()
        _ = MarkdownText.inline(String(line.prefix(ImportLimits.maximumSourceLine)))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func codesThatCannotBeCodesAreNotImported() throws {
        let registry = """
            [{"code": "\(String(repeating: "X", count: 500))", "description": "too long"},
             {"code": "A\\nB", "description": "two lines"},
             {"code": "OK_CODE", "description": "fine"}]
            """
        let folder = TestPaths.temporaryDirectory("import-bad-codes")
        let result = try ImportFixtures.run(.json, "r.json", vendor: "acme", into: folder, input: ImportInput(name: "r.json", text: registry))
        #expect(result.diff.added.map(\.code) == ["OK_CODE"])
    }

    @Test func notUTF8IsRefused() throws {
        let url = TestPaths.temporaryDirectory("import-latin1").appendingPathComponent("page.txt")
        try Data([0x41, 0x5F, 0x42, 0x20, 0xE9, 0xFF, 0x0A]).write(to: url)
        let error = try #require(throws: ImportError.self) { try ImportInput.read(url.path) }
        #expect(error.description.contains("not UTF-8"))
    }
}
