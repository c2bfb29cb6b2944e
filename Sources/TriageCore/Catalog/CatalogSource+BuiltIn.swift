extension CatalogSource {
    /// The catalog compiled into the binary. Its files are named `[built-in] trees/x.yaml` rather than
    /// `catalog/trees/x.yaml`, so a problem reported in one is not mistaken for a file on this machine.
    public static func builtIn(_ files: [(path: String, text: String)]) -> CatalogSource {
        CatalogSource(name: "built-in", files: files.map { (builtInPath($0.path), $0.text) })
    }

    /// `catalog/trees/x.yaml` -> `[built-in] trees/x.yaml`.
    public static func builtInPath(_ path: String) -> String {
        "[built-in] " + (path.hasPrefix("catalog/") ? String(path.dropFirst("catalog/".count)) : path)
    }
}
