import Foundation
import Testing
import TestSupport
import TriageCore
@testable import TriageImport

/// The seed pages imported from scratch reproduce the shipped catalog, and importing again changes nothing.
@Suite struct SeedImportTests {
    /// Every typo fix of the shipped text ("does not exists", "it self", "pasword", "iniator", "has and existing",
    /// "empty messages text") comes from the cleaning rules (`Typos`), none from a per-code table.

    @Test func seedsReproduceTheShippedCatalogField() throws {
        let folder = TestPaths.temporaryDirectory("import-seeds")
        let results = try ImportFixtures.importAllSeeds(into: folder)
        for result in results { #expect(result.errors.isEmpty, "\(result.errors)") }
        let (imported, problems) = ImportFixtures.load(folder)
        #expect(problems.isEmpty, "\(problems)")
        let shipped = Fixtures.shipped.catalog
        var matching: [String: Int] = [:]
        var mismatches: Set<String> = []
        var codes = 0
        for vendor in ["sentiance", "cometchat", "sentori"] {
            for entry in shipped.entries(vendor: vendor) {
                codes += 1
                guard let mine = imported.entry(entry.reference) else {
                    mismatches.insert("\(entry.reference) missing")
                    continue
                }
                let fields: [(String, Bool)] = [
                    ("code", mine.code == entry.code), ("message", mine.message == entry.message),
                    ("http", mine.httpStatus == entry.httpStatus), ("category", mine.category == entry.category),
                    ("description", mine.description == entry.description),
                ]
                for (field, same) in fields {
                    if same { matching[field, default: 0] += 1 } else { mismatches.insert("\(entry.reference) \(field)") }
                }
            }
        }
        #expect(codes == 143)
        #expect(imported.entries.count == 143)
        #expect(matching["code"] == 143 && matching["message"] == 143 && matching["http"] == 143 && matching["category"] == 143)
        #expect(matching["description"] == 143)
        #expect(mismatches.isEmpty, "\(mismatches.sorted())")
    }

    @Test func theVendorNoticeComesFromThePageLevelHint() throws {
        let folder = TestPaths.temporaryDirectory("import-notice")
        _ = try ImportFixtures.importAllSeeds(into: folder)
        let (imported, _) = ImportFixtures.load(folder)
        #expect(imported.vendor(id: "sentiance")?.notice == Fixtures.shipped.catalog.vendor(id: "sentiance")?.notice)
        let categories = imported.vendor(id: "cometchat")?.categories.map(\.id)
        #expect(categories == Fixtures.shipped.catalog.vendor(id: "cometchat")?.categories.map(\.id))
    }

    @Test func aSecondImportChangesNothing() throws {
        let folder = TestPaths.temporaryDirectory("import-twice")
        _ = try ImportFixtures.importAllSeeds(into: folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("vendors").path).sorted()
            .map { try String(contentsOf: folder.appendingPathComponent("vendors/\($0)"), encoding: .utf8) }
        // Another day, same documents.
        for seed in ImportFixtures.seeds {
            let again = try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, date: "2027-01-15",
                                               write: false, rules: seed.rules)
            #expect(!again.diff.hasCodeChanges, "\(again.diff.lines())")
            #expect(again.diff.kept.isEmpty)
            #expect(!again.diff.fileChanges)
            #expect(again.diff.summaryLine.hasPrefix("No changes"))
        }
        let statuses = try ImportFixtures.run(.table, "sentiance-statuses.md", vendor: "sentiance", into: folder, date: "2027-01-15")
        #expect(!statuses.diff.fileChanges)
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("vendors").path).sorted()
            .map { try String(contentsOf: folder.appendingPathComponent("vendors/\($0)"), encoding: .utf8) }
        #expect(before == after)
    }

    /// Re-importing the seeds into the shipped catalog itself: no code changes, the two hand-fixed descriptions
    /// kept (and reported), provenance recorded once; then nothing at all.
    @Test func reimportIntoTheShippedCatalogKeepsItsText() throws {
        let folder = try ImportFixtures.shippedCopy()
        var kept: [String] = []
        for seed in ImportFixtures.seeds {
            let first = try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, rules: seed.rules)
            #expect(first.diff.added.isEmpty && first.diff.changed.isEmpty && first.diff.deprecated.isEmpty, "\(first.diff.lines())")
            #expect(first.errors.isEmpty && first.findings.isEmpty, "\(first.errors + first.findings)")
            kept += first.diff.kept.map { "\($0.code) \($0.field)" }
            let second = try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, write: false, rules: seed.rules)
            #expect(!second.diff.fileChanges && !second.diff.hasCodeChanges && second.diff.kept.isEmpty)
        }
        #expect(kept.isEmpty, "every shipped text comes from the page and the rules: \(kept)")
        // The curated text is where it was: only imports: and provenance: lines were added.
        let original = try String(contentsOf: TestPaths.catalogDirectory.appendingPathComponent("vendors/sentiance.yaml"), encoding: .utf8)
        let edited = try String(contentsOf: folder.appendingPathComponent("vendors/sentiance.yaml"), encoding: .utf8)
        let added = Set(edited.split(separator: "\n", omittingEmptySubsequences: false)).subtracting(original.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(added.allSatisfy { $0.hasPrefix("    provenance: ") || $0.hasPrefix("imports:") || $0.hasPrefix("  - id: ")
                    || $0.hasPrefix("    format: ") || $0.hasPrefix("    file: ") || $0.hasPrefix("    sha256: ")
                    || $0.hasPrefix("    date: ") }, "\(added)")
        let (catalog, problems) = CatalogLoader.lint([CatalogSource.directory(folder.path).source])
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog.entries.count == 143)
        #expect(catalog.entries.filter { !$0.lifecycle.provenance.isEmpty }.count == 143)
    }

    /// A changed copy of the Sentori page: 301 removed, 600 added, 101's message edited.
    @Test func aChangedPageGivesExactlyItsDiff() throws {
        let folder = TestPaths.temporaryDirectory("import-changed")
        let seed = ImportFixtures.seeds[2]
        try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, rules: seed.rules)
        let changed = try ImportFixtures.run(.table, "changed/002_01a7586a40bad1f4.txt", vendor: "sentori", into: folder,
                                             date: "2027-02-01", write: false, rules: seed.rules)
        let diff = changed.diff
        #expect(diff.added.map(\.code) == ["600"])
        #expect(diff.added.first?.changes.map(\.field) == ["category", "http", "message", "description"])
        #expect(diff.added.first?.changes.first?.new == "audiences")
        #expect(diff.changed == [.init(code: "101", changes: [.init(field: "message", old: "Contact not found", new: "Contact does not exist")])])
        #expect(diff.deprecated.map(\.code) == ["301"])
        #expect(diff.deprecated.first?.changes.first?.new == "2027-02-01")
        #expect(diff.kept.isEmpty && diff.categoriesAdded.isEmpty && diff.vendorChanges.isEmpty)
        #expect(diff.unchanged == 14)

        var result = changed
        try Importer.write(&result)
        let (catalog, problems) = ImportFixtures.load(folder)
        #expect(problems.isEmpty, "\(problems)")
        let removed = try #require(catalog.entry(CodeReference(vendor: "sentori", code: "301")))
        #expect(removed.lifecycle.deprecated == "2027-02-01")
        #expect(removed.message == "Document is not of expected type")
        let new = try #require(catalog.entry(CodeReference(vendor: "sentori", code: "600")))
        #expect(new.lifecycle.since == "2027-02-01")
        // 600 is past the rules' ranges: it goes where the code before it on the page is, which is the catalog's
        // choice, not an imported field.
        #expect(new.category == "audiences")
        #expect(new.lifecycle.provenance.map(\.field) == ["http", "message", "description"])
        let edited = try #require(catalog.entry(CodeReference(vendor: "sentori", code: "101")))
        #expect(edited.message == "Contact does not exist")
        let source = try #require(edited.lifecycle.provenance.first { $0.field == "message" })
        #expect(source.date == "2027-02-01" && source.file == "002_01a7586a40bad1f4.txt" && source.format == "table")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ImportFixtures.path("changed/002_01a7586a40bad1f4.txt")))
        #expect(source.sha256 == SHA256.hex(Array(bytes)))
        // Unchanged fields keep the first import's provenance.
        #expect(edited.lifecycle.provenance.first { $0.field == "description" }?.date == ImportFixtures.date)

        // The page goes back to what it was: 301 is back (no longer deprecated), 600 deprecated.
        let back = try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, date: "2027-03-01",
                                          write: false, rules: seed.rules)
        #expect(back.diff.deprecated.map(\.code) == ["600"])
        #expect(back.diff.changed.map(\.code).sorted() == ["101", "301"])
        #expect(back.diff.changed.first { $0.code == "301" }?.changes == [.init(field: "deprecated", old: "2027-02-01", new: nil)])
    }

    /// A local correction of imported text survives re-imports until the vendor changes that text.
    @Test func localCorrectionsSurviveUntilTheVendorChangesTheText() throws {
        let folder = TestPaths.temporaryDirectory("import-local")
        let seed = ImportFixtures.seeds[2]
        try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, rules: seed.rules)
        let file = folder.appendingPathComponent("vendors/sentori.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "message: Bad request", with: "message: Bad request (malformed)")
        text = text.replacingOccurrences(of: "message: Contact not found", with: "message: Contact not found!")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let same = try ImportFixtures.run(seed.format, seed.file, vendor: seed.vendor, into: folder, write: false, rules: seed.rules)
        #expect(!same.diff.hasCodeChanges && !same.diff.fileChanges)
        let changed = try ImportFixtures.run(.table, "changed/002_01a7586a40bad1f4.txt", vendor: "sentori", into: folder,
                                             write: false, rules: seed.rules)
        let change = try #require(changed.diff.changed.first { $0.code == "101" }?.changes.first)
        #expect(change.old == "Contact not found!" && change.new == "Contact does not exist" && change.replacesLocalEdit)
        #expect(!changed.diff.changed.contains { $0.code == "-1" })
    }
}

