import Foundation
import TriageCore

/// `text`: a page's text as copied from a browser (an HTML table flattened, a PDF). Each entry starts with a
/// code at the start of a line, glued to its description (`AUTH_ERR_EMPTY_APPIDIndicates empty appId…`) or
/// separated from it (`E1001: …`, `E1001 - …`, a tab); the lines up to the next entry continue its description
/// (blank lines as paragraph breaks). A short title-case line between entries (`API Key Errors`) is a category
/// line. Lines before the first code are page chrome. `--code-pattern REGEX` says what a code looks like when
/// the default (upper case with underscores, or a number followed by a separator) does not fit.
enum TextAdapter {
    /// Upper-case words joined by `_` (or `.`), ending where a capitalised word begins or at a separator.
    static let defaultPattern = #"^(?:[A-Z][A-Z0-9]*(?:[_.][A-Z0-9]+)+|-?[0-9]{1,9}(?=\s*[:\-–—\t|]))"#

    static func read(_ text: String, file: String, options: ImportOptions) throws -> ImportedDocument {
        let pattern: NSRegularExpression
        do {
            pattern = try NSRegularExpression(pattern: options.codePattern.map { $0.hasPrefix("^") ? $0 : "^" + $0 } ?? defaultPattern)
        } catch {
            throw ImportError("--code-pattern: not a valid regular expression (\(options.codePattern ?? ""))")
        }
        let source = SourceLines(text, file: file)
        var document = ImportedDocument()
        var current: ImportedCode?
        var lines: [String] = []
        var pendingCategory: String?
        func finish() {
            guard var code = current else { return }
            let description = TextCleaning.prose(lines.joined(separator: "\n"))
            if !description.isEmpty { code.description = description }
            document.codes.append(code)
            current = nil
            lines = []
        }
        for (index, raw) in source.lines.enumerated() {
            let line = TextCleaning.collapseSpaces(raw)
            if let (code, rest) = leadingCode(line, pattern: pattern) {
                finish()
                var category: String?
                if let heading = pendingCategory {
                    category = document.category(named: heading)
                    pendingCategory = nil
                } else {
                    category = document.codes.last?.category
                }
                current = ImportedCode(code: code, category: category, line: index + 1)
                lines = rest.isEmpty ? [] : [rest]
                continue
            }
            if isCategoryLine(line) {
                // A category line after an entry ends it; before the first entry, the last one wins.
                finish()
                pendingCategory = line
                continue
            }
            if current != nil { lines.append(line) }
        }
        finish()
        return document
    }

    /// The code at the start of `line` and the rest, where the code is followed by a capitalised word glued to
    /// it, a separator, or nothing.
    static func leadingCode(_ line: String, pattern: NSRegularExpression) -> (String, String)? {
        let range = NSRange(line.startIndex..., in: line)
        guard let match = pattern.firstMatch(in: line, options: .anchored, range: range), match.range.length > 0,
              let matched = Range(match.range, in: line) else { return nil }
        var code = String(line[matched])
        var rest = line[matched.upperBound...]
        // Glued: the code's last capital letter begins the description (`…APPIDIndicates`).
        if let next = rest.first, next.isLowercase, let last = code.last, last.isUppercase, code.count > 2 {
            code.removeLast()
            rest = line[line.index(before: matched.upperBound)...]
        }
        guard let first = rest.first else { return (code, "") }
        if first.isUppercase || first.isNumber && code.last?.isLetter == true {
            return (code, String(rest))  // glued
        }
        guard first.isWhitespace || ":-–—|".contains(first) else { return nil }  // a longer word, not a code
        let text = rest.drop { $0.isWhitespace || ":-–—|".contains($0) }
        return (code, String(text))
    }

    /// A short line of capitalised words without sentence punctuation (`Auth Errors`, `API Key Errors`).
    static func isCategoryLine(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= 60, let last = line.last, !".:;,!?".contains(last) else { return false }
        let words = line.split(separator: " ")
        guard words.count <= 6 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || first.isNumber || word == "&" || ["and", "or", "of", "for", "the", "to", "in"].contains(word)
        } && words.first?.first?.isUppercase == true
    }
}
