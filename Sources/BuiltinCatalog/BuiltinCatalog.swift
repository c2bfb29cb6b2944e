/// The catalog shipped inside the binary: the YAML files of the package's top-level `catalog/` folder,
/// embedded at build time by `EmbedCatalogPlugin`.
public enum BuiltinCatalog {
    /// Each shipped file's path (`catalog/vendors/sentiance.yaml`) and its text, sorted by path.
    public static var files: [(path: String, text: String)] { EmbeddedCatalogFiles.all }
}
