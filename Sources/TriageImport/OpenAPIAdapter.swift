import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import TriageCore
import Yams

/// `openapi`: an OpenAPI 3.0, 3.1 or 3.2 document (JSON or YAML), read with OpenAPIKit (3.0 is converted to 3.1).
/// OpenAPI says little about error meaning, so everything it does say is used:
/// - error envelopes: the schemas of 4xx/5xx/default responses, and component schemas named like errors;
/// - code enums in them (`code`, `error_code`, `errorCode`, `type`, also nested as `error.code`), with
///   descriptions from `x-enum-descriptions`/`x-enumDescriptions` or `oneOf` of `const` + `description`;
/// - per-status responses: a code listed under one status only gets that status;
/// - response examples (`{"error": {"code": …, "message": …}}`): the code's message and status.
/// A code the document lists without any description gets a description that says so.
enum OpenAPIAdapter {
    typealias Document = OpenAPIKit.OpenAPI.Document

    static func read(_ text: String, file: String, options: ImportOptions) throws -> ImportedDocument {
        let trimmed = text.drop { $0.isWhitespace }
        let isJSON = trimmed.first == "{"
        try NestingCheck.check(text, file: file, json: isJSON)
        let document = try decode(text, isJSON: isJSON, file: file)
        var reader = Reader(document: document)
        reader.collect()
        var result = reader.result
        result.vendorName = TextCleaning.line(document.info.title, limit: 80)
        if let url = document.externalDocs?.url.absoluteString, url.hasPrefix("http") { result.docs = TextCleaning.line(url) }
        if result.codes.isEmpty {
            throw ImportError(SourceLocation(file: file, line: 1, column: 1),
                              "found no error codes: no enum of codes in an error schema and no error response example with a code")
        }
        return result
    }

