import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The catalog the binary carries: clean, and exactly the seed documents' codes.
@Suite struct ShippedCatalogTests {
    let catalog = Fixtures.shipped.catalog

    @Test func loadsWithoutProblems() {
        #expect(Fixtures.shipped.problems.map(\.description) == [])
    }

    @Test func holdsExactlyTheSeedCodesPerVendorAndCategory() throws {
        #expect(catalog.vendors.map(\.id).sorted() == ["cometchat", "sentiance", "sentori"])
        for (vendorID, categories) in SeedCodes.byVendor {
            let vendor = try #require(catalog.vendor(id: vendorID))
            #expect(vendor.categories.map(\.id) == categories.map(\.category), "\(vendorID) categories")
            for (category, codes) in categories {
                #expect(catalog.entries(vendor: vendorID, category: category).map(\.code) == codes, "\(vendorID)/\(category)")
            }
            #expect(catalog.entries(vendor: vendorID).count == categories.reduce(0) { $0 + $1.codes.count })
        }
        #expect(catalog.entries.count == 143)
        #expect(catalog.entries(vendor: "sentiance").count == 11)
        #expect(catalog.entries(vendor: "cometchat").count == 116)
        #expect(catalog.entries(vendor: "sentori").count == 16)
    }

    @Test func httpStatusesOnlyWhereDocumented() {
        let sentiance = Dictionary(uniqueKeysWithValues: catalog.entries(vendor: "sentiance").map { ($0.code, $0.httpStatus) })
        #expect(sentiance == [
            "CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON": 403, "INSTALL_NOT_FOUND": 404,
            "INSTALL_DOES_NOT_BELONG_TO_APP": 403, "INSTALL_DISABLED": 403, "INSTALL_DELETED": 403,
            "INSTALL_DEACTIVATED": nil, "INSTALL_LINKED_TO_OTHER_USER": 403, "MULTIPLE_INSTALLS_ACTIVE": nil,
            "USERLINKING_NOT_CONFIGURED": nil, "USER_DOES_NOT_BELONG_TO_APP": nil, "USER_NOT_FOUND": nil,
        ])
        #expect(catalog.entries(vendor: "cometchat").allSatisfy { $0.httpStatus == nil && $0.message == nil })
        #expect(catalog.entries(vendor: "sentori").allSatisfy { $0.httpStatus != nil && $0.message != nil })
        #expect(catalog.entries(vendor: "sentiance").allSatisfy { $0.message == nil })
    }

    @Test func vendorsHaveWhatTheDetailViewShows() throws {
        let sentiance = try #require(catalog.vendor(id: "sentiance"))
        #expect(sentiance.notice?.contains("deprecated") == true)
        for vendor in catalog.vendors {
            #expect(!vendor.facts.isEmpty, "\(vendor.id) facts")
            #expect(vendor.product != nil, "\(vendor.id) product")
        }
        for entry in catalog.entries {
            #expect(!entry.causes.isEmpty && !entry.checks.isEmpty && !entry.keywords.isEmpty, "\(entry.reference) hints")
        }
    }

    @Test func everyCodeIsDiagnosedByATree() {
        let undiagnosed = catalog.entries.filter { $0.trees.isEmpty }.map(\.reference.description)
        #expect(undiagnosed == [])
    }

    /// The vendor files' own `trees:` lists and the trees' `codes:` lists say the same thing.
    @Test func vendorTreeListsMatchTheTreesCodes() throws {
        var fromTrees: [CodeReference: Set<TreeID>] = [:]
        for tree in catalog.trees {
            for code in tree.codes { fromTrees[code, default: []].insert(tree.id) }
        }
        for file in BuiltinCatalog.files where file.path.hasPrefix("catalog/vendors/") {
            var problems = ProblemList()
            let root = try #require(YAMLParser.parse(file.text, file: file.path, &problems)?.mapping("file", &problems))
            let vendorFile = try #require(VendorFile.parse(root, source: "built-in", &problems))
            for raw in vendorFile.codes {
                let listed = Set(raw.trees.map(\.id))
                #expect(listed == fromTrees[raw.entry.reference] ?? [], "\(raw.entry.reference): vendor file lists \(listed.sorted())")
            }
        }
    }
}

/// Re-reads the seed documents, where they are beside the checkout, and checks the catalog against them.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestPaths.seedsDirectory.path), "../shared/seeds not present"))
struct SeedDocumentTests {
    private func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.seedsDirectory.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) })
        return try String(contentsOf: TestPaths.seedsDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func cometChatCodesAndCategoriesMatchTheErrorGuide() throws {
        var parsed: [(String, [String])] = []
        for line in try seed("001_").components(separatedBy: "\n") {
            if line.hasSuffix(" Errors"), !line.contains("Indicates") {
                parsed.append((line, []))
            } else if line.hasPrefix("ERR_") || line.hasPrefix("AUTH_ERR_"), let range = line.range(of: "Indicates") {
                parsed[parsed.count - 1].1.append(String(line[..<range.lowerBound]))
            }
        }
        let expected = try #require(SeedCodes.byVendor["cometchat"])
        #expect(parsed.count == 16)
        #expect(parsed.map(\.1) == expected.map(\.codes))
    }

    @Test func sentianceCodesMatchTheirPage() throws {
        let codes = try seed("000_").components(separatedBy: "\n").filter { $0.hasPrefix("### ") }
            .map { $0.dropFirst(4).replacingOccurrences(of: "\\_", with: "_") }
        let expected = try #require(SeedCodes.byVendor["sentiance"]).flatMap(\.codes)
        #expect(codes.sorted() == expected.sorted())
    }

    @Test func sentoriTableMatchesMessagesAndStatuses() throws {
        let catalog = Fixtures.shipped.catalog
        var rows = 0
        for line in try seed("002_").components(separatedBy: "\n") {
            let cells = line.components(separatedBy: " | ")
            guard cells.count >= 4, Int(cells[0]) != nil else { continue }
            rows += 1
            let entry = try #require(catalog.entry(CodeReference(vendor: "sentori", code: cells[0])))
            #expect(entry.message == cells[1])
            #expect(entry.httpStatus == Int(cells[2]))
            #expect(entry.description == cells[3].trimmingCharacters(in: CharacterSet(charactersIn: " |")))
        }
        #expect(rows == 16)
    }
}
