import Foundation
import Testing

/// The boundaries the target graph cannot enforce, checked in the sources: the UI does no file I/O (the
/// storage target and the command line do), and the toolkit knows nothing of Triage.
@Suite("Target boundaries")
struct BoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under `Sources/<target>`, with its text.
    static func files(of target: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            (path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8))
        }
    }

    @Test("no file in TriageUI reads or writes files")
    func noFileIOInTheUI() throws {
        let files = try Self.files(of: "TriageUI")
        #expect(files.count > 30, "the UI sources were not found")
        let forbidden = ["FileManager", "fopen", "fwrite", "FileHandle", ".write(to", ".write(toFile", "contentsOfFile",
                         "contentsOf: URL", "createFile", "rename(", "unlink(", "open(\"", "Data(contentsOf"]
        for file in files {
            for word in forbidden where file.text.contains(word) {
                Issue.record("Sources/TriageUI/\(file.name) uses \(word): file I/O belongs in TriageStorage or the CLI")
            }
        }
    }

    @Test("TerminalKit imports nothing of Triage")
    func toolkitStandsAlone() throws {
        let files = try Self.files(of: "TerminalKit")
        #expect(files.count > 10, "the toolkit sources were not found")
        for file in files {
            let imports = file.text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("@_exported import ") }
            for line in imports where line.contains("Triage") || line.contains("CNcurses") {
                Issue.record("Sources/TerminalKit/\(file.name): \(line)")
            }
        }
    }

    /// The child screens: each owns its state and answers the shell with a `ChildOutcome`; only `App/` (the
    /// shell) and the browse screen it is built on (`Browse/`, `Search/`) extend or change `BrowserState`.
    static let childFolders = ["Diagnosis", "Sessions", "Explain", "TreePicker", "Prompts", "Help", "Switcher"]

    @Test("no child screen touches the shell's state: BrowserState is extended only in App/, Browse/ and Search/")
    func childrenNeverTouchTheShell() throws {
        let files = try Self.files(of: "TriageUI")
        for file in files where Self.childFolders.contains(where: { file.name.hasPrefix($0 + "/") }) {
            for word in ["extension BrowserState", "inout BrowserState", "var state: BrowserState", "state: BrowserState"]
            where file.text.contains(word) {
                Issue.record("Sources/TriageUI/\(file.name) uses \(word): a child screen answers with a ChildOutcome instead")
            }
        }
        #expect(files.contains { $0.name.hasPrefix("Prompts/") }, "the prompts are a child of their own")
    }

    @Test("every key is handled through a key table: no raw comparisons or switches on a key in the UI")
    func keysOnlyThroughTables() throws {
        for file in try Self.files(of: "TriageUI") {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for word in ["switch key", "key == .", "key != .", "case .character(\"", "case .control(\""]
                where code.contains(word) {
                    Issue.record("Sources/TriageUI/\(file.name):\(number + 1) handles a key outside a KeyMap: \(line)")
                }
            }
        }
    }

    @Test("no file in TriageUI or TerminalKit reads the environment or opens a terminal: inputs come from the runner")
    func noHiddenInputs() throws {
        for target in ["TriageUI", "TerminalKit"] {
            for file in try Self.files(of: target) {
                for word in ["ProcessInfo.processInfo.environment", "getenv(", "isatty(", "/dev/tty"]
                where file.text.contains(word) {
                    Issue.record("Sources/\(target)/\(file.name) uses \(word): inputs come from the runner")
                }
            }
        }
    }
}