    /// The document as OpenAPIKit reads it; 3.0 documents are converted to 3.1.
    static func decode(_ text: String, isJSON: Bool, file: String) throws -> Document {
        let version = versionField(text, isJSON: isJSON)
        let here = SourceLocation(file: file, line: 1, column: 1)
        guard let version, version.hasPrefix("3.") else {
            throw ImportError(here, version.map { "openapi \($0) is not supported; import OpenAPI 3.x (convert Swagger 2.0 first)" }
                              ?? "not an OpenAPI document: no top-level 'openapi: 3.x' field")
        }
        do {
            if version.hasPrefix("3.0") {
                let old: OpenAPIKit30.OpenAPI.Document = isJSON
                    ? try JSONDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: Data(text.utf8))
                    : try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: text)
                return old.convert(to: .v3_1_1)
            }
            return isJSON ? try JSONDecoder().decode(Document.self, from: Data(text.utf8))
                : try YAMLDecoder().decode(Document.self, from: text)
        } catch {
            throw ImportError(here, "not a valid OpenAPI \(version) document: \(OpenAPIKit.OpenAPI.Error(from: error).localizedDescription)")
        }
    }

    /// The `openapi` version string, read without decoding the whole document.
    static func versionField(_ text: String, isJSON: Bool) -> String? {
        let pattern = isJSON ? #""openapi"\s*:\s*"([^"]{1,20})""# : #"(?m)^openapi\s*:\s*['"]?([0-9][0-9.]{0,19})"#
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    /// Walks the document: error responses first (statuses, examples), then the enums of the envelopes.
    struct Reader {
        let document: Document
        var result = ImportedDocument()
        /// Code -> the statuses it was seen under, its message, description.
        var statuses: [String: Set<Int>] = [:]
        /// Statuses under which an example shows the code: stronger evidence than a shared schema's enum.
        var exampleStatuses: [String: Set<Int>] = [:]
        var found: [String: ImportedCode] = [:]
        var order: [String] = []
        /// How good each code's description is: 0 says the document gives none, 1 is its response's description,
        /// 2 its own (an enum description, a const's description).
        var descriptionRank: [String: Int] = [:]

        init(document: Document) { self.document = document }

        static let codeProperties = ["code", "error_code", "errorCode", "errorcode", "type"]
        static let wrapperProperties = ["error", "errors", "err", "fault", "problem"]

        mutating func collect() {
            var envelopes: [(name: String, schema: OpenAPIKit.JSONSchema)] = []
            for (_, item) in document.paths {
                guard let item = document.components[item] else { continue }
                for endpoint in item.endpoints {
                    for (status, either) in endpoint.operation.responses {
                        guard let response = document.components[either] else { continue }
                        let responseName: String? = if case let .a(reference) = either { reference.name } else { nil }
                        let code = statusCode(status)
                        guard code.map({ $0 >= 400 }) ?? isErrorRange(status) else { continue }
                        for (_, content) in response.content {
                            guard let content = document.components[content], let schema = content.schema else { continue }
                            let name = schema.reference?.name ?? responseName ?? "HTTP \(status.rawValue)"
                            envelopes.append((name, schema))
                            let codes = enums(in: schema, depth: 0).flatMap { $0.values }
                            for value in codes { if let code { statuses[value.code, default: []].insert(code) } }
                            if codes.count == 1, let description = response.description {
                                note(codes[0].code, description: description, envelope: name)
                            }
                            for example in examples(of: content) { read(example: example, status: code, envelope: name) }
                        }
                    }
                }
            }
            for (key, schema) in document.components.schemas {
                let name = key.rawValue
                if ["error", "problem", "fault", "exception"].contains(where: name.lowercased().contains) { envelopes.append((name, schema)) }
            }
            var seenEnvelopes = Set<String>()
            for (name, schema) in envelopes where seenEnvelopes.insert(name).inserted {
                for found in enums(in: schema, depth: 0) {
                    for value in found.values {
                        let description = value.description
                            ?? "One of the codes the OpenAPI document lists for \(name).\(found.path); the document gives no description."
                        note(value.code, description: description, envelope: name, rank: value.description == nil ? 0 : 2)
                    }
                }
            }
            for code in order {
                guard var entry = found[code] else { continue }
                if let seen = exampleStatuses[code] ?? statuses[code], seen.count == 1 { entry.http = seen.first }
                result.codes.append(entry)
            }
        }

        private func statusCode(_ status: OpenAPIKit.OpenAPI.Response.StatusCode) -> Int? {
            if case let .status(code) = status.value { return code }
            return nil
        }

        private func isErrorRange(_ status: OpenAPIKit.OpenAPI.Response.StatusCode) -> Bool {
            switch status.value {
            case .default: return true
            case let .range(range): return range == .clientError || range == .serverError
            case .status: return false
            }
        }

        /// Records what is known of a code; a description replaces one of lower rank only.
        private mutating func note(_ code: String, message: String? = nil, description: String? = nil, envelope: String,
                                   rank: Int = 1) {
            guard let code = TextCleaning.code(code) else { return }
            if found[code] == nil {
                guard order.count < ImportLimits.maximumCodes else { return }
                var entry = ImportedCode(code: code, line: 1)
                entry.category = result.category(named: JSONRegistryAdapter.splitCamelCase(envelope))
                found[code] = entry
                order.append(code)
            }
            if let message, found[code]?.message == nil { found[code]?.message = TextCleaning.line(message) }
            if let description, rank > descriptionRank[code] ?? -1 {
                found[code]?.description = TextCleaning.prose(description)
                descriptionRank[code] = rank
            }
        }

        struct EnumValue {
            var code: String
            var description: String?
        }

        /// The code enums in a schema: properties named like codes, directly or inside an `error` wrapper or an
        /// `allOf`, references followed (four levels at most).
        private func enums(in schema: OpenAPIKit.JSONSchema, depth: Int) -> [(path: String, values: [EnumValue])] {
            guard depth < 4, let schema = document.components[schema] else { return [] }
            switch schema.value {
            case let .all(of: parts, _), let .one(of: parts, _), let .any(of: parts, _):
                return parts.flatMap { enums(in: $0, depth: depth + 1) }
            case let .object(_, object):
                var result: [(String, [EnumValue])] = []
                for (name, property) in object.properties {
                    if Self.codeProperties.contains(name), let values = values(of: property), !values.isEmpty {
                        result.append((name, values))
                    } else if Self.wrapperProperties.contains(name) {
                        let inner = document.components[property].flatMap { $0.arrayContext?.items } ?? property
                        result += enums(in: inner, depth: depth + 1).map { ("\(name).\($0.path)", $0.values) }
                    }
                }
                return result
            default:
                return []
            }
        }

        /// An enum (with `x-enum-descriptions`), or a `oneOf` of `const` values with descriptions.
        private func values(of property: OpenAPIKit.JSONSchema) -> [EnumValue]? {
            guard let property = document.components[property] else { return nil }
            if let allowed = property.allowedValues {
                let codes = allowed.compactMap { text(of: $0.value) }
                let extensions = property.vendorExtensions
                let described = extensions["x-enum-descriptions"] ?? extensions["x-enumDescriptions"]
                return codes.enumerated().map { index, code in
                    var description: String?
                    if let list = described?.value as? [Any], index < list.count { description = list[index] as? String }
                    if let map = described?.value as? [String: Any] { description = map[code] as? String }
                    return EnumValue(code: code, description: description)
                }
            }
            if case let .one(of: options, _) = property.value {
                let values = options.compactMap { option -> EnumValue? in
                    guard let option = document.components[option], let allowed = option.allowedValues, allowed.count == 1,
                          let code = text(of: allowed[0].value) else { return nil }
                    return EnumValue(code: code, description: option.description ?? option.title)
                }
                return values.isEmpty ? nil : values
            }
            return nil
        }

        private func text(of value: Any) -> String? {
            switch value {
            case let string as String: return string
            case let number as Int: return String(number)
            default: return nil
            }
        }

        private func examples(of content: OpenAPIKit.OpenAPI.Content) -> [Any] {
            var values: [Any] = []
            if let example = content.example { values.append(example.value) }
            for (_, example) in content.examples ?? [:] {
                if let example = document.components[example], let value = example.dataOrLegacyValue { values.append(value.value) }
            }
            return values
        }

        /// An example body: the first object (three levels deep at most) with a code, and its message.
        private mutating func read(example: Any, status: Int?, envelope: String) {
            var queue: [(Any, Int)] = [(example, 0)]
            while let (value, depth) = queue.first {
                queue.removeFirst()
                guard depth <= 3 else { continue }
                if let object = value as? [String: Any] {
                    if let code = Self.codeProperties.lazy.compactMap({ object[$0] }).compactMap(text(of:)).first {
                        let message = (object["message"] ?? object["detail"] ?? object["title"]) as? String
                        note(code, message: message, envelope: envelope)
                        if let status { exampleStatuses[code, default: []].insert(status) }
                        return
                    }
                    queue += object.keys.sorted().map { (object[$0]!, depth + 1) }
                } else if let list = value as? [Any] {
                    queue += list.prefix(20).map { ($0, depth + 1) }
                }
            }
        }
    }
}
