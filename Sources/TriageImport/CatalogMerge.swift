import TriageCore

/// Merges an imported document into a vendor file (or a new one), deciding field by field:
/// - imported fields (category, http, message, summary, docs, description) follow the document, with
///   provenance `IMPORT/HASH` per field: the import's record (file, sha256, date) and a short hash of the
///   document's text for that field;
/// - a field whose catalog text differs from the document's is kept when the document's text has not changed
///   since the last import (a local correction), or when it was never imported (hand-written): it is reported
///   and the document's text becomes the base for the next import;
/// - curated fields (causes, checks, keywords, related, trees, and any other key) are never touched; a new
///   code may get the registry's causes and solutions once;
/// - a code gone from the document is kept and marked `deprecated:` with the date; a new code gets `since:`;
///   a code that comes back loses `deprecated:`.
/// The same document imported twice changes nothing (the same import record and hashes are found again).
struct CatalogMerge {
    static let codeKeyOrder = ["code", "category", "summary", "http", "message", "docs", "description", "causes", "checks",
                               "keywords", "phrases", "related", "trees", "since", "deprecated", "provenance"]
    static let vendorKeyOrder = ["id", "name", "product", "docs", "notice", "facts"]
    static let topKeyOrder = ["vendor", "categories", "imports", "codes"]

    struct Record: Equatable {
        var id: String
        var format: String
        var file: String
        var sha256: String?
        var date: String

        var tree: YAMLTree {
            var pairs = [YAMLTree.Pair("id", .scalar(id, plain: true)), .init("format", .scalar(format, plain: false)),
                         .init("file", .scalar(file, plain: false))]
            if let sha256 { pairs.append(.init("sha256", .scalar(sha256, plain: true))) }
            pairs.append(.init("date", .scalar(date, plain: true)))
            return .mapping(pairs)
        }
    }

    /// What to change in the vendor file: per existing code (by its index in `codes:`) keys to set or remove,
    /// codes and categories to append, the new `imports:` list; plus the header of a new file.
    struct Edits {
        var codeEdits: [Int: [(key: String, value: YAMLTree?)]] = [:]
        var newCodes: [YAMLTree] = []
        var newCategories: [YAMLTree] = []
        var imports: [Record] = []
        var importsChanged = false
        var vendorEdits: [(key: String, value: YAMLTree)] = []
    }

    let options: ImportOptions
    let input: ImportInput
    let existing: YAMLTree?
    var document: ImportedDocument

    static func hash(_ text: String) -> String { String(SHA256.hex(text).prefix(8)) }

