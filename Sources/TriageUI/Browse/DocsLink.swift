import TerminalKit
import TriageCore

/// `o`: the vendor's docs URL for the selected code (or vendor) in the status line, as a hyperlink (OSC 8) where
/// the terminal supports it and as plain text elsewhere. Nothing is opened: the URL is there to click or copy.
extension BrowserState {
    mutating func showDocs() {
        let vendorID = (focus != .sidebar || isSearching) ? selectedEntry?.vendor ?? sidebarRow?.vendor : sidebarRow?.vendor
        guard let vendor = vendorID.flatMap({ catalog.vendor(id: $0) }) else {
            message = "Nothing selected"
            return
        }
        guard let docs = vendor.docs.map({ TerminalSafe.sanitize($0, keepNewlines: false) }), !docs.isEmpty else {
            message = "\(vendor.name) has no docs link in the catalog"
            return
        }
        message = "Docs: \(docs)"
        docsLink = Hyperlink.isSafe(docs) ? docs : nil
    }
}
