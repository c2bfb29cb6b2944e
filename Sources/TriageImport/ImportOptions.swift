import Foundation
import TriageCore

/// The kinds of document `triage import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// A page with a heading per code (GitBook, MkDocs, GitHub): hint blocks become notes.
    case markdown
    /// A table of codes: Markdown pipe table or HTML table, with a column mapping and category rows.
    case table
    /// Text copied from a rendered page: a code at the start of each entry (glued to its description or not),
    /// category lines between them.
    case text
    /// A JSON registry of error definitions (a list, or objects grouped by category), with a field map.
    case json
    /// An OpenAPI 3.x document: error envelopes, enums of codes, per-status responses and their examples.
    case openapi
    /// A botocore service model (`service-2.json`): exception shapes with status, sender fault and retryable.
    case botocore

    /// The format named `name`, or an error that suggests the closest one.
    public static func named(_ name: String) throws -> ImportFormat {
        if let format = ImportFormat(rawValue: name.lowercased()) { return format }
        let aliases: [String: ImportFormat] = ["md": .markdown, "gitbook": .markdown, "html": .table, "pipe": .table,
                                               "txt": .text, "registry": .json, "oas": .openapi, "swagger": .openapi,
                                               "aws": .botocore, "service-2": .botocore]
        if let format = aliases[name.lowercased()] { return format }
        let names = allCases.map(\.rawValue)
        var message = "unknown format '\(name)'"
        if let guess = Suggestions.closest(to: name, among: names, limit: 1).first { message += "; did you mean '\(guess)'?" }
        message += " (formats: \(names.joined(separator: ", ")))"
        throw ImportError(message)
    }
}

/// How to read one document into one vendor.
public struct ImportOptions: Sendable {
    public var vendor: String
    public var format: ImportFormat
    /// The import date (YYYY-MM-DD): `since`, `deprecated` and provenance dates.
    public var date: String
    /// Where codes the document does not place go (`--category`).
    public var categoryRules: [CategoryRule] = []
    /// Field -> column header or number (tables), or key path (JSON) (`--map`).
    public var fieldMap: [String: String] = [:]
    /// The regular expression a code matches at the start of an entry (`text`; `--code-pattern`).
    public var codePattern: String?
    /// The key path of the list or object holding the definitions (`json`; `--items`).
    public var items: String?
    /// The vendor's display name for a new vendor file (`--name`).
    public var vendorName: String?

    public init(vendor: String, format: ImportFormat, date: String) {
        self.vendor = vendor
        self.format = format
        self.date = date
    }

    /// Today (UTC), as imports date things.
    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The catalog fields a field map may name, and what each adapter looks for when none is given.
    public static let mappableFields = ["code", "category", "http", "message", "summary", "docs", "description", "causes", "checks"]

    /// Parses `field=source` pairs, refusing unknown fields with a suggestion.
    public static func fieldMap(_ pairs: [String]) throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ImportError("--map takes FIELD=SOURCE (e.g. message=API Message, http=3), got '\(pair)'")
            }
            let field = pair[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let source = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard mappableFields.contains(field) else {
                var message = "--map: unknown field '\(field)'"
                if let guess = Suggestions.closest(to: field, among: mappableFields, limit: 1).first {
                    message += "; did you mean '\(guess)'?"
                }
                throw ImportError(message + " (fields: \(mappableFields.joined(separator: ", ")))")
            }
            guard !source.isEmpty else { throw ImportError("--map \(field)= needs a column or key") }
            map[field] = source
        }
        return map
    }
}

/// Where a code the document does not put in a category goes (`--category RULE`, repeatable, first match wins):
/// - `ID=LOW..HIGH`: numeric codes in the range (either end may be left out: `..99`, `500..`);
/// - `ID=PREFIX*`: codes starting with PREFIX (`ERR_WS_*`);
/// - `ID=~TEXT`: codes whose description or message contains TEXT (ignoring case);
/// - `ID`: every other code.
/// `ID:Name=...` also names a category the vendor file does not have yet.
public struct CategoryRule: Sendable, Equatable {
    public enum Match: Sendable, Equatable {
        case range(Int?, Int?)
        case prefix(String)
        case text(String)
        case any
    }

    public var id: String
    public var name: String?
    public var match: Match

    public init(id: String, name: String? = nil, match: Match) {
        self.id = id
        self.name = name
        self.match = match
    }

    public init(parsing text: String) throws {
        let head: Substring, pattern: Substring?
        if let equals = text.firstIndex(of: "=") {
            head = text[..<equals]
            pattern = text[text.index(after: equals)...]
        } else {
            head = Substring(text)
            pattern = nil
        }
        if let colon = head.firstIndex(of: ":") {
            id = String(head[..<colon]).trimmingCharacters(in: .whitespaces)
            name = String(head[head.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        } else {
            id = head.trimmingCharacters(in: .whitespaces)
        }
        guard !id.isEmpty, TextCleaning.identifier(id) == id else {
            throw ImportError("--category '\(text)': the category id must use only lowercase letters, digits and '-'")
        }
        guard let pattern = pattern?.trimmingCharacters(in: .whitespaces), !pattern.isEmpty else {
            match = .any
            return
        }
        if pattern.hasPrefix("~") {
            match = .text(String(pattern.dropFirst()).lowercased())
        } else if pattern.hasSuffix("*") {
            match = .prefix(String(pattern.dropLast()))
        } else if let dots = pattern.range(of: "..") {
            let low = pattern[..<dots.lowerBound].trimmingCharacters(in: .whitespaces)
            let high = pattern[dots.upperBound...].trimmingCharacters(in: .whitespaces)
            guard low.isEmpty || Int(low) != nil, high.isEmpty || Int(high) != nil, !(low.isEmpty && high.isEmpty) else {
                throw ImportError("--category '\(text)': a range is LOW..HIGH with whole numbers (e.g. 100..199, ..99)")
            }
            match = .range(Int(low), Int(high))
        } else {
            throw ImportError("--category '\(text)': use ID=LOW..HIGH, ID=PREFIX*, ID=~TEXT or ID alone")
        }
    }

    func matches(_ code: ImportedCode) -> Bool {
        switch match {
        case .any: return true
        case let .prefix(prefix): return code.code.hasPrefix(prefix)
        case let .text(text):
            return [code.description, code.message].contains { $0?.lowercased().contains(text) == true }
        case let .range(low, high):
            guard let number = Int(code.code) else { return false }
            return (low.map { number >= $0 } ?? true) && (high.map { number <= $0 } ?? true)
        }
    }
}
