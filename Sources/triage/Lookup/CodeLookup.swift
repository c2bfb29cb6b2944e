import TerminalKit
import TriageCore

/// Finds exactly one entry for a code typed by a person, or explains why not (exit 1).
enum CodeLookup {
    static func single(_ code: String, vendor: String?, in catalog: Catalog) throws -> CatalogEntry {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        let matches = catalog.entries(code: trimmed, vendor: vendor)
        if matches.count == 1 { return matches[0] }
        let safe = TextLayout.cell(trimmed)
        if matches.isEmpty {
            var message = "unknown code '\(safe)'" + (vendor.map { " at vendor '\(TextLayout.cell($0))'" } ?? "")
            let guesses = catalog.suggestions(for: trimmed, vendor: vendor, limit: 3)
            if !guesses.isEmpty {
                message += "\n\nDid you mean:\n" + guesses.map { "  \(TextLayout.cell($0.code))  (\(TextLayout.cell($0.vendor)))" }.joined(separator: "\n")
            }
            message += "\n\nSearch descriptions and messages with: triage search \(safe)"
            throw TriageError(message, exitCode: 1)
        }
        var message = "'\(safe)' is a code of several vendors; choose one with --vendor:\n"
        for entry in matches {
            let summary = TextLayout.oneLine(TerminalSafe.sanitize(entry.listLine))
            message += "  triage show \(TextLayout.cell(entry.code)) --vendor \(entry.vendor)   \(TextLayout.fit(summary, 50, pad: false))\n"
        }
        throw TriageError(message, exitCode: 1)
    }
}
