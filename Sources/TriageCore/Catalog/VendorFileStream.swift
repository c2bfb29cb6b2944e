import CYaml

/// Reads a vendor file as it is parsed: the `vendor:` block, `categories:` and `imports:` as small trees, and
/// `codes:` one item at a time (each item's tree is read into its entry and dropped), so a 2 MB file of codes is
/// never held as a tree. Finds exactly what `VendorFile.parse` finds, in the same order: problems are kept per
/// part (top-level keys, header, categories, imports, codes) and put in `parse`'s order at the end.
///
/// A code with `since:`, `deprecated:` or `provenance:` needs the file's `imports:`; a file that lists them after
/// such a code is read again whole (`.readWhole`), which only a hand-arranged file does.
struct VendorFileStream {
    enum Outcome {
        /// The file (nil: too broken to know its vendor, as `VendorFile.parse`), and its problems.
        case read(VendorFile?, ProblemList)
        /// Read it with `VendorFile.parse` instead.
        case readWhole
    }

    /// Reads the rest of a file's root mapping, which started at `start`; the current event is its first key,
    /// `vendor`. Ends at the mapping's end event. Throws the first YAML error, as `YAMLParser.parse` would.
    static func read(_ parser: YAMLEventParser, rootAt start: SourceLocation, source: String) throws -> Outcome {
        var keys: [String] = [], keyLocations: [SourceLocation] = []
        var identities = YAMLEventParser.KeyIdentities()
        var header = ProblemList(), categories = ProblemList(), importing = ProblemList(), codes = ProblemList()
        var file: VendorFile?
        var imports: ImportRecords?
        var codesNeedImports = false
        var seen: [String: SourceLocation] = [:]
        /// Reads one item of `codes:` into the file (once its header is known).
        func add(_ item: YAMLValue) {
            guard file != nil else { return }
            if imports == nil, case let .mapping(fields) = item.kind, VendorFile.lifecycleKeys.contains(where: fields.has) {
                codesNeedImports = true
            }
            file?.addCode(item, imports: imports ?? ImportRecords(), seen: &seen, &codes)
        }
        while parser.type != YAML_MAPPING_END_EVENT {
            identities.note(parser, index: keys.count)
            let key = try parser.value()
            let name = key.scalarString ?? ""
            keys.append(name)
            keyLocations.append(key.location)
            try parser.next()
            if name == "codes", parser.type == YAML_SEQUENCE_START_EVENT, !parser.hasAnchor {
                try parser.next()
                while parser.type != YAML_SEQUENCE_END_EVENT {
                    add(try parser.value())
                    try parser.next()
                }
            } else {
                let value = try parser.value()
                switch name {
                case "vendor" where keys.count == 1:
                    file = VendorFile.header(value, source: source, &header)
                case "categories":
                    file?.addCategories(value, &categories)
                case "imports":
                    if codesNeedImports { return .readWhole }
                    if file != nil { imports = ImportRecords.parse(value, &importing) }
                case "codes":
                    // Not streamed (not a list, or a list with an anchor): read the same way from its tree.
                    if file != nil, let items = value.list("'codes'", &codes) { items.forEach(add) }
                default:
                    break
                }
            }
            try parser.next()
        }
        try identities.check(keys, keyLocations)
        var problems = ProblemList()
        YAMLMapping.rejectUnknownKeys(keys, at: keyLocations, allowed: VendorFile.topKeys, in: "a vendor file", &problems)
        problems.append(contentsOf: header.problems)
        guard file != nil else { return .read(nil, problems) }
        for part in [categories, importing, codes] { problems.append(contentsOf: part.problems) }
        return .read(file, problems)
    }
}
