import TerminalKit
import TriageCore

/// How a related code is labelled in the detail and at a conclusion: the code (with its vendor's name when it is
/// another vendor's), then its HTTP status and message dimmed.
enum RelatedCodeLabel {
    /// The label of `reference`; the vendor name is left out when the code is of one of `vendors`' own.
    static func line(_ reference: CodeReference, catalog: Catalog, besides vendors: [String]) -> StyledLine {
        let name = catalog.vendor(id: reference.vendor)?.name ?? reference.vendor
        var label = StyledLine(vendors == [reference.vendor] ? reference.code : "\(name) \(reference.code)")
        if let entry = catalog.entry(reference) {
            if let status = entry.httpStatus { label.append("  \(status)", Theme.dim) }
            if let message = entry.message { label.append("  \(message)", Theme.dim) }
        }
        return label
    }
}
