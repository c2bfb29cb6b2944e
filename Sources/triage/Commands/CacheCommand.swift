import ArgumentParser
import Foundation
import TriageCore

/// `triage cache`: where the compiled catalog of the current folders is kept, and `--verify`: every byte of it
/// checked against its checksums (an ordinary start checks only its header and what it reads).
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show where the compiled catalog is cached; --verify checks every byte of it.",
        discussion: """
            With --catalog folders (or TRIAGE_CATALOG), Triage compiles them once into a cache file and maps it on \
            later starts, checking its header and each part it reads. --verify reads the whole file: a damaged \
            one is removed, so the next start compiles the catalog again (exit 1); the search index beside it is \
            opened through all its checks and built again when it fails them (exit 1). The built-in catalog \
            alone is compiled into the binary and has no cache file.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Check every byte of the cache file (removed when damaged) and its search index (rebuilt when damaged).")
    var verify = false
    @Flag(help: "Print JSON instead of text.") var json = false

    struct Report: Encodable {
        var file: String?
        var exists: Bool
        var bytes: Int?
        var index: String?
        var indexBytes: Int?
        var intact: Bool?
        var removed: Bool?
        /// The search index opened through every check (checksum, the catalog's codes, every offset); false:
        /// it was rebuilt.
        var indexIntact: Bool?

        enum CodingKeys: String, CodingKey {
            case file, exists, bytes, index, intact, removed
            case indexBytes = "index_bytes"
            case indexIntact = "index_intact"
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.current
        let folders = global.userFolders(environment)
        guard !folders.isEmpty else {
            if json { return try JSONOutput.print(Report(file: nil, exists: false)) }
            return Console.out("The built-in catalog is compiled into the binary: there is no cache file. "
                + "Name folders with --catalog DIR (or TRIAGE_CATALOG) to see theirs.")
        }
        guard let directory = TriagePaths.cacheDirectory(environment: environment) else {
            throw TriageError("no cache folder: set HOME or XDG_CACHE_HOME", exitCode: 2)
        }
        let cache = CatalogCache(directory: directory)
        let file = cache.file(builtInKey: GlobalOptions.builtInKey, folders: folders)
        let index = SearchIndexStore(catalogFile: file).path
        let indexBytes = Self.size(index)
        var report = Report(file: file, exists: FileManager.default.fileExists(atPath: file),
                            bytes: Self.size(file), index: indexBytes == nil ? nil : index, indexBytes: indexBytes)
        if verify, report.exists {
            let intact = cache.verify(builtInKey: GlobalOptions.builtInKey, folders: folders) ?? false
            report.intact = intact
            if !intact {
                report.removed = (try? FileManager.default.removeItem(atPath: file)) != nil
                try? FileManager.default.removeItem(atPath: index)
            } else if report.index != nil {
                // The full check reads all of it; one that fails is built again and rewritten.
                report.indexIntact = SearchIndexStore(catalogFile: file).index(for: try global.loadCatalog(), check: .full)
                    .outcome == .loaded
            }
        }
        if json {
            try JSONOutput.print(report)
        } else {
            Console.out(Self.describe(report))
        }
        if report.intact == false || report.indexIntact == false { throw ExitCode(1) }
    }

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    }

    /// "812 bytes", "64.2 MB".
    static func bytesText(_ count: Int) -> String {
        count < 1_000 ? "\(count) bytes" : count < 1_000_000 ? String(format: "%.1f KB", Double(count) / 1e3)
            : String(format: "%.1f MB", Double(count) / 1e6)
    }

    static func describe(_ report: Report) -> String {
        let file = TextLayout.cell(report.file ?? "")
        guard report.exists else {
            return "No cache file yet: \(file)\nThe next start with these folders compiles them and writes it."
        }
        var lines = ["Cache file: \(file) (\(bytesText(report.bytes ?? 0)))"]
        if let index = report.index { lines.append("Search index: \(TextLayout.cell(index)) (\(bytesText(report.indexBytes ?? 0)))") }
        switch (report.intact, report.removed) {
        case (true?, _): lines.append("Verified: every byte matches its checksums.")
        case (false?, true?): lines.append("Damaged: removed; the next start compiles the catalog again.")
        case (false?, _): lines.append("Damaged, and it could not be removed: delete it by hand.")
        case (nil, _): break
        }
        switch report.indexIntact {
        case true?: lines.append("Search index verified.")
        case false?: lines.append("Search index damaged or stale: built again and rewritten.")
        case nil: break
        }
        return lines.joined(separator: "\n")
    }
}
