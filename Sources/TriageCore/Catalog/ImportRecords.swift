/// A vendor file's `imports:` list (written by `triage import`: which documents its imported fields came from),
/// and the `since:`, `deprecated:` and `provenance:` keys of its codes, checked against it.
struct ImportRecords {
    struct Record {
        var format: String
        var file: String
        var sha256: String?
        var date: String
    }

    static let keys = ["id", "format", "file", "sha256", "date"]
    var records: [String: Record] = [:]

    static func parse(_ value: YAMLValue?, _ problems: inout ProblemList) -> ImportRecords {
        var result = ImportRecords()
        guard let items = value?.list("'imports'", &problems) else { return result }
        for item in items {
            guard let mapping = item.mapping("an import", &problems) else { continue }
            mapping.rejectUnknownKeys(allowed: keys, in: "an import", &problems)
            guard let idValue = mapping.required("id", in: "an import", &problems),
                  let id = idValue.text("import id", &problems),
                  let format = mapping.required("format", in: "import '\(id)'", &problems)?.text("import format", &problems),
                  let file = mapping.required("file", in: "import '\(id)'", &problems)?.text("import file", &problems),
                  let dateValue = mapping.required("date", in: "import '\(id)'", &problems),
                  let date = date(dateValue, "date of import '\(id)'", &problems) else { continue }
            var sha256: String?
            if let hashValue = mapping["sha256"], let hash = hashValue.text("sha256 of import '\(id)'", &problems) {
                if hash.count == 64, hash.allSatisfy(\.isHexDigit) {
                    sha256 = hash.lowercased()
                } else {
                    problems.add(hashValue.location, "sha256 of import '\(id)' must be 64 hexadecimal digits")
                }
            }
            if result.records[id] != nil {
                problems.add(idValue.location, "duplicate import id '\(id)'")
                continue
            }
            result.records[id] = Record(format: format, file: file, sha256: sha256, date: date)
        }
        return result
    }

    /// A `YYYY-MM-DD` date, reported when it is not one.
    static func date(_ value: YAMLValue, _ what: String, _ problems: inout ProblemList) -> String? {
        guard let text = value.text(what, &problems) else { return nil }
        guard ImportSchema.isDate(text) else {
            problems.add(value.location, "\(what) must be a date written YYYY-MM-DD, found '\(text.prefix(40))'")
            return nil
        }
        return text
    }

    /// A code's `since`, `deprecated` and `provenance` (field -> `IMPORT-ID/HASH`).
    func lifecycle(of fields: YAMLMapping, code: String, _ problems: inout ProblemList) -> ImportLifecycle {
        let what = "code '\(code)'"
        var lifecycle = ImportLifecycle()
        lifecycle.since = fields["since"].flatMap { Self.date($0, "since of \(what)", &problems) }
        lifecycle.deprecated = fields["deprecated"].flatMap { Self.date($0, "deprecated of \(what)", &problems) }
        guard let provenance = fields["provenance"]?.mapping("provenance of \(what)", &problems) else { return lifecycle }
        provenance.rejectUnknownKeys(allowed: ImportSchema.importedFields, in: "provenance of \(what)", &problems)
        for (field, _, value) in provenance.entries where ImportSchema.importedFields.contains(field) {
            guard let text = value.text("provenance of \(what)'s \(field)", &problems) else { continue }
            let (id, hash) = ImportSchema.splitProvenance(text)
            guard let record = records[id] else {
                let known = records.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                problems.add(value.location, "provenance of \(what)'s \(field) names import '\(id)', which the file's 'imports:' "
                             + (known.isEmpty ? "does not have" : "does not list (it has \(known))"))
                continue
            }
            lifecycle.provenance.append(FieldSource(field: field, file: record.file, format: record.format,
                                                    sha256: record.sha256, date: record.date, valueHash: hash))
        }
        return lifecycle
    }
}
