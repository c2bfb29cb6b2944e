import BuiltinCatalog
import Foundation
import TriageCore

/// Small catalogs built from YAML text, and the shipped one.
public enum Fixtures {
    /// Loads one source made of the given files (path -> YAML).
    /// Catalog files as `triage lint` checks them: errors and the authoring rules.
    public static func lint(_ files: [(String, String)], name: String = "test") -> (catalog: Catalog, problems: [CatalogProblem]) {
        CatalogLoader.lint([CatalogSource(name: name, files: files)])
    }

    public static func load(_ files: [(String, String)], name: String = "test") -> (catalog: Catalog, problems: [CatalogProblem]) {
        CatalogLoader.load([CatalogSource(name: name, files: files)])
    }

    /// A catalog folder holding one vendor `acme` with a category `api` and one code, as `acme.yaml` (for
    /// command-line tests that pass `--catalog` or `TRIAGE_CATALOG`).
    public static func acmeFolder(_ name: String, code: String, category: String = "api",
                                  description: String) throws -> URL {
        let folder = TestPaths.temporaryDirectory(name)
        try """
            vendor:
              id: acme
              name: Acme
            categories:
              - id: api
                name: API
            codes:
              - code: \(code)
                category: \(category)
                description: \(description)
            """.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The catalog as the binary carries it.
    public static let shipped: (catalog: Catalog, problems: [CatalogProblem]) =
        CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files)])

    /// How many conclusions the shipped trees have (counts that depend on it are derived, not written down).
    public static let shippedConclusionCount: Int = shipped.catalog.trees.reduce(0) { count, tree in
        count + tree.nodeOrder.filter { id in
            if case .conclusion? = tree[node: id]?.kind { return true }
            return false
        }.count
    }

    /// A minimal valid vendor file.
    public static let acmeVendor = """
        vendor:
          id: acme
          name: Acme
        categories:
          - id: auth
            name: Authentication
          - id: data
            name: Data
        codes:
          - code: KEY_INVALID
            category: auth
            http: 401
            message: Key not valid
            description: The API key is not valid.
            keywords: [credentials]
            related: [KEY_EXPIRED]
          - code: KEY_EXPIRED
            category: auth
            http: 401
            description: The API key has expired.
          - code: ROW_NOT_FOUND
            category: data
            http: 404
            description: The row does not exist.

        """
}
