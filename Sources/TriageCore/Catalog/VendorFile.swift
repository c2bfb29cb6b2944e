/// The contents of one vendor file, before it is merged with the other sources.
struct VendorFile {
    var id: String
    var idLocation: SourceLocation
    var name: String?
    var product: String?
    var docs: String?
    var notice: String?
    var facts: [String]?
    /// What explain reads from the vendor's API (`explain:`), when the file declares it.
    var explain: VendorExplain?
    var categories: [(category: Category, location: SourceLocation)] = []
    var codes: [RawEntry] = []
    var source: String

    /// An entry as written: references are still text, checked once every source is merged.
    struct RawEntry {
        var entry: CatalogEntry
        var categoryLocation: SourceLocation
        var related: [(text: String, location: SourceLocation)]
        var trees: [(id: TreeID, location: SourceLocation)]
    }

    static let topKeys = ["vendor", "categories", "codes", "imports"]
    static let vendorKeys = ["id", "name", "product", "docs", "notice", "facts", "explain"]
    static let categoryKeys = ["id", "name", "description"]
    static let codeKeys = ["code", "category", "http", "message", "summary", "docs", "description", "causes", "checks", "keywords",
                           "phrases", "related", "trees", "since", "deprecated", "provenance", "decision"]

    /// Reads a vendor file; returns nil when it is too broken to know which vendor it is. `VendorFileStream` reads
    /// the same parts in the same order from a file as it is parsed, without its whole tree.
    static func parse(_ root: YAMLMapping, source: String, _ problems: inout ProblemList) -> VendorFile? {
        root.rejectUnknownKeys(allowed: topKeys, in: "a vendor file", &problems)
        guard var file = header(root["vendor"], source: source, &problems) else { return nil }
        file.addCategories(root["categories"], &problems)
        let imports = ImportRecords.parse(root["imports"], &problems)
        if let items = root["codes"]?.list("'codes'", &problems) {
            var seen: [String: SourceLocation] = [:]
            for item in items { file.addCode(item, imports: imports, seen: &seen, &problems) }
        }
        return file
    }

    /// The file as far as its `vendor:` block: nil when that is missing or too broken to know which vendor it is.
    static func header(_ value: YAMLValue?, source: String, _ problems: inout ProblemList) -> VendorFile? {
        guard let header = value?.mapping("'vendor'", &problems) else { return nil }
        header.rejectUnknownKeys(allowed: vendorKeys, in: "'vendor'", &problems)
        guard let idValue = header.required("id", in: "'vendor'", &problems),
              let id = idValue.text("vendor id", &problems) else { return nil }
        if !Identifier.isValid(id) {
            problems.add(idValue.location, "vendor id '\(id)' must use only lowercase letters, digits and '-'")
        }
        var file = VendorFile(id: id, idLocation: idValue.location, source: source)
        file.name = header["name"]?.text("vendor name", &problems)
        file.product = header["product"]?.text("vendor product", &problems)
        file.docs = header["docs"]?.text("vendor docs", &problems)
        file.notice = header["notice"]?.text("vendor notice", &problems)
        file.facts = header["facts"]?.textList("vendor facts", &problems)
        file.explain = header["explain"].flatMap { VendorExplain.parse($0, &problems) }
        return file
    }

    /// Reads the `categories:` list.
    mutating func addCategories(_ value: YAMLValue?, _ problems: inout ProblemList) {
        guard let items = value?.list("'categories'", &problems) else { return }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let mapping = item.mapping("a category", &problems) else { continue }
            mapping.rejectUnknownKeys(allowed: Self.categoryKeys, in: "a category", &problems)
            guard let idValue = mapping.required("id", in: "a category", &problems),
                  let categoryID = idValue.text("category id", &problems),
                  let name = mapping.required("name", in: "category '\(categoryID)'", &problems)?
                    .text("category name", &problems) else { continue }
            if let first = seen[categoryID] {
                problems.add(idValue.location, "duplicate category '\(categoryID)' (first defined at line \(first.line))")
                continue
            }
            seen[categoryID] = idValue.location
            let description = mapping["description"]?.text("category description", &problems)
            categories.append((Category(id: categoryID, name: name, description: description), idValue.location))
        }
    }

    /// The keys of a code that `imports:` resolves (so the code cannot be read before the file's `imports:` is).
    static let lifecycleKeys = ["since", "deprecated", "provenance"]

    /// Reads one item of `codes:`; `seen` holds the codes read so far from this file (for duplicates).
    mutating func addCode(_ item: YAMLValue, imports: ImportRecords, seen: inout [String: SourceLocation],
                          _ problems: inout ProblemList) {
        guard var raw = Self.parseEntry(item, vendor: id, &problems) else { return }
        if case let .mapping(mapping) = item.kind {
            raw.entry.lifecycle = imports.lifecycle(of: mapping, code: raw.entry.code, &problems)
        }
        if let first = seen[raw.entry.code] {
            problems.add(raw.entry.location, "duplicate code '\(raw.entry.code)' (first defined at line \(first.line))")
            return
        }
        seen[raw.entry.code] = raw.entry.location
        codes.append(raw)
    }

    private static func parseEntry(_ item: YAMLValue, vendor: String, _ problems: inout ProblemList) -> RawEntry? {
        guard let mapping = item.mapping("a code entry", &problems) else { return nil }
        mapping.rejectUnknownKeys(allowed: codeKeys, in: "a code entry", &problems)
        guard let codeValue = mapping.required("code", in: "a code entry", &problems),
              let code = codeValue.text("code", &problems) else { return nil }
        let what = "code '\(code)'"
        let categoryValue = mapping.required("category", in: what, &problems)
        let category = categoryValue?.text("category of \(what)", &problems)
        let description = mapping.required("description", in: what, &problems)?.text("description of \(what)", &problems)
        let http = mapping["http"]?.integer("http status of \(what)", in: 100...599, &problems)
        let message = mapping["message"]?.text("message of \(what)", &problems)
        let summary = mapping["summary"]?.text("summary of \(what)", &problems)
        let docs = mapping["docs"]?.text("docs of \(what)", &problems)
        let causes = mapping["causes"]?.textList("causes of \(what)", &problems) ?? []
        let checks = mapping["checks"]?.textList("checks of \(what)", &problems) ?? []
        let keywords = mapping["keywords"]?.textList("keywords of \(what)", &problems) ?? []
        let phrases = mapping["phrases"]?.textList("phrases of \(what)", &problems) ?? []
        let related = mapping["related"]?.list("related of \(what)", &problems)?.compactMap { value in
            value.text("each related code", &problems).map { ($0, value.location) }
        } ?? []
        let trees = mapping["trees"]?.list("trees of \(what)", &problems)?.compactMap { value in
            value.text("each tree id", &problems).map { (TreeID($0), value.location) }
        } ?? []
        guard let category, let description, let categoryValue else { return nil }
        var entry = CatalogEntry(vendor: vendor, category: category, code: code, httpStatus: http, message: message,
                                 summary: summary, docs: docs, description: description, causes: causes, checks: checks, keywords: keywords,
                                 location: codeValue.location)
        entry.decision = mapping["decision"].flatMap { DecisionFields.parse($0, code: code, &problems) }
        entry.phrases = phrases
        return RawEntry(entry: entry, categoryLocation: categoryValue.location, related: related, trees: trees)
    }
}

/// Rules for ids of vendors and trees.
enum Identifier {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
