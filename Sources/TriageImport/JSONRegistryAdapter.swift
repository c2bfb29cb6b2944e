import Foundation
import TriageCore

/// Nesting is checked before any parser sees a document: Foundation's JSON parser and Yams build nested values
/// recursively, so a document nested ten thousand deep could exhaust the stack. One pass, no recursion.
enum NestingCheck {
    /// The deepest `[`/`{` nesting of a JSON text (outside strings).
    static func jsonDepth(_ text: String) -> (depth: Int, line: Int) {
        var depth = 0, deepest = 0, line = 1, deepestLine = 1
        var inString = false, escaped = false
        for byte in text.utf8 {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > deepest { deepest = depth; deepestLine = line }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return (deepest, deepestLine)
    }

    /// A YAML text's nesting, estimated from block indentation (two columns a level) and flow brackets.
    static func yamlDepth(_ text: String) -> (depth: Int, line: Int) {
        var deepest = 0, deepestLine = 1
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            var flow = 0, flowDeepest = 0
            for byte in line.utf8 {
                if byte == 0x5B || byte == 0x7B { flow += 1; flowDeepest = max(flowDeepest, flow) }
                if byte == 0x5D || byte == 0x7D { flow -= 1 }
            }
            let depth = indent / 2 + flowDeepest
            if depth > deepest { deepest = depth; deepestLine = index + 1 }
        }
        return (deepest, deepestLine)
    }

    static func check(_ text: String, file: String, json: Bool) throws {
        let (depth, line) = json ? jsonDepth(text) : yamlDepth(text)
        guard depth <= ImportLimits.maximumNesting else {
            throw ImportError(SourceLocation(file: file, line: line, column: 1),
                              "nested \(depth) levels deep; a document to import may nest at most \(ImportLimits.maximumNesting) levels")
        }
    }

    /// A JSON document parsed after the nesting check, with a `file:line:column` error when it is not JSON.
    static func parseJSON(_ text: String, file: String) throws -> Any {
        try check(text, file: file, json: true)
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let nsError = error as NSError
            let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
            var location = SourceLocation(file: file, line: 1, column: 1)
            // Foundation says where as a UTF-8 offset: "around character 31", or in the userInfo on Darwin.
            let offset = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int
                ?? detail.range(of: #"character \d+"#, options: .regularExpression).flatMap { Int(detail[$0].dropFirst(10)) }
            if let offset {
                let prefix = text.utf8.prefix(offset)
                let line = prefix.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                let lineStart = prefix.lastIndex(of: 0x0A).map { prefix.index(after: $0) } ?? prefix.startIndex
                location = SourceLocation(file: file, line: line, column: prefix.distance(from: lineStart, to: prefix.endIndex) + 1)
            }
            throw ImportError(location, "not valid JSON: \(detail)")
        }
    }
}

/// `json`: a registry of error definitions (Twilio's error list, `@twilio/voice-errors`, a vendor's own file):
/// - the definitions are a list of objects, objects keyed by code, or either grouped under category keys
///   (`{"Authorization": {"AccessTokenInvalid": {"code": 20101, …}}}`), or under `--items KEY.PATH`;
/// - each field comes from the first key found (`--map field=key.path` names another): code ← code, error_code,
///   errorCode, id (else the object's key); message ← message, title; description ← description, explanation,
///   detail; http ← status, http_status, httpStatus, statusCode; category ← category, group; docs ← url, docs,
///   doc_url, more_info, link; causes ← causes; checks ← solutions, resolutions, checks.
enum JSONRegistryAdapter {
    static let defaultKeys: [String: [String]] = [
        "code": ["code", "error_code", "errorCode", "errorcode", "id"],
        "message": ["message", "title", "error_message", "errorMessage"],
        "summary": ["summary"],
        "description": ["description", "explanation", "detail", "details", "meaning"],
        "http": ["status", "http_status", "httpStatus", "statusCode", "status_code", "http"],
        "category": ["category", "group"],
        "docs": ["url", "docs", "doc_url", "docUrl", "more_info", "link", "documentation_url"],
        "causes": ["causes", "cause"],
        "checks": ["solutions", "solution", "resolutions", "checks"],
    ]

    /// Keys that hold definitions without naming a category.
    static let containerKeys: Set<String> = ["errors", "error_codes", "errorCodes", "codes", "items", "data", "definitions",
                                             "results", "entries", "values"]

