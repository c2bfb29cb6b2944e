import BuiltinCatalog
import Foundation
import TestSupport
import TriageCore
@testable import TriageImport

/// The documents the import tests read, and how each seed is imported (the command lines a support lead would
/// type: the page's format, and the category rules for codes the page does not group).
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let date = "2026-12-01"

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func input(_ name: String) throws -> ImportInput { try ImportInput.read(path(name)) }

    static let builtIn = [CatalogSource.builtIn(BuiltinCatalog.files)]

    /// One import of a fixture into `directory`, written when `write`.
    @discardableResult
    static func run(_ format: ImportFormat, _ name: String, vendor: String, into directory: URL, date: String = date,
                    write: Bool = true, rules: [String] = [], input: ImportInput? = nil) throws -> ImportResult {
        var options = ImportOptions(vendor: vendor, format: format, date: date)
        options.categoryRules = try rules.map(CategoryRule.init(parsing:))
        var result = try Importer.run(try input ?? self.input(name), options: options, into: directory.path, baseSources: builtIn)
        if write { try Importer.write(&result) }
        return result
    }

    struct Seed {
        var vendor: String
        var format: ImportFormat
        var file: String
        var rules: [String]
    }

    /// The three seed pages, as `triage import` takes them.
    static let seeds = [
        Seed(vendor: "sentiance", format: .markdown, file: "000_f1503e029b7d7b6a.txt",
             rules: ["user-linking=~User-Linking REST API", "custom-events=~Custom-Event REST API"]),
        Seed(vendor: "cometchat", format: .text, file: "001_d7f654f51c4a9df1.txt", rules: []),
        Seed(vendor: "sentori", format: .table, file: "002_01a7586a40bad1f4.txt",
             rules: ["request-auth=..99", "contacts=100..199", "lists=200..299", "documents=300..399", "emails=400..499",
                     "audiences=500..599"]),
    ]

    /// Every seed imported into a new folder, with Sentiance's documented statuses (a second document: the
    /// error page gives none) imported on top.
    static func importAllSeeds(into directory: URL) throws -> [ImportResult] {
        var results: [ImportResult] = []
        for seed in seeds {
            results.append(try run(seed.format, seed.file, vendor: seed.vendor, into: directory, rules: seed.rules))
        }
        results.append(try run(.table, "sentiance-statuses.md", vendor: "sentiance", into: directory))
        return results
    }

    /// The folder's catalog on its own.
    static func load(_ directory: URL) -> (catalog: Catalog, problems: [CatalogProblem]) {
        let read = CatalogSource.directory(directory.path)
        let loaded = CatalogLoader.load([read.source])
        return (loaded.catalog, read.problems + loaded.problems)
    }

    /// A folder holding a copy of the shipped catalog.
    static func shippedCopy() throws -> URL {
        let copy = TestPaths.temporaryDirectory("import-shipped")
        for sub in ["vendors", "trees", "tests"] {
            try FileManager.default.copyItem(at: TestPaths.catalogDirectory.appendingPathComponent(sub),
                                             to: copy.appendingPathComponent(sub))
        }
        return copy
    }
}
