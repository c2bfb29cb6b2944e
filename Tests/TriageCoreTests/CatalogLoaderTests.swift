import Testing
import TestSupport
@testable import TriageCore

@Suite struct CatalogLoaderTests {
    @Test func readsVendorsCategoriesAndEntries() throws {
        let (catalog, problems) = Fixtures.load([("vendors/acme.yaml", Fixtures.acmeVendor)])
        #expect(problems.isEmpty, "\(problems)")
        let acme = try #require(catalog.vendor(id: "acme"))
        #expect(acme.name == "Acme")
        #expect(acme.categories.map(\.id) == ["auth", "data"])
        #expect(acme.sources == ["test"])
        #expect(catalog.entries.map(\.code) == ["KEY_INVALID", "KEY_EXPIRED", "ROW_NOT_FOUND"])
        let key = try #require(catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID")))
        #expect(key.httpStatus == 401)
        #expect(key.message == "Key not valid")
        #expect(key.related == [CodeReference(vendor: "acme", code: "KEY_EXPIRED")])
        #expect(key.location == SourceLocation(file: "vendors/acme.yaml", line: 10, column: 11))
        #expect(key.numeric == nil)
    }

    @Test func numericCodesKeepTheirTextAndGetANumber() throws {
        let yaml = """
            vendor: {id: nums, name: Numbers}
            categories: [{id: all, name: All}]
            codes:
              - {code: -1, category: all, description: Bad request}
              - {code: 500, category: all, http: 404, description: Not found}
            """
        let (catalog, problems) = Fixtures.load([("n.yaml", yaml)])
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog.entries.map(\.code) == ["-1", "500"])
        #expect(catalog.entries.map(\.numeric) == [-1, 500])
        #expect(catalog.entries(code: "-1").count == 1)
    }

    @Test func laterSourcesOverrideEarlierOnesPerCode() throws {
        let override = """
            vendor:
              id: acme
              notice: Overridden notice
            categories:
              - id: extra
                name: Extra
            codes:
              - code: KEY_EXPIRED
                category: auth
                description: Local explanation of expiry.
              - code: NEW_CODE
                category: extra
                description: A code only we know.
            """
        let third = """
            vendor: {id: acme}
            codes:
              - {code: NEW_CODE, category: extra, description: Third source wins.}
            """
        let (catalog, problems) = CatalogLoader.load([
            CatalogSource(name: "built-in", files: [("vendors/acme.yaml", Fixtures.acmeVendor)]),
            CatalogSource(name: "/etc/triage", files: [("/etc/triage/acme.yaml", override)]),
            CatalogSource(name: "./mine", files: [("./mine/acme.yaml", third)]),
        ])
        #expect(problems.isEmpty, "\(problems)")
        let acme = try #require(catalog.vendor(id: "acme"))
        #expect(acme.name == "Acme", "fields not given are kept")
        #expect(acme.notice == "Overridden notice")
        #expect(acme.sources == ["built-in", "/etc/triage", "./mine"])
        #expect(acme.categories.map(\.id) == ["auth", "data", "extra"])
        #expect(catalog.entries.map(\.code) == ["KEY_INVALID", "KEY_EXPIRED", "ROW_NOT_FOUND", "NEW_CODE"])
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "KEY_EXPIRED"))?.description == "Local explanation of expiry.")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "NEW_CODE"))?.description == "Third source wins.")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID"))?.location.file == "vendors/acme.yaml")
    }

    @Test func lookupIgnoresCaseAndFindsTheSameCodeAtSeveralVendors() {
        let other = """
            vendor: {id: other, name: Other}
            categories: [{id: c, name: C}]
            codes:
              - {code: key_invalid, category: c, description: Same name elsewhere.}
            """
        let (catalog, problems) = Fixtures.load([("a.yaml", Fixtures.acmeVendor), ("b.yaml", other)])
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog.entries(code: "KEY_INVALID").map(\.vendor) == ["acme", "other"])
        #expect(catalog.entries(code: "Key_Invalid", vendor: "acme").count == 1)
        #expect(catalog.suggestions(for: "KEY_INVALD").first?.code == "KEY_INVALID")
    }

    @Test func treesListedByCodeAndCodesListedByTreeAreMerged() throws {
        let vendor = Fixtures.acmeVendor.replacingOccurrences(
            of: "    description: The row does not exist.", with: "    description: The row does not exist.\n    trees: [rows]")
        let tree = """
            id: keys
            title: Key problems
            vendors: [acme]
            codes: [KEY_INVALID]
            start: done
            nodes:
              done:
                conclusion: Replace the key
                steps: [Create a new key.]
            """
        let rows = tree.replacingOccurrences(of: "id: keys", with: "id: rows").replacingOccurrences(of: "codes: [KEY_INVALID]", with: "codes: []")
        let (catalog, problems) = Fixtures.load([("v.yaml", vendor), ("t1.yaml", tree), ("t2.yaml", rows)])
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID"))?.trees == ["keys"])
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "ROW_NOT_FOUND"))?.trees == ["rows"])
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "KEY_EXPIRED"))?.trees == [])
    }

    @Test func missingFolderIsAProblemNotASilentSkip() {
        let result = CatalogSource.directory("/no/such/folder")
        #expect(result.problems.map(\.description) == ["/no/such/folder:1:1: no such catalog folder"])
    }

    @Test func readsFoldersRecursivelyInPathOrder() {
        let folder = TestPaths.catalogFolder([
            "vendors/acme.yaml": Fixtures.acmeVendor,
            "trees/notes.txt": "not yaml, ignored",
            ".git/config.yaml": "hidden: folders are not catalog content",
            "vendors/.acme.yaml.swp.yaml": "hidden: files neither",
            "trees/z.yml": "id: z\ntitle: Z\nvendors: [acme]\nstart: a\nnodes:\n  a:\n    conclusion: Done\n    steps: [x]\n",
        ])
        let result = CatalogSource.directory(folder.path)
        #expect(result.problems.isEmpty)
        #expect(result.source.files.map { String($0.path.dropFirst(folder.path.count)) } == ["/trees/z.yml", "/vendors/acme.yaml"])
    }
}
