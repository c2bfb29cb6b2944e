import TriageCore

/// Turns the merge's edits into the vendor file's new text. An existing file is edited in place, line by line:
/// only the keys that change are rewritten, new codes and categories are appended, so curated text, comments and
/// hand wrapping stay exactly as they were and a re-import's `git diff` shows only what changed. The result is
/// parsed again and compared with the edited document; a file laid out in a way the line editor does not handle
/// (flow style, several keys on a line) is written whole instead, with the same content.
enum VendorWriter {
    static func write(_ edits: CatalogMerge.Edits, existing: (tree: YAMLTree, text: String)?, path: String) throws -> String {
        let expected = apply(edits, to: existing?.tree)
        if let existing, let text = LineEditor(text: existing.text, tree: existing.tree)?.apply(edits),
           let reparsed = try? YAMLTree.parse(text, file: path), reparsed == expected {
            return text
        }
        let text = YAMLEmitter.document(expected)
        // Never write what would not read back as intended.
        guard let reparsed = try? YAMLTree.parse(text, file: path), reparsed == expected else {
            throw ImportError(SourceLocation(file: path, line: 1, column: 1),
                              "internal error: the vendor file would not read back as written; nothing was written")
        }
        return text
    }

    /// The document with the edits made.
    static func apply(_ edits: CatalogMerge.Edits, to tree: YAMLTree?) -> YAMLTree {
        var root = tree ?? .mapping([])
        if !edits.vendorEdits.isEmpty {
            var vendor = root["vendor"] ?? .mapping([])
            for (key, value) in edits.vendorEdits { vendor = vendor.setting(key, value, after: CatalogMerge.vendorKeyOrder) }
            root = root.setting("vendor", vendor, after: CatalogMerge.topKeyOrder)
        }
        if !edits.newCategories.isEmpty {
            root = root.setting("categories", .sequence((root["categories"]?.items ?? []) + edits.newCategories),
                                after: CatalogMerge.topKeyOrder)
        }
        if edits.importsChanged {
            root = edits.imports.isEmpty ? root.removing("imports")
                : root.setting("imports", .sequence(edits.imports.map(\.tree)), after: CatalogMerge.topKeyOrder)
        }
        var items = root["codes"]?.items ?? []
        for (index, itemEdits) in edits.codeEdits where index < items.count {
            for (key, value) in itemEdits {
                items[index] = value.map { items[index].setting(key, $0, after: CatalogMerge.codeKeyOrder) } ?? items[index].removing(key)
            }
        }
        if !edits.codeEdits.isEmpty || !edits.newCodes.isEmpty || root["codes"] == nil {
            root = root.setting("codes", .sequence(items + edits.newCodes), after: CatalogMerge.topKeyOrder)
        }
        return root
    }
}

/// Line-level edits of a block-style vendor file, located with the parser's marks.
struct LineEditor {
    let lines: [String]
    let tree: YAMLTree
    /// Top-level keys and the line (0-based) each starts on.
    let top: [(key: String, line: Int)]

    struct Replacement {
        var start: Int
        var end: Int
        var lines: [String]
        var order: Int
    }

    init?(text: String, tree: YAMLTree) {
        guard case let .mapping(pairs, _, false) = tree else { return nil }
        var top: [(String, Int)] = []
        for pair in pairs {
            guard let mark = pair.keyMark, mark.column == 1, (top.last?.1 ?? -1) < mark.line - 1 else { return nil }
            top.append((pair.key, mark.line - 1))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        self.tree = tree
        self.top = top
    }

    func apply(_ edits: CatalogMerge.Edits) -> String? {
        var replacements: [Replacement] = []
        if !edits.vendorEdits.isEmpty {
            guard let vendor = tree["vendor"], let range = topRange("vendor"),
                  let edit = mappingEdits(vendor, end: range.upperBound, edits: edits.vendorEdits.map { ($0.key, Optional($0.value)) },
                                          order: CatalogMerge.vendorKeyOrder) else { return nil }
            replacements += edit
        }
        if !edits.newCategories.isEmpty {
            guard let appended = append(edits.newCategories, to: "categories") else { return nil }
            replacements.append(appended)
        }
        if edits.importsChanged {
            let emitted = edits.imports.isEmpty ? [] : YAMLEmitter.lines(key: "imports", value: .sequence(edits.imports.map(\.tree)), indent: 0)
            if let range = topRange("imports") {
                var end = range.upperBound
                if emitted.isEmpty, end < lines.count, lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end += 1 }
                replacements.append(Replacement(start: range.lowerBound, end: end, lines: emitted, order: 0))
            } else if !emitted.isEmpty {
                guard let codes = top.first(where: { $0.key == "codes" }) else { return nil }
                replacements.append(Replacement(start: codes.line, end: codes.line, lines: emitted + [""], order: 0))
            }
        }
        if !edits.codeEdits.isEmpty || !edits.newCodes.isEmpty {
            guard let codes = tree["codes"], case let .sequence(items, _, false) = codes, let range = topRange("codes"),
                  let ends = itemEnds(items, end: range.upperBound) else { return nil }
            for (index, itemEdits) in edits.codeEdits {
                guard index < items.count, let edit = mappingEdits(items[index], end: ends[index], edits: itemEdits,
                                                                     order: CatalogMerge.codeKeyOrder) else { return nil }
                replacements += edit
            }
            if !edits.newCodes.isEmpty {
                guard let appended = append(edits.newCodes, to: "codes") else { return nil }
                replacements.append(appended)
            }
        }
        var result = lines
        // Bottom up; at one line, a replaced range before the insertions there, insertions last-first.
        for replacement in replacements.sorted(by: { a, b in
            if a.start != b.start { return a.start > b.start }
            if (a.end > a.start) != (b.end > b.start) { return a.end > a.start }
            return a.order > b.order
        }) {
            result.replaceSubrange(replacement.start..<replacement.end, with: replacement.lines)
        }
        return result.joined(separator: "\n") + "\n"
    }

