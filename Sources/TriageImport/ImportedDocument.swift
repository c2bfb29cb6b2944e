import Foundation
import TriageCore

/// What an adapter read from a vendor's document, before it meets the catalog: codes with the fields the
/// document gives (anything it does not give is nil and never touches the catalog), in document order.
public struct ImportedDocument: Sendable {
    public var vendorName: String?
    /// A page-level warning (a deprecation notice), for the vendor's `notice`.
    public var notice: String?
    public var docs: String?
    /// Categories the document names, in order of first appearance.
    public var categories: [ImportedCategory] = []
    public var codes: [ImportedCode] = []
    /// What was skipped or cut, with its place in the document.
    public var warnings: [CatalogProblem] = []

    public init() {}

    /// The category for a heading or category row (`Auth Errors` -> `auth`, named `Auth`), added once.
    mutating func category(named heading: String) -> String? {
        var name = TextCleaning.line(heading, limit: 80)
        for suffix in [" errors", " error", " error codes", " codes"] where name.lowercased().hasSuffix(suffix) && name.count > suffix.count {
            name = String(name.dropLast(suffix.count))
        }
        let id = TextCleaning.identifier(name)
        guard !id.isEmpty else { return nil }
        if !categories.contains(where: { $0.id == id }) { categories.append(ImportedCategory(id: id, name: name)) }
        return id
    }
}

public struct ImportedCategory: Hashable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One code as the document gives it. Text fields are already cleaned (`TextCleaning`).
public struct ImportedCode: Hashable, Sendable {
    public var code: String
    public var category: String?
    public var http: Int?
    public var message: String?
    public var summary: String?
    public var docs: String?
    public var description: String?
    /// Likely causes and what to check, where a registry gives them (`@twilio/voice-errors`' causes and
    /// solutions): set on a new code only, never over what the catalog has (they are curated fields).
    public var causes: [String] = []
    public var checks: [String] = []
    /// Where the code is in the document (1-based line), for messages.
    public var line: Int

    public init(code: String, category: String? = nil, http: Int? = nil, message: String? = nil, summary: String? = nil,
                docs: String? = nil, description: String? = nil, line: Int) {
        self.code = code
        self.category = category
        self.http = http
        self.message = message
        self.summary = summary
        self.docs = docs
        self.description = description
        self.line = line
    }

    /// The document's value of an imported field, as the text the catalog stores (HTTP status as digits).
    func value(of field: String) -> String? {
        switch field {
        case "category": return category
        case "http": return http.map(String.init)
        case "message": return message
        case "summary": return summary
        case "docs": return docs
        case "description": return description
        default: return nil
        }
    }
}

/// HTTP statuses as documents write them: `404`, `404 Not Found`, `HTTP/1.1 404`, `(404)`. Nothing, `4XX` or two
/// statuses (`400, 404`) give nil: a guess would be worse than an unknown status.
enum HTTPStatusText {
    static func parse(_ text: String) -> Int? {
        let statuses = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == ";" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()[]*`:.")) }
            .filter { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            .compactMap { Int($0) }.filter { (100...599).contains($0) }
        return statuses.count == 1 ? statuses[0] : nil
    }
}
