import Foundation

/// A catalog's vendor declarations (`VendorExplain`, from the vendor files) made ready to read a paste with:
/// hosts, error bodies, message and path patterns with named fields, field names, id shapes, secret headers,
/// regions and the evidence → ask variable map. Explain knows vendors only through it.
struct VendorReading {
    struct Pattern {
        var vendor: String
        var regex: NSRegularExpression
        var names: [String]
    }

    struct PathPattern {
        var vendor: String
        /// A literal segment, or a field name (`isField`).
        var segments: [(text: String, isField: Bool)]
    }

    struct BodyShape {
        var vendor: String
        var vendorName: String
        var body: VendorExplain.Body
    }

    private(set) var hosts: [Pattern] = []
    private(set) var messages: [Pattern] = []
    private(set) var paths: [PathPattern] = []
    private(set) var bodies: [BodyShape] = []
    /// Lowercased field name → (vendor, evidence name).
    private(set) var fields: [String: (vendor: String, name: String)] = [:]
    /// A `name=value` / `name: value` log field for every declared field name.
    private(set) var fieldRegex: NSRegularExpression?
    private var ids: [String: [String: NSRegularExpression]] = [:]
    private var secretHeaders: [(vendor: String, header: String)] = []
    private static let httpHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie"]
    private var regions: [String: Set<String>] = [:]
    private var values: [String: [String: [String]]] = [:]

    init(_ vendors: [Vendor]) {
        for vendor in vendors {
            let explain = vendor.explain
            for host in explain.hosts {
                if let pattern = Self.pattern(host, vendor: vendor.id, host: true) { hosts.append(pattern) }
            }
            for message in explain.messages {
                if let pattern = Self.pattern(message, vendor: vendor.id, host: false) { messages.append(pattern) }
            }
            for path in explain.paths {
                let segments = path.split(separator: "/").map { segment -> (String, Bool) in
                    segment.hasPrefix("{") && segment.hasSuffix("}") ? (String(segment.dropFirst().dropLast()), true) : (String(segment), false)
                }
                paths.append(PathPattern(vendor: vendor.id, segments: segments))
            }
            for body in explain.bodies { bodies.append(BodyShape(vendor: vendor.id, vendorName: vendor.name, body: body)) }
            for (field, name) in explain.fields where fields[field.lowercased()] == nil { fields[field.lowercased()] = (vendor.id, name) }
            for (name, shape) in explain.ids {
                if let regex = try? NSRegularExpression(pattern: shape) { ids[vendor.id, default: [:]][name] = regex }
            }
            secretHeaders += explain.secretHeaders.map { (vendor.id, $0) }
            regions[vendor.id] = Set(explain.regions.map { $0.lowercased() })
            values[vendor.id] = explain.values
        }
        // The most specific path first: more segments, then fewer fields.
        paths.sort { ($0.segments.count, -$0.segments.filter(\.isField).count) > ($1.segments.count, -$1.segments.filter(\.isField).count) }
        if !fields.isEmpty {
            let names = fields.keys.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
            fieldRegex = try? NSRegularExpression(
                pattern: #"(?<![A-Za-z0-9_])["']?("# + names.joined(separator: "|") + #")["']?\s*[=:]\s*["']?([A-Za-z0-9_.:/@+-]+)"#,
                options: .caseInsensitive)
        }
    }