    /// Lines `start..<end` of a top-level key, without the blank and comment lines that end it.
    func topRange(_ key: String) -> Range<Int>? {
        guard let index = top.firstIndex(where: { $0.key == key }) else { return nil }
        let end = index + 1 < top.count ? top[index + 1].line : lines.count
        return top[index].line..<trimmed(end: end, from: top[index].line + 1, indent: 0)
    }

    /// `end` moved up over blank lines and comments no deeper than `indent`.
    func trimmed(end: Int, from start: Int, indent: Int) -> Int {
        var end = end
        while end > start {
            let line = lines[end - 1]
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.first == "#" && line.count - content.count <= indent { end -= 1 } else { break }
        }
        return end
    }

    /// Where each item of a block list ends (exclusive), when every item is a block mapping starting `- key:`.
    func itemEnds(_ items: [YAMLTree], end: Int) -> [Int]? {
        var starts: [Int] = []
        for item in items {
            guard case let .mapping(pairs, mark, false) = item, let mark, !pairs.isEmpty, mark.line - 1 < lines.count else { return nil }
            let prefix = lines[mark.line - 1].prefix(mark.column - 1)
            guard prefix.trimmingCharacters(in: .whitespaces) == "-" else { return nil }
            starts.append(mark.line - 1)
        }
        return starts.indices.map { index in
            trimmed(end: index + 1 < starts.count ? starts[index + 1] : end, from: starts[index] + 1,
                    indent: (items[index].mark?.column ?? 1) - 1)
        }
    }

    /// Edits of one block mapping (a code, the vendor header) ending at `end`: keys replaced, removed or inserted
    /// after the key that precedes them in `order`.
    func mappingEdits(_ mapping: YAMLTree, end: Int, edits: [(key: String, value: YAMLTree?)], order: [String]) -> [Replacement]? {
        guard case let .mapping(pairs, _, false) = mapping, let column = pairs.first?.keyMark?.column else { return nil }
        var keyLines: [(key: String, line: Int)] = []
        for pair in pairs {
            guard let mark = pair.keyMark, mark.column == column, (keyLines.last?.line ?? -1) < mark.line - 1 else { return nil }
            keyLines.append((pair.key, mark.line - 1))
        }
        let indent = column - 1
        func valueEnd(_ index: Int) -> Int {
            trimmed(end: index + 1 < keyLines.count ? keyLines[index + 1].line : end, from: keyLines[index].line + 1, indent: indent)
        }
        var replacements: [Replacement] = []
        var final = keyLines.map(\.key)
        var inserted: [String: [String]] = [:]
        for (key, value) in edits {
            if let index = keyLines.firstIndex(where: { $0.key == key }) {
                let emitted = value.map { YAMLEmitter.lines(key: key, value: $0, indent: indent) } ?? []
                // The first key shares its line with the list's dash.
                guard index > 0 || value != nil else { return nil }
                var lines = emitted
                if index == 0, !lines.isEmpty { lines[0] = String(self.lines[keyLines[0].line].prefix(indent)) + lines[0].dropFirst(indent) }
                replacements.append(Replacement(start: keyLines[index].line, end: valueEnd(index), lines: lines, order: 0))
                if value == nil { final.removeAll { $0 == key } }
            } else if let value {
                final.insert(key, at: YAMLTree.insertionIndex(of: key, in: final, order: order))
                inserted[key] = YAMLEmitter.lines(key: key, value: value, indent: indent)
            }
        }
        for (position, key) in final.enumerated() {
            guard let lines = inserted[key] else { continue }
            // After the nearest original key before it.
            guard let previous = final[..<position].last(where: { name in inserted[name] == nil }),
                  let index = keyLines.firstIndex(where: { $0.key == previous }) else { return nil }
            let anchor = valueEnd(index)
            replacements.append(Replacement(start: anchor, end: anchor, lines: lines, order: position))
        }
        return replacements
    }

    /// New items after the last item of a top-level block list, separated as the existing ones are.
    func append(_ items: [YAMLTree], to key: String) -> Replacement? {
        guard let list = tree[key], case let .sequence(existing, _, false) = list, !existing.isEmpty,
              let range = topRange(key), let ends = itemEnds(existing, end: range.upperBound),
              let column = existing[0].mark?.column else { return nil }
        let indent = column - 3
        guard indent >= 0 else { return nil }
        let separated = ends.count > 1 && ends[0] < lines.count && lines[ends[0]].trimmingCharacters(in: .whitespaces).isEmpty
        var out: [String] = []
        for item in items {
            if separated { out.append("") }
            out += YAMLEmitter.itemLines(item, indent: indent)
        }
        return Replacement(start: ends[ends.count - 1], end: ends[ends.count - 1], lines: out, order: 0)
    }
}
