/// What an import changes in a vendor file, code by code and field by field: what `triage import` prints (and
/// `--json` encodes) before anything is written.
public struct ImportDiff: Encodable, Sendable {
    public struct FieldChange: Encodable, Equatable, Sendable {
        public var field: String
        public var old: String?
        public var new: String?
        /// The catalog's value had been edited after the last import, and the vendor changed the text too: the
        /// vendor's new text replaces the edit (the edit is shown as `old`).
        public var replacesLocalEdit = false

        enum CodingKeys: String, CodingKey {
            case field, old, new, replacesLocalEdit = "replaces_local_edit"
        }
    }

    public struct CodeChange: Encodable, Equatable, Sendable {
        public var code: String
        public var changes: [FieldChange]
    }

    /// A field whose catalog text differs from the document's where the catalog's text was written by hand (or
    /// corrected after an import): it is kept, and the document's text is recorded as the base of later imports.
    public struct Kept: Encodable, Equatable, Sendable {
        public var code: String
        public var field: String
        public var catalog: String
        public var source: String
    }

    public var vendor: String
    /// The vendor file the import writes (`DIR/vendors/ID.yaml`).
    public var file: String
    /// The document's name and format, as provenance records them.
    public var source: String
    public var format: String
    public var newFile = false
    public var added: [CodeChange] = []
    public var changed: [CodeChange] = []
    /// Codes no longer in the document: kept, marked `deprecated:` with the import date.
    public var deprecated: [CodeChange] = []
    public var kept: [Kept] = []
    public var categoriesAdded: [String] = []
    public var vendorChanges: [FieldChange] = []
    /// Codes in the document whose imported fields the catalog already has.
    public var unchanged = 0
    /// Rows skipped, text cut, statuses not understood: `file:line:column: message`.
    public var warnings: [String] = []
    /// What `triage lint` says about the resulting file: `file:line:column: message`.
    public var lint: [String] = []
    /// Whether the file's text changes (provenance is recorded even when no code changes).
    public var fileChanges = false
    public var written = false

    public init(vendor: String, file: String, source: String, format: String) {
        self.vendor = vendor
        self.file = file
        self.source = source
        self.format = format
    }

    /// No code added, changed or deprecated.
    public var hasCodeChanges: Bool { !added.isEmpty || !changed.isEmpty || !deprecated.isEmpty || !vendorChanges.isEmpty }

    enum CodingKeys: String, CodingKey {
        case vendor, file, source, format, newFile = "new_file", added, changed, deprecated, kept
        case categoriesAdded = "categories_added", vendorChanges = "vendor_changes", unchanged, warnings, lint
        case fileChanges = "file_changes", written
    }

    /// The diff as text lines: `+` added, `~` changed (each field `old -> new`), `-` deprecated, `=` kept.
    public func lines(width: Int = 100) -> [String] {
        var out: [String] = []
        let verb = newFile ? "new file" : "update"
        out.append("\(file) (\(verb)) from \(source) (\(format))")
        for change in vendorChanges { out.append("~ vendor \(change.field): \(show(change.old)) -> \(show(change.new))") }
        for category in categoriesAdded { out.append("+ category \(category)") }
        for code in added {
            out.append("+ \(code.code)")
            for change in code.changes { out.append("    \(change.field): \(show(change.new, field: change.field, width: width))") }
        }
        for code in changed {
            out.append("~ \(code.code)")
            for change in code.changes {
                let note = change.replacesLocalEdit ? "  (replaces a local edit)" : ""
                let field = change.field
                if change.old == nil {
                    out.append("    \(field): + \(show(change.new, field: field, width: width))")
                } else if change.new == nil {
                    out.append("    \(field): - \(show(change.old, field: field, width: width))")
                } else {
                    out.append("    \(field): \(show(change.old, field: field, width: width / 2)) -> \(show(change.new, field: field, width: width / 2))\(note)")
                }
            }
        }
        for code in deprecated {
            out.append("- \(code.code)  (no longer in the document: kept, deprecated \(code.changes.first?.new ?? ""))")
        }
        for field in kept {
            out.append("= \(field.code) \(field.field): kept the catalog's text; the document says \(show(field.source, width: width / 2))")
        }
        return out
    }

    /// The closing line: the counts and what happened.
    public var summaryLine: String {
        var parts: [String] = []
        parts.append("\(added.count) added")
        parts.append("\(changed.count) changed")
        parts.append("\(deprecated.count) deprecated")
        if !kept.isEmpty { parts.append("\(kept.count) kept") }
        parts.append("\(unchanged) unchanged")
        let counts = parts.joined(separator: ", ")
        if !hasCodeChanges {
            let note = fileChanges ? (written ? "; provenance recorded" : "; --write records provenance") : ""
            return "No changes (\(counts))\(note)."
        }
        return written ? "Wrote \(file): \(counts)." : "Dry run: \(counts). Nothing written; add --write to apply."
    }

    /// Text fields quoted and cut to `width`; ids, statuses and dates as they are.
    private func show(_ text: String?, field: String = "description", width: Int = 100) -> String {
        guard let text else { return "(none)" }
        if ["category", "http", "deprecated", "since"].contains(field) { return text }
        var one = text.replacingOccurrences(of: "\n\n", with: "\n").replacingOccurrences(of: "\n", with: " ⏎ ")
        if one.count > width { one = String(one.prefix(max(10, width - 1))) + "…" }
        return "\"" + one + "\""
    }
}
