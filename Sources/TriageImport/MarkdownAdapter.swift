import Foundation
import TriageCore

/// `markdown`: a page with a heading per code (`### INSTALL_NOT_FOUND`, `## 30003 - Unreachable handset`).
/// - The paragraphs under a code heading are its description (soft line breaks joined, lists kept as lines).
/// - Hint blocks (`{% hint %}` of GitBook, `> [!NOTE]`, block quotes) are notes: under a code, a paragraph of its
///   description; before the first code, the page's notice (a deprecation warning, say).
/// - A heading that is not a code, above the code headings' level, is the category of the codes under it.
/// - `HTTP status: 404`, `Message: ...` and `Category: ...` lines in a code's section are those fields.
/// - Front matter, the page title, tables of contents, fenced code and GitBook tags are not content.
enum MarkdownAdapter {
    static func read(_ text: String, file: String, options: ImportOptions) -> ImportedDocument {
        var document = ImportedDocument()
        let source = SourceLines(text, file: file)
        var builder = Builder(document: document)
        var index = 0
        // Front matter.
        if source.lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            if let end = source.lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
                index = end + 1
            }
        }
        var fence: String?
        var hint: [String]?
        while index < source.lines.count {
            let raw = String(source.lines[index])
            let line = raw.trimmingCharacters(in: .whitespaces)
            defer { index += 1 }
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = String(line.prefix(3))
                continue
            }
            // GitBook hint blocks, possibly on one line.
            if hint == nil, let opening = line.range(of: #"\{%\s*hint\b[^%]*%\}"#, options: .regularExpression) {
                hint = []
                let rest = String(line[opening.upperBound...])
                if let close = rest.range(of: #"\{%\s*endhint\s*%\}"#, options: .regularExpression) {
                    builder.note(String(rest[..<close.lowerBound]))
                    hint = nil
                } else if !rest.trimmingCharacters(in: .whitespaces).isEmpty {
                    hint?.append(rest)
                }
                continue
            }
            if var lines = hint {
                if let close = line.range(of: #"\{%\s*endhint\s*%\}"#, options: .regularExpression) {
                    lines.append(String(line[..<close.lowerBound]))
                    builder.note(lines.joined(separator: "\n"))
                    hint = nil
                } else {
                    lines.append(raw)
                    hint = lines
                }
                continue
            }
            if line.hasPrefix("{%") { continue }  // other GitBook tags
            if line.hasPrefix("#"), let heading = Heading(line) {
                builder.heading(heading, line: index + 1)
                continue
            }
            if line.hasPrefix(">") {
                var quoted = line.drop { $0 == ">" || $0 == " " }
                if let marker = quoted.range(of: #"^\[![A-Za-z]+\]\s*"#, options: .regularExpression) {
                    quoted = quoted[marker.upperBound...]
                }
                builder.quote(String(quoted))
                continue
            }
            builder.text(line)
        }
        builder.finish()
        document = builder.document
        return document
    }

    struct Heading {
        var level: Int
        var text: String

        init?(_ line: String) {
            let hashes = line.prefix { $0 == "#" }
            guard (1...6).contains(hashes.count) else { return nil }
            let rest = line.dropFirst(hashes.count)
            guard rest.isEmpty || rest.first == " " else { return nil }
            level = hashes.count
            var heading = rest.trimmingCharacters(in: .whitespaces)
            // A closing run of hashes and a GitBook anchor are not part of the text.
            while heading.hasSuffix("#") { heading = String(heading.dropLast()).trimmingCharacters(in: .whitespaces) }
            if let anchor = heading.range(of: #"\s*\{#[^}]*\}$"#, options: .regularExpression) { heading.removeSubrange(anchor) }
            text = MarkdownText.inline(heading)
        }
    }

    /// Collects sections: the current code and its paragraphs, the current category, the page's notes.
    struct Builder {
        var document: ImportedDocument
        var codeLevel: Int?
        var current: ImportedCode?
        var paragraphs: [String] = []
        var paragraph: [String] = []
        var category: String?
        var pageNotes: [String] = []

        mutating func heading(_ heading: Heading, line: Int) {
            if let (code, rest) = CodeToken.leading(heading.text), codeLevel == nil || heading.level <= codeLevel! {
                flush()
                codeLevel = heading.level
                current = ImportedCode(code: code, category: category, line: line)
                if !rest.isEmpty { current?.message = TextCleaning.line(rest) }
                return
            }
            if let level = codeLevel, heading.level > level {
                // A sub-heading inside a code's section ("Example", "Solution"): its text is a paragraph.
                endParagraph()
                paragraph = [heading.text]
                endParagraph()
                return
            }
            flush()
            current = nil
            if heading.level >= 2 { category = document.category(named: heading.text) }
        }

        mutating func text(_ line: String) {
            guard current != nil else { return }  // page chrome, title text, table of contents
            if line.isEmpty { endParagraph(); return }
            let plain = MarkdownText.inline(line)
            if let field = FieldLine(plain) {
                switch field {
                case let .http(status): current?.http = status
                case let .message(text): current?.message = TextCleaning.line(text)
                case let .category(name): current?.category = document.category(named: name)
                }
                return
            }
            if let item = listItem(plain) {
                endParagraph()
                paragraphs.append(item)
                return
            }
            paragraph.append(plain)
        }

        mutating func quote(_ line: String) {
            guard current != nil else {
                if !line.isEmpty { pageNotes.append(MarkdownText.inline(line)) }
                return
            }
            text(line)
        }

        /// A hint block's text: a paragraph of the current code, or a page note before the first code.
        mutating func note(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { MarkdownText.inline($0.trimmingCharacters(in: .whitespaces)) }
            let joined = lines.split(separator: "", omittingEmptySubsequences: true).map { $0.joined(separator: " ") }
                .joined(separator: "\n\n")
            guard !joined.isEmpty else { return }
            if current == nil {
                if codeLevel == nil { pageNotes.append(joined) }
                return
            }
            endParagraph()
            paragraphs.append(joined)
            endParagraph()
        }

        private func listItem(_ line: String) -> String? {
            if line.hasPrefix("* ") || line.hasPrefix("- ") || line.hasPrefix("+ ") { return "- " + line.dropFirst(2) }
            let number = line.prefix { $0.isASCII && $0.isNumber }
            if !number.isEmpty, number.count <= 3, line.dropFirst(number.count).hasPrefix(". ") { return line }
            return nil
        }

        private mutating func endParagraph() {
            guard !paragraph.isEmpty else { return }
            paragraphs.append(paragraph.joined(separator: " "))
            paragraph = []
        }

        /// Paragraphs are separated by a blank line; list items follow each other on their own lines.
        private mutating func flush() {
            endParagraph()
            defer { paragraphs = [] }
            guard var code = current else { return }
            var text = ""
            for part in paragraphs {
                let isItem = part.hasPrefix("- ") || part.first?.isNumber == true && part.contains(". ")
                if !text.isEmpty { text += isItem ? "\n" : "\n\n" }
                text += part
            }
            if !text.isEmpty { code.description = TextCleaning.prose(text) }
            document.codes.append(code)
            current = nil
        }

        mutating func finish() {
            flush()
            if !pageNotes.isEmpty { document.notice = TextCleaning.prose(pageNotes.joined(separator: "\n\n")) }
        }
    }

    /// `HTTP status: 404`, `**Status code:** 403 Forbidden`, `Message: Install not found`, `Category: Auth`.
    enum FieldLine {
        case http(Int)
        case message(String)
        case category(String)

        init?(_ line: String) {
            guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 24 else { return nil }
            let label = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " *_")).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " *_"))
            guard !value.isEmpty else { return nil }
            switch label {
            case "http status", "http status code", "status", "status code", "http", "http code":
                guard let status = HTTPStatusText.parse(value) else { return nil }
                self = .http(status)
            case "message", "error message": self = .message(value)
            case "category", "group": self = .category(value)
            default: return nil
            }
        }
    }
}
