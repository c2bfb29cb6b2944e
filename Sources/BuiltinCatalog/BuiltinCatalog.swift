import TriageCore

/// The catalog shipped inside the binary: the YAML files of the package's top-level `catalog/` folder,
/// embedded at build time by `EmbedCatalogPlugin`, and the same catalog compiled (`CompiledCatalog`).
public enum BuiltinCatalog {
    /// Each shipped file's path (`catalog/vendors/sentiance.yaml`) and its text, sorted by path.
    public static var files: [(path: String, text: String)] { EmbeddedCatalogFiles.all }

    /// The shipped catalog loaded, validated and compiled at build time, decoded from the binary into memory of
    /// its own (`CatalogBytes(literal:)`). Nil when the shipped YAML has problems (then load `files` to report them).
    public static var compiledBytes: CatalogBytes? { EmbeddedCatalogFiles.compiled.flatMap(CatalogBytes.init(literal:)) }

    /// `compiledBytes` as an array (what `CompiledCatalog.decode` and the tests take).
    public static var compiled: [UInt8]? { compiledBytes?.array }

    /// The shipped catalog, read in place from `compiledBytes`. Nil when the shipped YAML has problems.
    public static func catalog() -> Catalog? { compiledBytes.flatMap(CompiledCatalog.decodeBuiltIn) }

    /// `CompiledCatalog.key(of: compiled)`, worked out at build time (what names a user catalog's cache file).
    public static var compiledKey: UInt64? { EmbeddedCatalogFiles.compiledKey }

    /// The search index of `compiled`, encoded at build time and decoded like `compiledBytes`: open it with
    /// `SearchIndex(decoding:catalog:check:)`, which refuses it for any other catalog.
    public static var searchIndexBytes: CatalogBytes? { EmbeddedCatalogFiles.searchIndex.flatMap(CatalogBytes.init(literal:)) }

    /// `searchIndexBytes` as an array.
    public static var searchIndex: [UInt8]? { searchIndexBytes?.array }

    /// The search index of `catalog`: the one compiled into the binary when `catalog` is the built-in catalog
    /// (its structure checked), else built.
    @Sendable public static func index(for catalog: Catalog) -> SearchIndex {
        searchIndexBytes.flatMap { SearchIndex(decoding: $0, catalog: catalog, check: .structure) } ?? SearchIndex(catalog: catalog)
    }
}
