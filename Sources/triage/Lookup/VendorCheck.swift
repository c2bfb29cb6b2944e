import TerminalKit
import TriageCore

/// Checks of --vendor and --category values, with "did you mean" (exit 2 when unknown).
enum VendorCheck {
    static func require(_ vendor: String, in catalog: Catalog) throws {
        guard catalog.vendor(id: vendor) == nil else { return }
        let ids = catalog.vendors.map(\.id)
        let guess = Suggestions.closest(to: vendor, among: ids + catalog.vendors.map(\.name), limit: 1).first
            .map { guess in catalog.vendors.first { $0.name == guess }?.id ?? guess }
        throw unknown("vendor", vendor, guess: guess, then: " (vendors: \(TextLayout.cell(ids.joined(separator: ", "))))")
    }

    /// The category id for an id or a name, in one vendor or across all.
    static func category(_ text: String, vendor: String?, in catalog: Catalog) throws -> String {
        let vendors = catalog.vendors.filter { vendor == nil || $0.id == vendor }
        let categories = vendors.flatMap(\.categories)
        if let found = categories.first(where: { $0.id == text || $0.name.lowercased() == text.lowercased() }) {
            return found.id
        }
        throw unknown("category", text, guess: Suggestions.closest(to: text, among: categories.map(\.id), limit: 1).first)
    }

    /// "unknown vendor 'x'; did you mean 'y'?" followed by `then`.
    private static func unknown(_ what: String, _ given: String, guess: String?, then rest: String = "") -> TriageError {
        var message = "unknown \(what) '\(TerminalSafe.sanitize(given))'"
        if let guess { message += "; did you mean '\(TextLayout.cell(guess))'?" }
        return TriageError(message + rest, exitCode: 2)
    }
}

extension GlobalOptions {
    /// `loadCatalog()`, then the `--vendor` value, when given, checked against it.
    func loadCatalog(checking vendor: String?) throws -> Catalog {
        let catalog = try loadCatalog()
        if let vendor { try VendorCheck.require(vendor, in: catalog) }
        return catalog
    }
}