extension SeedImportTests {
    /// Sentiance's statuses come from a second document: dropping a row there removes that status, it does not
    /// deprecate the code (the error page still documents it); the page's own re-import leaves the statuses alone.
    @Test func aSecondDocumentOnlyOwnsWhatItAdded() throws {
        let folder = TestPaths.temporaryDirectory("import-two-documents")
        _ = try ImportFixtures.importAllSeeds(into: folder)
        let statuses = try String(contentsOfFile: ImportFixtures.path("sentiance-statuses.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("| INSTALL_NOT_FOUND ") }
            .joined(separator: "\n")
        let dropped = try ImportFixtures.run(.table, "sentiance-statuses.md", vendor: "sentiance", into: folder, date: "2027-01-01",
                                             input: ImportInput(name: "sentiance-statuses.md", text: statuses))
        #expect(dropped.diff.deprecated.isEmpty && dropped.diff.added.isEmpty)
        #expect(dropped.diff.changed == [.init(code: "INSTALL_NOT_FOUND", changes: [.init(field: "http", old: "404", new: nil)])])
        let entry = try #require(ImportFixtures.load(folder).catalog.entry(CodeReference(vendor: "sentiance", code: "INSTALL_NOT_FOUND")))
        #expect(entry.httpStatus == nil && entry.lifecycle.deprecated == nil)
        #expect(entry.lifecycle.provenance.map(\.field) == ["category", "summary", "description"])
        let page = ImportFixtures.seeds[0]
        let again = try ImportFixtures.run(page.format, page.file, vendor: page.vendor, into: folder, date: "2027-01-02",
                                           write: false, rules: page.rules)
        #expect(!again.diff.fileChanges, "\(again.diff.lines())")
    }
}
