import TerminalKit
import TriageCore

/// `o`: the docs URL for the selected code (its own `docs:`, else its vendor's) or vendor in the status line, as a
/// hyperlink (OSC 8) where the terminal supports it and as plain text elsewhere. Nothing is opened: the URL is
/// there to click or copy. Only a URL that is already safe as it stands in the catalog (http(s), printable ASCII)
/// becomes a link; any other is shown made visible (`TerminalSafe`) and never linked.
extension BrowseModel {
    mutating func showDocs() {
        let codeShown = focus != .sidebar || isSearching
        let entry = codeShown ? selectedEntry : nil
        let vendorID = codeShown ? selectedEntry?.vendor ?? sidebarRow?.vendor : sidebarRow?.vendor
        guard let vendor = vendorID.flatMap({ catalog.vendor(id: $0) }) else {
            message = "Nothing selected"
            return
        }
        let raw = entry.flatMap { catalog.docs(for: $0) } ?? vendor.docs
        guard let raw, !raw.isEmpty else {
            message = "\(vendor.name) has no docs link in the catalog"
            return
        }
        let shown = TerminalSafe.sanitize(raw, keepNewlines: false)
        message = "Docs: \(shown)"
        docsLink = Hyperlink.isSafe(raw) && raw == shown ? raw : nil
    }
}
