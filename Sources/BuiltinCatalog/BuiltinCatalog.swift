import TriageCore

/// The catalog shipped inside the binary: the YAML files of the package's top-level `catalog/` folder,
/// embedded at build time by `EmbedCatalogPlugin`, and the same catalog compiled (`CompiledCatalog`).
public enum BuiltinCatalog {
    /// Each shipped file's path (`catalog/vendors/sentiance.yaml`) and its text, sorted by path.
    public static var files: [(path: String, text: String)] { EmbeddedCatalogFiles.all }

    /// The shipped catalog loaded, validated and compiled at build time: decode it with
    /// `CompiledCatalog.decode`. Nil when the shipped YAML has problems (then load `files` to report them).
    public static var compiled: [UInt8]? { EmbeddedCatalogFiles.compiled.flatMap(ByteLiteral.bytes(of:)) }

    /// `CompiledCatalog.key(of: compiled)`, worked out at build time (what names a user catalog's cache file).
    public static var compiledKey: UInt64? { EmbeddedCatalogFiles.compiledKey }

    /// The search index of `compiled`, encoded at build time: decode it with `SearchIndex(decoding:catalog:)`,
    /// which refuses it for any other catalog. Nil when the shipped YAML has problems.
    public static var searchIndex: [UInt8]? {
        EmbeddedCatalogFiles.searchIndex.flatMap(ByteLiteral.bytes(of:))
    }

    /// The search index of `catalog`: the one compiled into the binary when `catalog` is the built-in catalog
    /// (its structure checked), else built.
    @Sendable public static func index(for catalog: Catalog) -> SearchIndex {
        searchIndex.flatMap { SearchIndex(decoding: $0, catalog: catalog, check: .structure) } ?? SearchIndex(catalog: catalog)
    }
}