    /// `{name}` → a captured label or word; `*` (hosts) → any labels; the rest literal (spacing flexible).
    private static func pattern(_ text: String, vendor: String, host: Bool) -> Pattern? {
        var regex = host ? "^" : "(?<![A-Za-z0-9])"
        var names: [String] = []
        var rest = Substring(text)
        func literal(_ part: Substring) -> String {
            var out = ""
            var pendingSpace = false
            for character in part {
                if character.isWhitespace { pendingSpace = true; continue }
                if pendingSpace { out += #"\s+"#; pendingSpace = false }
                if host, character == "*" { out += #"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"#; continue }
                out += NSRegularExpression.escapedPattern(for: String(character))
            }
            if pendingSpace { out += #"\s+"# }
            return out
        }
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            regex += literal(rest[..<open])
            names.append(String(rest[rest.index(after: open)..<close]))
            regex += host ? "([A-Za-z0-9_-]+)" : #"([^\s'"`,;()\[\]{}<>]+)"#
            rest = rest[rest.index(after: close)...]
        }
        regex += literal(rest) + (host ? "$" : "")
        guard let compiled = try? NSRegularExpression(pattern: regex, options: .caseInsensitive) else { return nil }
        return Pattern(vendor: vendor, regex: compiled, names: names)
    }

    /// The vendor whose host pattern `host` matches, with the fields it names.
    func host(_ host: String) -> (vendor: String, fields: [String: String])? {
        let range = NSRange(host.startIndex..., in: host)
        for pattern in hosts {
            guard let match = pattern.regex.firstMatch(in: host, range: range) else { continue }
            return (pattern.vendor, captures(match, pattern, in: host))
        }
        return nil
    }

    /// The fields of every message pattern found in `text`, by vendor, first match of each pattern.
    func messageFields(in text: String) -> [(vendor: String, fields: [String: String])] {
        let range = NSRange(text.startIndex..., in: text)
        return messages.compactMap { pattern in
            pattern.regex.firstMatch(in: text, range: range).map { (pattern.vendor, captures($0, pattern, in: text)) }
        }
    }

    /// The first path pattern (most specific first) that `path` starts with, with the fields it names. A field
    /// never takes a route template (`:install_id`, `{id}`).
    func path(_ path: String) -> (vendor: String, fields: [String: String])? {
        let parts = path.split(separator: "/").map(String.init)
        for pattern in paths where pattern.segments.count <= parts.count {
            var fields: [String: String] = [:]
            var fits = true
            for (segment, part) in zip(pattern.segments, parts) {
                if segment.isField {
                    if part.hasPrefix(":") || part.hasPrefix("{") || !accepts(part, as: segment.text, vendor: pattern.vendor) { fits = false; break }
                    fields[segment.text] = part.removingPercentEncoding ?? part
                } else if segment.text.caseInsensitiveCompare(part) != .orderedSame {
                    fits = false
                    break
                }
            }
            if fits { return (pattern.vendor, fields) }
        }
        return nil
    }

    /// The vendor body `object` is, with its code and message.
    func body(_ object: [String: Any]) -> (shape: BodyShape, code: String, message: String?)? {
        for shape in bodies {
            guard let code = Self.text(at: shape.body.code, in: object),
                  shape.body.requires.allSatisfy({ Self.value(at: $0, in: object) != nil }) else { continue }
            let message = shape.body.message.lazy.compactMap { Self.text(at: $0, in: object) }.first
            return (shape, code, message)
        }
        return nil
    }

    /// The evidence name of a JSON key, header or log field, if a vendor declares it.
    func field(_ name: String) -> (vendor: String, name: String)? { fields[name.lowercased()] }

    /// Whether `value` has the shape the vendor declares for evidence `name` (any value when it declares none).
    func accepts(_ value: String, as name: String, vendor: String?) -> Bool {
        guard !value.isEmpty else { return false }
        let shapes = vendor.map { ids[$0]?[name].map { [$0] } ?? [] } ?? ids.values.compactMap { $0[name] }
        let range = NSRange(value.startIndex..., in: value)
        return shapes.allSatisfy { $0.firstMatch(in: value, range: range) != nil }
    }

    /// The one vendor that declares a secret header spelled exactly as one in the paste. HTTP's own
    /// credential headers (Authorization, Cookie) name no vendor.
    func vendor(forHeaders spellings: Set<String>) -> String? {
        let vendors = Set(secretHeaders.filter { spellings.contains($0.header) && !Self.httpHeaders.contains($0.header.lowercased()) }
            .map(\.vendor))
        return vendors.count == 1 ? vendors.first : nil
    }

    /// The region a ticket names in prose ("our app lives in the EU", "region: eu"), if `vendor` (or, when
    /// unknown, exactly one vendor) declares it among its regions.
    func proseRegion(in text: String, vendor: String?) -> String? {
        let sample = String(text.prefix(64 * 1024))
        let range = NSRange(sample.startIndex..., in: sample)
        for regex in Self.regionProse {
            for match in regex.matches(in: sample, range: range).prefix(8) {
                guard let word = PasteParser.group(match, 1, in: sample)?.lowercased() else { continue }
                let owners = regions.filter { $0.value.contains(word) }.map(\.key)
                if let vendor, owners.contains(vendor) { return word }
                if vendor == nil, owners.count == 1 { return word }
            }
        }
        return nil
    }

    private static let regionProse: [NSRegularExpression] = [
        #"\bregion\s*(?:is|:|=)?\s*(?:in\s+)?(?:the\s+)?["']?([A-Za-z]{2,4})\b"#,
        #"\b([A-Za-z]{2,4})\s+region\b"#,
        #"\b(?:lives?|living|is|are|hosted|located|based|runs?|created|set\s+up)\s+(?:in|on)\s+(?:the\s+)?([A-Za-z]{2,4})\b"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: .caseInsensitive) }

    /// Values for ask variables from `evidence`, through `vendor`'s `values:` declaration.
    func variables(for evidence: Evidence, vendor: String) -> [String: String] {
        var result: [String: String] = [:]
        for (name, variables) in (values[vendor] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let value = evidence[Evidence.Key(named: name)] else { continue }
            for variable in variables where result[variable] == nil { result[variable] = value }
        }
        return result
    }

    private func captures(_ match: NSTextCheckingResult, _ pattern: Pattern, in text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for (index, name) in pattern.names.enumerated() {
            guard var value = PasteParser.group(match, index + 1, in: text) else { continue }
            while let last = value.last, ".:!?".contains(last) { value.removeLast() }
            if accepts(value, as: name, vendor: pattern.vendor) { fields[name] = value }
        }
        return fields
    }

    /// The value at a dotted key path (`error.code`).
    static func value(at path: String, in object: [String: Any]) -> Any? {
        var current: Any? = object
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return current
    }

    static func text(at path: String, in object: [String: Any]) -> String? {
        switch value(at: path, in: object) {
        case let text as String: return text.isEmpty ? nil : text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
