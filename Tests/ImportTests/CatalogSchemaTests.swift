import Foundation
import Testing
import TestSupport
import TriageCore

/// The catalog side of imports: `imports:`, `since:`, `deprecated:` and `provenance:` are read, checked and
/// carried into the compiled catalog.
@Suite struct CatalogSchemaTests {
    static let vendor = """
        vendor:
          id: acme
          name: Acme
        categories:
          - id: api
            name: API
        imports:
          - id: 1
            format: table
            file: errors.md
            sha256: 3c98e11564e7db47db4b838f6e7b9a975829f76fbee1852565672b2ec8ae6a28
            date: 2026-12-01
        codes:
          - code: GONE
            category: api
            description: It went.
            since: 2026-01-02
            deprecated: 2026-12-01
            provenance: {category: 1/abcd1234, description: 1/0011aabb}
          - code: HAND
            category: api
            description: Written by hand.
        """

    @Test func importFieldsAreReadAndResolved() throws {
        let (catalog, problems) = Fixtures.lint([("acme.yaml", Self.vendor)])
        #expect(problems.isEmpty, "\(problems)")
        let gone = try #require(catalog.entry(CodeReference(vendor: "acme", code: "GONE")))
        #expect(gone.lifecycle.since == "2026-01-02" && gone.lifecycle.deprecated == "2026-12-01")
        #expect(gone.lifecycle.provenance == [
            FieldSource(field: "category", file: "errors.md", format: "table",
                        sha256: "3c98e11564e7db47db4b838f6e7b9a975829f76fbee1852565672b2ec8ae6a28", date: "2026-12-01", valueHash: "abcd1234"),
            FieldSource(field: "description", file: "errors.md", format: "table",
                        sha256: "3c98e11564e7db47db4b838f6e7b9a975829f76fbee1852565672b2ec8ae6a28", date: "2026-12-01", valueHash: "0011aabb"),
        ])
        #expect(catalog.entry(CodeReference(vendor: "acme", code: "HAND"))?.lifecycle.isEmpty == true)
    }

    @Test func theCompiledCatalogCarriesThem() throws {
        let (catalog, _) = Fixtures.load([("acme.yaml", Self.vendor)])
        let decoded = try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
        #expect(Array(decoded.entries) == Array(catalog.entries))
        #expect(decoded.entries[0].lifecycle.provenance.count == 2)
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let broken = Self.vendor
            .replacingOccurrences(of: "since: 2026-01-02", with: "since: January 2nd")
            .replacingOccurrences(of: "description: 1/0011aabb", with: "descripton: 2/0011aabb")
            .replacingOccurrences(of: "sha256: 3c98", with: "sha256: zz98")
        let messages = Fixtures.load([("acme.yaml", broken)]).problems.map(\.description)
        #expect(messages.contains("acme.yaml:11:13: sha256 of import '1' must be 64 hexadecimal digits"))
        #expect(messages.contains("acme.yaml:17:12: since of code 'GONE' must be a date written YYYY-MM-DD, found 'January 2nd'"))
        #expect(messages.contains { $0.hasPrefix("acme.yaml:19:") && $0.contains("unknown key 'descripton' in provenance of code 'GONE'; did you mean 'description'?") })
        let unknown = Self.vendor.replacingOccurrences(of: "category: 1/abcd1234", with: "category: 7/abcd1234")
        #expect(Fixtures.load([("acme.yaml", unknown)]).problems.map(\.description)
                == ["acme.yaml:19:28: provenance of code 'GONE''s category names import '7', which the file's 'imports:' does not list (it has '1')"])
    }
}