    static func read(_ text: String, file: String, options: ImportOptions) throws -> ImportedDocument {
        var root = try NestingCheck.parseJSON(text, file: file)
        if let path = options.items {
            for key in path.split(separator: ".") {
                guard let object = root as? [String: Any], let next = object[String(key)] else {
                    throw ImportError(SourceLocation(file: file, line: 1, column: 1), "--items \(path): the document has no key '\(key)' there")
                }
                root = next
            }
        }
        var keys = defaultKeys
        for (field, key) in options.fieldMap { keys[field] = [key] }
        var document = ImportedDocument()
        if let object = root as? [String: Any] {
            document.vendorName = (object["vendor"] as? String) ?? (object["service"] as? String)
        }
        // Breadth-first over (value, key it sits under, category), without recursion.
        var queue: [(value: Any, key: String?, category: String?)] = [(root, nil, nil)]
        var head = 0
        while head < queue.count {
            let (value, key, category) = queue[head]
            head += 1
            guard queue.count <= 4 * ImportLimits.maximumCodes else { break }
            // A container's key names the category of what it holds, unless it is a generic one ("errors").
            let inner = key.flatMap { containerKeys.contains($0) ? nil : $0 } ?? category
            if let list = value as? [Any] {
                for item in list { queue.append((item, nil, inner)) }
                continue
            }
            guard let object = value as? [String: Any] else { continue }
            if let entry = definition(object, key: key, keys: keys, category: category, document: &document) {
                document.codes.append(entry)
                continue
            }
            for childKey in object.keys.sorted() {
                let child = object[childKey]!
                guard child is [Any] || child is [String: Any] else { continue }
                queue.append((child, childKey, inner))
            }
        }
        if document.codes.isEmpty {
            throw ImportError(SourceLocation(file: file, line: 1, column: 1),
                              "found no error definitions (objects with a code and a description or message); name the list with --items and the fields with --map code=KEY")
        }
        // JSON objects have no order: the codes are listed by code, numbers numerically.
        document.codes.sort { left, right in
            if let l = Int(left.code), let r = Int(right.code) { return l < r }
            return left.code < right.code
        }
        return document
    }

    /// A definition: an object with a code (or under a key that is one) and a description or message.
    private static func definition(_ object: [String: Any], key: String?, keys: [String: [String]], category: String?,
                                   document: inout ImportedDocument) -> ImportedCode? {
        func value(_ field: String) -> Any? {
            for path in keys[field] ?? [] {
                var current: Any? = object
                for part in path.split(separator: ".") { current = (current as? [String: Any])?[String(part)] }
                if let current, !(current is NSNull) { return current }
            }
            return nil
        }
        func text(_ field: String) -> String? {
            switch value(field) {
            case let string as String: return string
            case let number as NSNumber: return number.stringValue
            case let list as [Any]: return list.compactMap { $0 as? String }.joined(separator: "\n")
            default: return nil
            }
        }
        guard text("description") != nil || text("message") != nil else { return nil }
        guard let rawCode = text("code") ?? key, let code = TextCleaning.code(rawCode) else { return nil }
        var entry = ImportedCode(code: code, line: 1)
        entry.message = text("message").map { TextCleaning.line($0) }
        entry.summary = text("summary").map { TextCleaning.line($0) }
        entry.description = text("description").map { TextCleaning.prose($0) } ?? entry.message
        entry.docs = text("docs").map { TextCleaning.line($0) }.flatMap { $0.hasPrefix("http") ? $0 : nil }
        entry.http = text("http").flatMap(HTTPStatusText.parse)
        if let named = text("category") ?? category { entry.category = document.category(named: splitCamelCase(named)) }
        entry.causes = list(value("causes"))
        entry.checks = list(value("checks"))
        return entry
    }

    private static func list(_ value: Any?) -> [String] {
        switch value {
        case let string as String: return [TextCleaning.prose(string)].filter { !$0.isEmpty }
        case let items as [Any]: return items.compactMap { $0 as? String }.map { TextCleaning.prose($0) }.filter { !$0.isEmpty }.prefix(20).map { $0 }
        default: return []
        }
    }

    /// `AuthorizationErrors` -> `Authorization Errors`.
    static func splitCamelCase(_ text: String) -> String {
        guard !text.contains(" "), !text.contains("_") else { return text.replacingOccurrences(of: "_", with: " ") }
        var result = ""
        var previous: Character?
        for character in text {
            if character.isUppercase, let previous, previous.isLowercase { result.append(" ") }
            result.append(character)
            previous = character
        }
        return result
    }
}
