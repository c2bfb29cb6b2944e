extension Catalog {
    /// The documentation page for `entry`: its own `docs:`, else its vendor's.
    public func docs(for entry: CatalogEntry) -> String? {
        entry.docs ?? vendor(id: entry.vendor)?.docs
    }
}
