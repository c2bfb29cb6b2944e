import Foundation

/// Markdown inline syntax to plain text, for one line: code spans kept literally, links and images as their text
/// (an absolute URL kept in parentheses), emphasis markers dropped, backslash escapes (`\_`, `\(`) resolved,
/// HTML tags dropped (`<br>` a line break), entities decoded. Every pattern is bounded, so a hostile line costs
/// time in proportion to its length.
enum MarkdownText {
    static func inline(_ line: String) -> String {
        // Code spans first: their content is literal.
        var result = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "`") {
            let ticks = rest[open...].prefix { $0 == "`" }
            let afterOpen = rest[ticks.endIndex...]
            guard let close = afterOpen.range(of: String(ticks)) else { break }
            result += formatted(String(rest[..<open]))
            result += afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = afterOpen[close.upperBound...]
        }
        return result + formatted(String(rest))
    }

    /// Escapes become private-use placeholders while the patterns run, so `\*` and `\_` are never markup.
    private static let placeholderBase: UInt32 = 0xE000

    private static func formatted(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var protected = ""
        var escaping = false
        for character in text {
            if escaping {
                if character.isASCII, character.isPunctuation || character.isSymbol,
                   let value = character.asciiValue, let placeholder = Unicode.Scalar(placeholderBase + UInt32(value)) {
                    protected.unicodeScalars.append(placeholder)
                } else {
                    protected.append("\\")
                    protected.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                protected.append(character)
            }
        }
        if escaping { protected.append("\\") }
        var text = protected
        for (pattern, template) in patterns {
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        text = links(text)
        var restored = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (placeholderBase..<(placeholderBase + 0x80)).contains(scalar.value),
               let original = Unicode.Scalar(scalar.value - placeholderBase) {
                restored.append(original)
            } else {
                restored.append(scalar)
            }
        }
        return TextCleaning.decodeEntities(HTMLText.inlineTags(String(restored)))
    }

    private static let patterns: [(NSRegularExpression, String)] = [
        (#"\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*"#, "$1"),
        (#"(?<![\w])__(?=\S)(.{1,300}?)(?<=\S)__(?![\w])"#, "$1"),
        (#"~~(?=\S)(.{1,300}?)(?<=\S)~~"#, "$1"),
        (#"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])"#, "$1"),
        (#"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])"#, "$1"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    private static let link = try! NSRegularExpression(pattern: #"(!?)\[([^\]\n]{0,500})\]\(\s*<?([^)\s>]{0,2000})>?(?:\s+"[^"]{0,300}")?\s*\)"#)
    private static let referenceLink = try! NSRegularExpression(pattern: #"\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]"#)
    private static let autolink = try! NSRegularExpression(pattern: #"<((?:https?|mailto):[^>\s]{1,2000})>"#)

    /// `[text](url)` -> text, or `text (url)` for an absolute URL that says more than the text.
    private static func links(_ text: String) -> String {
        guard text.contains("[") || text.contains("<") else { return text }
        var result = ""
        var last = text.startIndex
        for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let label = Range(match.range(at: 2), in: text),
                  let target = Range(match.range(at: 3), in: text) else { continue }
            result += text[last..<whole.lowerBound]
            let labelText = String(text[label]), url = String(text[target])
            let isImage = match.range(at: 1).length > 0
            if !isImage, url.hasPrefix("http://") || url.hasPrefix("https://"), labelText != url, !labelText.isEmpty {
                result += "\(labelText) (\(url))"
            } else {
                result += labelText.isEmpty && !isImage ? url : labelText
            }
            last = whole.upperBound
        }
        result += text[last...]
        result = referenceLink.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1")
        return autolink.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1")
    }
}

/// HTML to plain text with a small bounded tokenizer (no HTML library): tags dropped, block elements as line
/// breaks (`<p>` a paragraph, `<li>` a "- " item), `<script>`/`<style>` and comments dropped, entities decoded.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        var skipping: String?
        while index < html.endIndex {
            let character = html[index]
            guard character == "<", let tag = Tag.read(html, at: index) else {
                if skipping == nil { output.append(character) }
                index = html.index(after: index)
                continue
            }
            index = tag.end
            if let skip = skipping {
                if tag.isClosing, tag.name == skip { skipping = nil }
                continue
            }
            if ["script", "style", "template", "head"].contains(tag.name), !tag.isClosing, !tag.isSelfClosing {
                skipping = tag.name
                continue
            }
            switch tag.name {
            case "br": output += "\n"
            case "p", "div", "section", "article", "table", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6":
                output += "\n\n"
            case "li": output += tag.isClosing ? "\n" : "\n- "
            case "tr", "dt", "dd": output += "\n"
            case "td", "th": output += " "
            default: break
            }
        }
        return TextCleaning.decodeEntities(output)
    }

    /// Tags inside a line of Markdown: `<br>` becomes a line break, other tags are dropped.
    static func inlineTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "<", let tag = Tag.read(text, at: index), tag.isKnownElement {
                if tag.name == "br" { output += "\n" }
                index = tag.end
            } else {
                output.append(text[index])
                index = text.index(after: index)
            }
        }
        return output
    }

    /// One tag (or comment) starting at a `<`: its lowercased name, kind and attributes, and where it ends.
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var attributes: String
        var end: String.Index

        /// Elements whose tags are markup, not text that happens to contain `<` (`a < b`, `<uid>`).
        var isKnownElement: Bool {
            ["br", "p", "div", "span", "a", "b", "i", "em", "strong", "code", "pre", "ul", "ol", "li", "table", "tr", "td",
             "th", "thead", "tbody", "sup", "sub", "small", "u", "img", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "!--",
             "blockquote", "kbd", "mark", "details", "summary", "dl", "dt", "dd", "section", "tfoot", "caption"].contains(name)
        }

        /// Attribute `name="value"` (colspan, style), bounded.
        func attribute(_ wanted: String) -> String? {
            guard let range = attributes.range(of: wanted + "=", options: .caseInsensitive) else { return nil }
            var value = attributes[range.upperBound...].prefix(40)
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst().prefix { $0 != quote }
            } else {
                value = value.prefix { !$0.isWhitespace && $0 != ">" }
            }
            return String(value)
        }

        static func read(_ text: String, at start: String.Index) -> Tag? {
            var index = text.index(after: start)
            if text[index...].hasPrefix("!--") {
                guard let close = text[index...].prefix(1 << 16).range(of: "-->") else { return nil }
                return Tag(name: "!--", isClosing: false, isSelfClosing: true, attributes: "", end: close.upperBound)
            }
            var isClosing = false
            if index < text.endIndex, text[index] == "/" {
                isClosing = true
                index = text.index(after: index)
            }
            let name = text[index...].prefix { $0.isLetter || $0.isNumber }.prefix(20)
            guard let first = name.first, first.isLetter else { return nil }
            index = name.endIndex
            // Attributes up to `>` (quotes may hold `>`), at most 4 KB.
            var quote: Character?
            var scanned = 0
            while index < text.endIndex, scanned < 4096 {
                let character = text[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == ">" {
                    let attributes = String(text[name.endIndex..<index])
                    return Tag(name: name.lowercased(), isClosing: isClosing,
                               isSelfClosing: attributes.hasSuffix("/"), attributes: attributes, end: text.index(after: index))
                } else if character == "<" || character == "\n" && quote == nil && scanned > 1024 {
                    return nil
                }
                index = text.index(after: index)
                scanned += 1
            }
            return nil
        }
    }
}
