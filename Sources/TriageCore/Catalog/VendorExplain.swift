import Foundation

/// What a vendor file tells `triage explain` about the vendor's API (the `explain:` key of its `vendor:` block),
/// so the explain code holds no vendor knowledge of its own: the API hosts, where code and message sit in its
/// error body, message texts and request paths with named fields, JSON and log field names that are evidence,
/// the shape of its ids, its secret headers, and which `ask` variables each evidence name fills.
///
/// Patterns name their fields in braces: `{app_id}.api-{region}.cometchat.io`,
/// `The user with uid {target_uid} is not banned in the group with guid {guid}.`, `/v2/users/{install_id}/link`.
/// A field's name is the evidence name its value is kept under.
public struct VendorExplain: Hashable, Sendable, Codable {
    /// Where the code and the message sit in the vendor's error body: dotted key paths (`error.code`).
    public struct Body: Hashable, Sendable, Codable {
        public var code: String
        /// Tried in order; the first present is the message.
        public var message: [String]
        /// Key paths that must be present too for the body to be the vendor's (Sentori's `Message`).
        public var requires: [String]

        public init(code: String, message: [String] = [], requires: [String] = []) {
            self.code = code
            self.message = message
            self.requires = requires
        }
    }

    /// Host patterns (`*` any labels, `{name}` one label kept as evidence).
    public var hosts: [String] = []
    public var bodies: [Body] = []
    /// Message texts with named fields, matched anywhere in the paste (case and spacing aside).
    public var messages: [String] = []
    /// Request paths with named fields (`{name}` one segment), matched from the path's start.
    public var paths: [String] = []
    /// JSON keys and `key=value` log fields whose value is evidence: field name → evidence name.
    public var fields: [String: String] = [:]
    /// What an id looks like: evidence name → regular expression (a captured value that does not match is dropped).
    public var ids: [String: String] = [:]
    /// Request headers that carry the vendor's credentials, as the vendor spells them (`apikey`, `ApiKey`).
    public var secretHeaders: [String] = []
    /// The regions the vendor's apps or accounts live in (`us`, `eu`): a ticket naming one ("our app lives in
    /// the EU") gives the `app_region` evidence.
    public var regions: [String] = []
    /// Which ask variables an evidence name fills: evidence name → variables (`uid: [UID]`).
    public var values: [String: [String]] = [:]

    public init() {}

    public var isEmpty: Bool { self == VendorExplain() }

    /// Every evidence name the declarations can produce, sorted.
    public var evidenceNames: [String] {
        var names = Set(fields.values)
        for pattern in hosts + messages + paths { names.formUnion(Self.fieldNames(in: pattern)) }
        return names.sorted()
    }