    /// The edits, and the diff they make.
    mutating func run(diff: inout ImportDiff) -> Edits {
        for index in document.codes.indices { Self.deriveSummary(&document.codes[index]) }
        var edits = Edits()
        let codeItems = existing?["codes"]?.items ?? []
        var indexByCode: [String: Int] = [:]
        for (index, item) in codeItems.enumerated() {
            if let code = item["code"]?.text, indexByCode[code] == nil { indexByCode[code] = index }
        }
        var records = (existing?["imports"]?.items ?? []).compactMap(Self.record)
        let sameDocument = Set(records.filter { $0.file == input.name }.map(\.id))
        let currentID: String
        let reused = records.first { $0.file == input.name && $0.sha256 == input.sha256 && $0.format == options.format.rawValue }
        if let reused {
            currentID = reused.id
        } else {
            currentID = String((records.compactMap { Int($0.id) }.max() ?? 0) + 1)
        }
    
        var categories = (existing?["categories"]?.items ?? []).compactMap { $0["id"]?.text }
        var categoryNames: [String: String] = [:]
        for category in document.categories { categoryNames[category.id] = category.name }
        for rule in options.categoryRules { if let name = rule.name { categoryNames[rule.id] = name } }
        func useCategory(_ id: String) {
            guard !categories.contains(id) else { return }
            categories.append(id)
            let name = categoryNames[id] ?? TextCleaning.title(ofIdentifier: id)
            edits.newCategories.append(.mapping([.init("id", .scalar(id, plain: true)), .init("name", .scalar(name, plain: false))]))
            diff.categoriesAdded.append(id)
        }

        // Codes in document order; a repeated code keeps its first definition.
        var seen = Set<String>()
        var previousCategory: String?
        for var code in document.codes {
            guard seen.insert(code.code).inserted else {
                diff.warnings.append("\(input.displayPath):\(code.line):1: code '\(code.code)' appears again; the first one is used")
                continue
            }
            if code.category == nil, let rule = options.categoryRules.first(where: { $0.matches(code) }) { code.category = rule.id }
            // The document's (or a rule's) category is imported; one chosen here is not.
            let importedCategory = code.category
            let index = indexByCode[code.code]
            let existingItem = index.map { codeItems[$0] }
            let resolvedCategory = code.category ?? existingItem?["category"]?.text ?? previousCategory
                ?? categories.first ?? "errors"
            previousCategory = resolvedCategory
            if let index, let item = existingItem {
                var provenance = Self.provenance(item["provenance"])
                let keptBefore = diff.kept.count
                var changes: [ImportDiff.FieldChange] = []
                var itemEdits: [(key: String, value: YAMLTree?)] = []
                for field in ImportSchema.importedFields {
                    let ours = item[field]?.text
                    guard let theirs = code.value(of: field) else {
                        // The document no longer gives a field it gave: it goes (category and description stay).
                        if let base = provenance[field], sameDocument.contains(base.id), !["category", "description"].contains(field) {
                            provenance[field] = nil
                            if let ours {
                                itemEdits.append((field, nil))
                                changes.append(.init(field: field, old: ours, new: nil))
                            }
                        }
                        continue
                    }
                    let theirsHash = Self.hash(theirs)
                    let base = provenance[field]
                    if ours == theirs {
                        if base?.hash != theirsHash { provenance[field] = (currentID, theirsHash) }
                        continue
                    }
                    if let base, base.hash == theirsHash { continue }  // the document did not change: a local correction
                    if base == nil, let ours {
                        if field == "summary" { continue }  // a hand-written summary is curated
                        diff.kept.append(.init(code: code.code, field: field, catalog: ours, source: theirs))
                        provenance[field] = (currentID, theirsHash)
                        continue
                    }
                    let editedLocally = base != nil && ours.map { Self.hash($0) != base!.hash } == true
                    if field == "category" { useCategory(theirs) }
                    itemEdits.append((field, Self.value(field: field, text: theirs)))
                    changes.append(.init(field: field, old: ours, new: theirs, replacesLocalEdit: editedLocally))
                    provenance[field] = (currentID, theirsHash)
                }
                if let deprecated = item["deprecated"]?.text {
                    itemEdits.append(("deprecated", nil))
                    changes.append(.init(field: "deprecated", old: deprecated, new: nil))
                }
                let newProvenance = Self.provenanceTree(provenance)
                if newProvenance != item["provenance"] ?? .mapping([]) {
                    itemEdits.append(("provenance", provenance.isEmpty ? nil : newProvenance))
                }
                if !itemEdits.isEmpty { edits.codeEdits[index] = itemEdits }
                if !changes.isEmpty {
                    diff.changed.append(.init(code: code.code, changes: changes))
                } else if diff.kept.count == keptBefore {
                    diff.unchanged += 1
                }
            } else {
                guard code.description != nil else {
                    diff.warnings.append("\(input.displayPath):\(code.line):1: code '\(code.code)' is not in the catalog and the document gives no description; not added")
                    continue
                }
                guard edits.newCodes.count < ImportLimits.maximumCodes else {
                    diff.warnings.append("\(input.displayPath): more than \(ImportLimits.maximumCodes) new codes; the rest were not added")
                    break
                }
                code.category = resolvedCategory
                useCategory(resolvedCategory)
                var pairs: [YAMLTree.Pair] = [.init("code", .scalar(code.code, plain: true))]
                var changes: [ImportDiff.FieldChange] = []
                var provenance: [String: (id: String, hash: String)] = [:]
                for field in Self.codeKeyOrder where ImportSchema.importedFields.contains(field) {
                    guard let value = code.value(of: field) else { continue }
                    pairs.append(.init(field, Self.value(field: field, text: value)))
                    changes.append(.init(field: field, old: nil, new: value))
                    // A category the document or a rule did not give is the catalog's choice, not an imported field.
                    if field == "category", importedCategory == nil { continue }
                    provenance[field] = (currentID, Self.hash(value))
                }
                if !code.causes.isEmpty { pairs.append(.init("causes", .sequence(code.causes.map { .scalar($0, plain: false) }))) }
                if !code.checks.isEmpty { pairs.append(.init("checks", .sequence(code.checks.map { .scalar($0, plain: false) }))) }
                pairs.append(.init("since", .scalar(options.date, plain: true)))
                pairs.append(.init("provenance", Self.provenanceTree(provenance)))
                edits.newCodes.append(.mapping(pairs))
                diff.added.append(.init(code: code.code, changes: changes))
            }
        }

        // Codes this document gave before and no longer lists. A code it defined (its description came from
        // here) is deprecated; one it only added to (a status from a second document) loses what it added.
        for (index, item) in codeItems.enumerated() {
            guard let code = item["code"]?.text, !seen.contains(code) else { continue }
            var provenance = Self.provenance(item["provenance"])
            let fromHere = ImportSchema.importedFields.filter { provenance[$0].map { sameDocument.contains($0.id) } ?? false }
            guard !fromHere.isEmpty else { continue }
            if fromHere.contains("description") {
                guard item["deprecated"] == nil else { continue }
                edits.codeEdits[index, default: []].append(("deprecated", .scalar(options.date, plain: true)))
                diff.deprecated.append(.init(code: code, changes: [.init(field: "deprecated", old: nil, new: options.date)]))
                continue
            }
            var changes: [ImportDiff.FieldChange] = []
            for field in fromHere where field != "category" {
                provenance[field] = nil
                guard let old = item[field]?.text else { continue }
                edits.codeEdits[index, default: []].append((field, nil))
                changes.append(.init(field: field, old: old, new: nil))
            }
            edits.codeEdits[index, default: []].append(("provenance", provenance.isEmpty ? nil : Self.provenanceTree(provenance)))
            if !changes.isEmpty { diff.changed.append(.init(code: code, changes: changes)) }
        }

        // Import records: those the codes still point at (this one only if something does).
        let referenced = Set(Self.referencedIDs(codeItems: codeItems, edits: edits))
        if referenced.contains(currentID), reused == nil {
            records.append(Record(id: currentID, format: options.format.rawValue, file: input.name, sha256: input.sha256,
                                  date: options.date))
        }
        let kept = records.filter { referenced.contains($0.id) }
        edits.importsChanged = kept != (existing?["imports"]?.items ?? []).compactMap(Self.record)
        edits.imports = kept

        if existing == nil {
            edits.vendorEdits = [("id", .scalar(options.vendor, plain: true)),
                                 ("name", .scalar(options.vendorName ?? document.vendorName ?? TextCleaning.title(ofIdentifier: options.vendor), plain: false))]
            if let docs = document.docs { edits.vendorEdits.append(("docs", .scalar(docs, plain: false))) }
            if let notice = document.notice { edits.vendorEdits.append(("notice", .scalar(notice, plain: false))) }
            diff.newFile = true
        } else if let notice = document.notice, existing?["vendor"]?["notice"] == nil {
            edits.vendorEdits.append(("notice", .scalar(notice, plain: false)))
            diff.vendorChanges.append(.init(field: "notice", old: nil, new: notice))
        }
        return edits
    }

