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
}