    /// The `{name}` fields of a pattern, in order.
    public static func fieldNames(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static let keys = ["hosts", "bodies", "messages", "paths", "fields", "ids", "secret_headers", "regions", "values"]
    static let bodyKeys = ["code", "message", "requires"]

    /// Reads the `explain:` mapping of a vendor block; problems are reported at their `file:line:column`.
    static func parse(_ value: YAMLValue, _ problems: inout ProblemList) -> VendorExplain? {
        guard let mapping = value.mapping("'explain'", &problems) else { return nil }
        mapping.rejectUnknownKeys(allowed: keys, in: "'explain'", &problems)
        var result = VendorExplain()
        func patterns(_ key: String, _ what: String) -> [String] {
            guard let items = mapping[key]?.list("'\(key)'", &problems) else { return [] }
            return items.compactMap { item in
                guard let text = item.text(what, &problems) else { return nil }
                if let problem = patternProblem(text) {
                    problems.add(item.location, "\(what) '\(text)' \(problem)")
                    return nil
                }
                if key == "paths", !text.hasPrefix("/") {
                    problems.add(item.location, "\(what) '\(text)' must start with '/'")
                    return nil
                }
                return text
            }
        }
        result.hosts = patterns("hosts", "host pattern")
        result.messages = patterns("messages", "message pattern")
        result.paths = patterns("paths", "path pattern")
        for item in mapping["bodies"]?.list("'bodies'", &problems) ?? [] {
            guard let body = item.mapping("a body", &problems) else { continue }
            body.rejectUnknownKeys(allowed: bodyKeys, in: "a body", &problems)
            guard let code = body.required("code", in: "a body", &problems)?.text("code path of a body", &problems) else { continue }
            let message = body["message"].flatMap { list($0, "message path of a body", &problems) } ?? []
            let requires = body["requires"].flatMap { list($0, "required key path of a body", &problems) } ?? []
            result.bodies.append(Body(code: code, message: message, requires: requires))
        }
        for entry in mapping["fields"]?.mapping("'fields'", &problems)?.entries ?? [] {
            guard let name = entry.value.text("evidence name of field '\(entry.key)'", &problems) else { continue }
            if let problem = nameProblem(name) { problems.add(entry.value.location, "evidence name '\(name)' \(problem)"); continue }
            result.fields[entry.key] = name
        }
        for entry in mapping["ids"]?.mapping("'ids'", &problems)?.entries ?? [] {
            guard let pattern = entry.value.text("id shape of '\(entry.key)'", &problems) else { continue }
            if let problem = ValueRules.patternError(pattern) {
                problems.add(entry.value.location, "id shape of '\(entry.key)' \(problem)")
                continue
            }
            result.ids[entry.key] = pattern
        }
        if let items = mapping["secret_headers"]?.list("'secret_headers'", &problems) {
            for item in items {
                guard let header = item.text("a secret header", &problems) else { continue }
                if !SecretNames.isSecret(header: header) {
                    problems.add(item.location, "secret header '\(header)' is not one the masker masks; add it to SecretNames")
                    continue
                }
                result.secretHeaders.append(header)
            }
        }
        result.regions = mapping["regions"].flatMap { list($0, "regions", &problems) }?.map { $0.lowercased() } ?? []
        for entry in mapping["values"]?.mapping("'values'", &problems)?.entries ?? [] {
            guard let variables = list(entry.value, "variables of evidence '\(entry.key)'", &problems) else { continue }
            for variable in variables where !variable.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) {
                problems.add(entry.value.location, "variable '\(variable)' must use only capital letters, digits and '_'")
            }
            result.values[entry.key] = variables
        }
        // Every evidence name the values map must be one the declarations (or the standard evidence) give.
        let known = Set(result.evidenceNames).union(Evidence.Key.allCases.map(\.rawValue))
        for entry in mapping["values"]?.mapping("'values'", &problems)?.entries ?? [] where !known.contains(entry.key) {
            var message = "evidence '\(entry.key)' is neither standard nor declared by a pattern or field of this vendor"
            if let guess = Suggestions.closest(to: entry.key, among: Array(known), limit: 1).first { message += "; did you mean '\(guess)'?" }
            problems.add(entry.keyLocation, message)
        }
        return result
    }

    /// A text or a list of texts.
    private static func list(_ value: YAMLValue, _ what: String, _ problems: inout ProblemList) -> [String]? {
        if case .scalar = value.kind { return value.text(what, &problems).map { [$0] } }
        return value.textList(what, &problems)
    }

    /// Why a pattern cannot be used, or nil: its braces must pair, and each field needs a valid name.
    static func patternProblem(_ pattern: String) -> String? {
        let opens = pattern.filter { $0 == "{" }.count, closes = pattern.filter { $0 == "}" }.count
        if opens != closes { return "has unpaired braces" }
        let names = fieldNames(in: pattern)
        if names.count != opens { return "has unpaired braces" }
        for name in names { if let problem = nameProblem(name) { return "has field '{\(name)}' that \(problem)" } }
        if Set(names).count != names.count { return "names a field twice" }
        return nil
    }

    /// Evidence names are lowercase letters, digits and `_`, starting with a letter.
    static func nameProblem(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            return "must use only lowercase letters, digits and '_', starting with a letter"
        }
        return nil
    }
}

extension VendorExplain {
    /// The README's "evidence names per vendor" table, from the vendors' declarations: each vendor's hosts and
    /// body, and each evidence name it can give with the ask variables it fills.
    public static func evidenceTable(_ vendors: [Vendor]) -> String {
        var lines = ["| Vendor | Hosts | Error body (code, message) | Evidence → ask variables |", "| --- | --- | --- | --- |"]
        for vendor in vendors where !vendor.explain.isEmpty {
            let explain = vendor.explain
            let hosts = explain.hosts.map { "`\($0)`" }.joined(separator: ", ")
            let bodies = explain.bodies.map { body in
                (["`\(body.code)`"] + body.message.map { "`\($0)`" }).joined(separator: ", ")
            }.joined(separator: "; ")
            let names = Set(explain.evidenceNames).union(explain.values.keys).sorted()
            let evidence = names.map { name in
                "`\(name)`" + (explain.values[name].map { " → " + $0.map { "`\($0)`" }.joined(separator: ", ") } ?? "")
            }.joined(separator: "; ")
            lines.append("| \(vendor.name) (`\(vendor.id)`) | \(hosts) | \(bodies) | \(evidence) |")
        }
        return lines.joined(separator: "\n")
    }
}