    /// A code whose list line would be boilerplate ("This error code will be returned when the given install_id
    /// cannot be found…") gets the rest of that sentence as its summary, as `triage lint` asks.
    static func deriveSummary(_ code: inout ImportedCode) {
        guard code.summary == nil, code.message.map(SummaryRule.isBoilerplate) ?? true,
              let description = code.description, SummaryRule.isBoilerplate(description) else { return }
        var words = description.split(separator: " ", omittingEmptySubsequences: true)
        // "This error (code) is/will be returned" and the conjunction after it.
        while let first = words.first, ["this", "error", "code", "will", "be", "is", "returned"].contains(first.lowercased()) {
            words.removeFirst()
        }
        if let first = words.first, ["when", "if", "because", "whenever"].contains(first.lowercased()) { words.removeFirst() }
        var sentence = words.joined(separator: " ")
        if let end = sentence.range(of: ". ") { sentence = String(sentence[..<end.lowerBound]) }
        if let newline = sentence.firstIndex(of: "\n") { sentence = String(sentence[..<newline]) }
        while sentence.hasSuffix(".") { sentence.removeLast() }
        guard let first = sentence.first else { return }
        code.summary = TextCleaning.line(first.uppercased() + sentence.dropFirst(), limit: 90)
    }

    /// The import ids the file's codes point at once the edits are made.
    static func referencedIDs(codeItems: [YAMLTree], edits: Edits) -> [String] {
        var ids: [String] = []
        for (index, item) in codeItems.enumerated() {
            let replaced = edits.codeEdits[index]?.last { $0.key == "provenance" }
            let tree = replaced.map { $0.value } ?? item["provenance"]
            ids += provenance(tree).values.map(\.id)
        }
        for item in edits.newCodes { ids += provenance(item["provenance"]).values.map(\.id) }
        return ids
    }

    /// `http` as a number, everything else as text.
    static func value(field: String, text: String) -> YAMLTree {
        .scalar(text, plain: field == "http")
    }

    static func record(_ tree: YAMLTree) -> Record? {
        guard let id = tree["id"]?.text, let format = tree["format"]?.text, let file = tree["file"]?.text,
              let date = tree["date"]?.text else { return nil }
        return Record(id: id, format: format, file: file, sha256: tree["sha256"]?.text, date: date)
    }

    /// `{field: ID/HASH}` as a dictionary.
    static func provenance(_ tree: YAMLTree?) -> [String: (id: String, hash: String)] {
        var result: [String: (id: String, hash: String)] = [:]
        for pair in tree?.pairs ?? [] {
            guard let text = pair.value.text else { continue }
            let (id, hash) = ImportSchema.splitProvenance(text)
            result[pair.key] = (id, hash ?? "")
        }
        return result
    }

    /// Provenance in field order.
    static func provenanceTree(_ provenance: [String: (id: String, hash: String)]) -> YAMLTree {
        .mapping(ImportSchema.importedFields.compactMap { field in
            provenance[field].map { .init(field, .scalar("\($0.id)/\($0.hash)", plain: true)) }
        })
    }
}
