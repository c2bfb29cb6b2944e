/// Writes `YAMLTree`s as the catalog's own YAML, in the shipped files' style: block mappings, two-space indents,
/// short lists of words in flow style (`keywords: [a, b]`), long text folded (`>-`) at about 104 columns, plain
/// scalars where that is safe and double quotes otherwise. Safety over beauty: a scalar is plain only when no YAML
/// reader could take it for anything else (a number where text is meant, null, a boolean, a comment, a key).
enum YAMLEmitter {
    static let width = 104
    /// Keys whose lists are written in flow style when they fit on the line.
    static let flowListKeys: Set<String> = ["keywords", "related", "trees", "codes", "vendors", "include", "choices", "match"]
    /// Keys whose mappings are written in flow style when they fit.
    static let flowMapKeys: Set<String> = ["provenance"]

    static func document(_ tree: YAMLTree, blankLineBetween sections: Bool = true) -> String {
        guard let pairs = tree.pairs else { return lines(for: tree, indent: 0).joined(separator: "\n") + "\n" }
        var out: [String] = []
        for (index, pair) in pairs.enumerated() {
            if sections, index > 0 { out.append("") }
            out += lines(key: pair.key, value: pair.value, indent: 0, blankBetweenItems: pair.key == "codes")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `key: value` lines at `indent`.
    static func lines(key: String, value: YAMLTree, indent: Int, blankBetweenItems: Bool = false) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let keyText = scalar(key, allowNumberLike: false, flow: false)
        switch value {
        case let .scalar(text, plain):
            return scalarLines(prefix: pad + keyText + ":", text: text, allowNumberLike: plain, indent: indent)
        case let .sequence(items, _, _):
            if items.isEmpty { return [pad + keyText + ": []"] }
            if let flow = flowList(items), flowListKeys.contains(key) || items.allSatisfy({ $0.text.map { !$0.contains(" ") } ?? false }),
               indent + keyText.count + 2 + flow.count <= 110 {
                return [pad + keyText + ": " + flow]
            }
            var out = [pad + keyText + ":"]
            for (index, item) in items.enumerated() {
                if blankBetweenItems, index > 0 { out.append("") }
                out += itemLines(item, indent: indent + 2)
            }
            return out
        case let .mapping(pairs, _, _):
            if pairs.isEmpty { return [pad + keyText + ": {}"] }
            if flowMapKeys.contains(key), let flow = flowMapping(pairs), indent + keyText.count + 2 + flow.count <= 110 {
                return [pad + keyText + ": " + flow]
            }
            return [pad + keyText + ":"] + pairs.flatMap { lines(key: $0.key, value: $0.value, indent: indent + 2) }
        }
    }

    /// A list item (`- ...`) at `indent`: a mapping's first key on the dash line.
    static func itemLines(_ item: YAMLTree, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch item {
        case let .scalar(text, plain):
            return scalarLines(prefix: pad + "-", text: text, allowNumberLike: plain, indent: indent)
        case let .mapping(pairs, _, _) where !pairs.isEmpty:
            var out = lines(key: pairs[0].key, value: pairs[0].value, indent: indent + 2)
            out[0] = pad + "- " + out[0].dropFirst(indent + 2)
            for pair in pairs.dropFirst() { out += lines(key: pair.key, value: pair.value, indent: indent + 2) }
            return out
        default:
            var out = lines(for: item, indent: indent + 2)
            out[0] = pad + "- " + out[0].dropFirst(indent + 2)
            return out
        }
    }

    /// A value that is not under a key (nested lists, empty collections).
    static func lines(for tree: YAMLTree, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch tree {
        case let .scalar(text, plain): return scalarLines(prefix: pad.isEmpty ? "" : String(pad.dropLast()), text: text, allowNumberLike: plain, indent: indent)
        case let .sequence(items, _, _):
            return items.isEmpty ? [pad + "[]"] : items.flatMap { itemLines($0, indent: indent) }
        case let .mapping(pairs, _, _):
            return pairs.isEmpty ? [pad + "{}"] : pairs.flatMap { lines(key: $0.key, value: $0.value, indent: indent) }
        }
    }

    /// `prefix value` on one line (plain or quoted), or `prefix >-` and the folded text below.
    static func scalarLines(prefix: String, text: String, allowNumberLike: Bool, indent: Int) -> [String] {
        let separator = prefix.isEmpty ? "" : " "
        if isPlainSafe(text, allowNumberLike: allowNumberLike, flow: false), !text.isEmpty,
           prefix.count + 1 + text.count <= 110 || !canFold(text) {
            return [prefix + separator + text]
        }
        if text.contains("\n") || prefix.count + 1 + text.count > 110, canFold(text) {
            return [prefix + separator + ">-"] + folded(text, indent: indent + 2)
        }
        return [prefix + separator + doubleQuoted(text)]
    }

    /// A scalar for inside a flow collection or a key: plain when safe, else double-quoted.
    static func scalar(_ text: String, allowNumberLike: Bool, flow: Bool) -> String {
        isPlainSafe(text, allowNumberLike: allowNumberLike, flow: flow) ? text : doubleQuoted(text)
    }

    static func flowList(_ items: [YAMLTree]) -> String? {
        var parts: [String] = []
        for item in items {
            guard case let .scalar(text, plain) = item, !text.contains("\n") else { return nil }
            parts.append(scalar(text, allowNumberLike: plain, flow: true))
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    static func flowMapping(_ pairs: [YAMLTree.Pair]) -> String? {
        var parts: [String] = []
        for pair in pairs {
            guard case let .scalar(text, plain) = pair.value, !text.contains("\n") else { return nil }
            parts.append(scalar(pair.key, allowNumberLike: false, flow: true) + ": " + scalar(text, allowNumberLike: plain, flow: true))
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    // MARK: Scalars

    /// Whether `text` can be written without quotes and read back as exactly this text, by any YAML 1.1 or 1.2
    /// reader. Number-like text (`404`, `-1`, `2025-06-01`) only where `allowNumberLike` (codes, statuses, dates).
    static func isPlainSafe(_ text: String, allowNumberLike: Bool, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || text.contains(": ") || text.contains(" #") || last == ":" { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") || text.hasPrefix("<<") { return false }
        for scalar in text.unicodeScalars where !isPrintable(scalar) || scalar == "\t" || scalar == "\n" { return false }
        if "-?:".unicodeScalars.contains(first) {
            // `-1` and `-foo` are plain; `- x`, `? x`, `: x` are syntax.
            guard text.unicodeScalars.count > 1 else { return false }
            let second = text.unicodeScalars[text.unicodeScalars.index(after: text.unicodeScalars.startIndex)]
            if second == " " || (flow && ",[]{}".unicodeScalars.contains(second)) { return false }
            // In flow context libyaml takes `?` and `:` as indicators whatever follows; `-` only before a letter or digit.
            if flow, first != "-" || !(second.properties.isAlphabetic || ("0"..."9").contains(second)) { return false }
        } else if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            return false
        }
        if flow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if flow, text.contains(":") { return false }
        let lower = text.lowercased()
        if ["", "~", "null"].contains(lower) { return false }
        if !allowNumberLike {
            if ["true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) { return false }
            if looksNumeric(text) { return false }
        }
        return true
    }

    /// Integers, floats, hex/octal, infinities, NaN, sexagesimal and timestamps as YAML 1.1 resolvers see them.
    static func looksNumeric(_ text: String) -> Bool {
        let lower = text.lowercased()
        if [".inf", "-.inf", "+.inf", ".nan"].contains(lower) { return true }
        guard let first = lower.first, first.isNumber || "+-.".contains(first) else { return false }
        let body = lower.drop { "+-".contains($0) }
        if body.isEmpty { return false }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") { return true }
        return body.allSatisfy { $0.isNumber || "._:-eE+tz ".contains($0) } && body.first.map { $0.isNumber || $0 == "." } == true
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return true
        case 0..<0x20, 0x7F...0x9F: return false
        case 0x2028, 0x2029, 0xFEFF: return false
        default:
            switch scalar.properties.generalCategory {
            case .format, .surrogate, .unassigned, .privateUse, .lineSeparator, .paragraphSeparator, .control: return false
            default: return true
            }
        }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }

    /// Whether a folded block (`>-`) reads back as exactly `text`: printable, no tabs, no line starting or ending
    /// with a space, no leading or trailing line break.
    static func canFold(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("\n"), !text.hasSuffix("\n") else { return false }
        for scalar in text.unicodeScalars where !isPrintable(scalar) || scalar == "\t" { return false }
        return text.split(separator: "\n", omittingEmptySubsequences: true).allSatisfy { line in
            line.first != " " && line.last != " " && !line.contains("  ")
        }
    }

    /// The content lines of a folded block at `indent`: each line break of the text is one empty line more than a
    /// fold, and long lines are broken at single spaces (a fold reads back as one space).
    static func folded(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var out: [String] = []
        var breaks = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { breaks += 1; continue }
            if !out.isEmpty { out += Array(repeating: "", count: breaks + 1) }
            breaks = 0
            out += wrap(String(line), width: max(40, width - indent)).map { pad + $0 }
        }
        return out
    }

    /// Words (split at single spaces) packed into lines of at most `width` characters; a longer word stands alone.
    static func wrap(_ line: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines
    }
}
