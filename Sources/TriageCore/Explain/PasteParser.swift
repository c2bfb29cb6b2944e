import Foundation

/// The parts of a paste (already masked): the HTTP status, the request (method, URL, host), headers, JSON
/// objects, and the evidence they give. Understands raw HTTP responses, `curl -v` output (`>` request and `<`
/// response lines), JSON alone or inside log lines, and sentences ("the API replied 404: ..."). What is vendor
/// specific (hosts, error bodies, messages and paths with named fields, field names) comes from the vendor files
/// through `VendorReading`.
struct PasteParser {
    /// A vendor error body found in the paste.
    struct Body {
        var vendor: String?
        var code: String
        var message: String?
        /// How the body was recognised ("errorCode in a <vendor name> error body").
        var shape: String
    }

    var status: Int?
    var evidence = Evidence()
    var bodies: [Body] = []
    /// Error bodies in a standard or well-known shape (RFC 9457, google.rpc.Status, Stripe, ...).
    var envelopes: [ErrorEnvelope] = []
    /// Header names seen (lowercase), for vendor hints.
    var headerNames: Set<String> = []
    /// Header names seen, as written (`ApiKey`), for vendor hints.
    var headerSpellings: Set<String> = []
    /// The vendor the request's host or path belongs to, by the vendor files' patterns.
    var requestVendor: String?
    private let vendors: VendorReading
    /// Values of `errorCode=` / `code:` fields in log lines.
    var logCodes: [String] = []

    /// Deepest JSON nesting parsed; deeper objects are skipped, never handed to the JSON parser.
    static let maximumDepth = 32
    /// Largest JSON object parsed.
    static let maximumJSONBytes = 256 * 1024
    /// At most this many JSON objects are read.
    static let maximumObjects = 20

    init(_ text: String, vendors: VendorReading) {
        self.vendors = vendors
        scanLines(text)
        scanJSON(text)
        for (vendor, fields) in vendors.messageFields(in: String(text.prefix(256 * 1024))) {
            for (name, value) in fields { set(name, value) }
            if requestVendor == nil { requestVendor = vendor }
        }
        if status == nil { status = Self.statusInProse(text) }
        if let status { evidence[.httpStatus] = String(status) }
    }

    // MARK: - Lines: status lines, request lines, headers, URLs

    private static let statusLine = try! NSRegularExpression(pattern: #"^[<\s]*HTTP/\d(?:\.\d)?\s+(\d{3})\b"#)
    /// A log line's `POST /v2/users/link -> 429` (also `=>` and `→`).
    private static let statusArrow = try! NSRegularExpression(pattern: #"(?:->|=>|→)\s*(?:HTTP\s*)?(\d{3})\b"#)
    private static let requestLine = try! NSRegularExpression(
        pattern: #"^[>\s]*(?:curl\s.*?-X\s*)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+['"]?(\S+?)['"]?(?:\s+HTTP/[\d.]+)?\s*$"#)
    private static let header = try! NSRegularExpression(pattern: #"^[<>\s]*(?:-H\s*['"])?([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*?)['"]?\s*$"#)
    private static let url = try! NSRegularExpression(pattern: #"https?://([A-Za-z0-9.-]+)(?::\d+)?(/[^\s"'<>\\]*)?"#)
    private static let methodAndTarget = try! NSRegularExpression(pattern: #"\b(GET|POST|PUT|PATCH|DELETE)\s+['"]?(https?://\S+|/[^\s'"]+)"#)
    /// `key=value` and `key: value` pairs of log lines (the standard ones; vendors add theirs, `VendorReading.fieldRegex`).
    private static let logField = try! NSRegularExpression(
        pattern: #"\b(errorCode|error_code|code|ref|request_id|requestId|x-request-id|app_id|user_id|status|method|path)\s*[=:]\s*["']?([A-Za-z0-9_.:/-]+)"#,
        options: .caseInsensitive)
    private static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    private static let requestIDHeaders: Set<String> = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "x-trace-id"]

    private mutating func scanLines(_ text: String) {
        var lineCount = 0
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            lineCount += 1
            if lineCount > 20_000 { break }
            let line = String(line.prefix(4096))
            let range = NSRange(line.startIndex..., in: line)
            if let match = Self.statusLine.firstMatch(in: line, range: range), let status = Self.group(match, 1, in: line).flatMap({ Int($0) }) {
                self.status = status
                continue
            }
            if let match = Self.statusArrow.firstMatch(in: line, range: range),
               let status = Self.group(match, 1, in: line).flatMap({ Int($0) }), HTTPStatus.reason(status) != nil {
                self.status = status
            }
            if let match = Self.requestLine.firstMatch(in: line, range: range),
               let method = Self.group(match, 1, in: line), let target = Self.group(match, 2, in: line) {
                evidence[.method] = method
                if target.hasPrefix("/") { setPath(target) }
            }
            if let match = Self.header.firstMatch(in: line, range: range),
               let name = Self.group(match, 1, in: line)?.lowercased(), let value = Self.group(match, 2, in: line),
               !["http", "https"].contains(name) {
                headerNames.insert(name)
                if let spelling = Self.group(match, 1, in: line) { headerSpellings.insert(spelling) }
                if name == "host" { setHost(value) }
                if let field = vendors.field(name) { set(field.name, value.trimmingCharacters(in: .whitespaces), vendor: field.vendor) }
                if Self.requestIDHeaders.contains(name), !value.isEmpty { evidence[.requestID] = value }
            }
            if evidence[.method] == nil, let match = Self.methodAndTarget.firstMatch(in: line, range: range) {
                evidence[.method] = Self.group(match, 1, in: line)
                // `POST /v2/users/ID/link -> 403` in a log line: the path too (a full URL is read below).
                if evidence[.path] == nil, let target = Self.group(match, 2, in: line), target.hasPrefix("/") { setPath(target) }
            }
            for match in Self.logField.matches(in: line, range: range).prefix(16) {
                guard let key = Self.group(match, 1, in: line)?.lowercased(), let value = Self.group(match, 2, in: line) else { continue }
                switch key {
                case "ref": evidence[.ref] = evidence[.ref] ?? value
                case "request_id", "requestid", "x-request-id": evidence[.requestID] = evidence[.requestID] ?? value
                case "app_id": evidence[.appID] = evidence[.appID] ?? value
                case "user_id": evidence[.userID] = evidence[.userID] ?? value
                case "method": if Self.methods.contains(value.uppercased()) { evidence[.method] = evidence[.method] ?? value.uppercased() }
                case "path": if evidence[.path] == nil, value.hasPrefix("/") { setPath(value) }
                case "status": if status == nil, let number = Int(value), HTTPStatus.reason(number) != nil { status = number }
                default: if !value.isEmpty, value.first != "{" { logCodes.append(value) }
                }
            }
            if let regex = vendors.fieldRegex {
                for match in regex.matches(in: line, range: range).prefix(16) {
                    guard let key = Self.group(match, 1, in: line), let field = vendors.field(key),
                          let value = Self.group(match, 2, in: line) else { continue }
                    if evidence[Evidence.Key(named: field.name)] == nil { set(field.name, value, vendor: field.vendor) }
                }
            }
            for match in Self.url.matches(in: line, range: range).prefix(4) where Self.isRequestURL(match, in: line) {
                if let host = Self.group(match, 1, in: line) { setHost(host) }
                if let path = Self.group(match, 2, in: line) { setPath(path) }
            }
        }
    }

    /// JSON keys whose URL value is the request's own ("url", "request_url", "endpoint"); any other URL inside a
    /// JSON value (a docs link, a `request_log_url`) or an OSC 8 hyperlink is not where the request went.
    private static let requestURLKeys: Set<String> = ["url", "uri", "request_url", "requesturl", "endpoint", "href_request"]
    private static let jsonKeyBefore = try! NSRegularExpression(pattern: #"["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*:\s*["']$"#)

    static func isRequestURL(_ match: NSTextCheckingResult, in line: String) -> Bool {
        guard let range = Range(match.range, in: line) else { return false }
        let before = String(line[..<range.lowerBound].suffix(80))
        if before.hasSuffix("]8;;") || before.hasSuffix("\u{1B}]8;;") { return false }
        let nsBefore = NSRange(before.startIndex..., in: before)
        if let key = jsonKeyBefore.firstMatch(in: before, range: nsBefore).flatMap({ group($0, 1, in: before) }) {
            return requestURLKeys.contains(key.lowercased())
        }
        return true
    }

    private mutating func setHost(_ raw: String) {
        let host = raw.split(separator: ":").first.map(String.init)?.lowercased() ?? raw
        guard host.contains(".") else { return }
        evidence[.host] = host
        if let (vendor, fields) = vendors.host(host) {
            for (name, value) in fields { set(name, value) }
            requestVendor = vendor
            evidence[.vendor] = evidence[.vendor] ?? vendor
        }
    }

    private mutating func setPath(_ raw: String) {
        let path = String(raw.split(separator: "?", maxSplits: 1).first ?? Substring(raw))
        guard path.hasPrefix("/") else { return }
        evidence[.path] = raw
        if let (vendor, fields) = vendors.path(path) {
            for (name, value) in fields { set(name, value) }
            if requestVendor == nil { requestVendor = vendor }
        }
    }

    /// Keeps a named value as evidence, when it has the shape the vendor declares for it.
    private mutating func set(_ name: String, _ value: String, vendor: String? = nil) {
        guard !value.isEmpty, vendors.accepts(value, as: name, vendor: vendor) else { return }
        evidence[Evidence.Key(named: name)] = value
    }

    // MARK: - JSON objects

    private mutating func scanJSON(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        var parsed = 0
        var budget = 16 * Self.maximumJSONBytes  // bytes the brace matching may look at, in all
        while index < bytes.count, parsed < Self.maximumObjects, budget > 0 {
            guard bytes[index] == UInt8(ascii: "{") else { index += 1; continue }
            let (found, scanned) = Self.objectEnd(bytes, from: index)
            budget -= scanned
            // Past a failure: what lies inside a too-deep or unclosed object is not looked at again.
            guard let end = found else { index += max(1, scanned); continue }
            parsed += 1
            let slice = Data(bytes[index...end])
            if let object = (try? JSONSerialization.jsonObject(with: slice) as? [String: Any]) ?? ObjectLiteral.parse(slice) {
                read(object)
                index = end + 1
            } else {
                index += 1
            }
        }
    }

    /// The index of the `}` closing the object that starts at `start`, or nil when it never closes, nests too
    /// deep or is too big. Strings (with escapes) are skipped.
    static func objectEnd(_ bytes: [UInt8], from start: Int) -> (end: Int?, scanned: Int) {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        let last = min(bytes.count, start + maximumJSONBytes)
        while index < last {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
                if depth > maximumDepth { return (nil, index - start + 1) }
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return (byte == UInt8(ascii: "}") ? index : nil, index - start + 1) }
            }
            index += 1
        }
        return (nil, index - start)
    }

    private mutating func read(_ object: [String: Any]) {
        func string(_ value: Any?) -> String? {
            switch value {
            case let text as String: return text.isEmpty ? nil : text
            case let number as NSNumber: return number.stringValue
            default: return nil
            }
        }
        if let envelope = ErrorEnvelope.recognise(object) {
            envelopes.append(envelope)
            if let message = envelope.message { evidence[.message] = evidence[.message] ?? message }
            if status == nil, let code = envelope.status, HTTPStatus.reason(code) != nil { status = code }
            // What a standard envelope wraps: a vendor's body in an extension member, ErrorInfo's metadata.
            readNested(object, depth: 0)
            return
        }
        if let (shape, code, message) = vendors.body(object) {
            bodies.append(Body(vendor: shape.vendor, code: code, message: message,
                               shape: "\(shape.body.code) in a \(shape.vendorName) error body"))
            if let message { evidence[.message] = message }
        } else if let key = object.keys.first(where: { ["code", "error_code", "errorcode"].contains($0.lowercased()) }),
                  let code = string(object[key]) {
            bodies.append(Body(vendor: nil, code: code, message: string(object["message"]), shape: "\"\(key)\" in a JSON body"))
        }
        for (key, value) in object {
            guard let field = vendors.field(key), let text = string(value) else { continue }
            set(field.name, text, vendor: field.vendor)
        }
        if let ref = string(object["ref"]) { evidence[.ref] = ref }
        for key in ["requestId", "request_id", "requestID", "traceId"] {
            if let id = string(object[key]) { evidence[.requestID] = id }
        }
    }

    /// The objects a standard envelope carries (`upstream: {error: {...}}`, `details[].metadata`), read as their
    /// own: a vendor body among them is a body, and their fields give evidence. Bounded in depth.
    private mutating func readNested(_ object: [String: Any], depth: Int) {
        guard depth < 4 else { return }
        for key in object.keys.sorted() {
            let value = object[key]
            let children = (value as? [String: Any]).map { [$0] } ?? (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
            for child in children.prefix(16) {
                if let (shape, code, message) = vendors.body(child) {
                    bodies.append(Body(vendor: shape.vendor, code: code, message: message,
                                       shape: "\(shape.body.code) in a \(shape.vendorName) error body"))
                }
                for name in child.keys.sorted() {  // in key order, so the same paste always gives the same evidence
                    guard let text = child[name] as? String, !text.isEmpty else { continue }
                    if let field = vendors.field(name) {
                        set(field.name, text, vendor: field.vendor)
                    } else if let standard = Evidence.Key(rawValue: name), Self.nestedKeys.contains(standard), evidence[standard] == nil {
                        evidence[standard] = text
                    }
                }
                readNested(child, depth: depth + 1)
            }
        }
    }

    /// Standard evidence a nested object may name as itself (`metadata: {app_id: ...}`).
    private static let nestedKeys: Set<Evidence.Key> = [.appID, .userID, .installID, .externalID, .requestID, .ref, .region]

    // MARK: - Prose

    private static let proseStatus = try! NSRegularExpression(
        pattern: #"\b(?:status(?:\s+code)?|replied|replies|returned|returns|responded|answered|answers|got|gives|with|http|failed)\s*[:=]?\s*(\d{3})\b|\b(\d{3})\s+(?:Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Too Many Requests|Internal Server Error|Client Error|Server Error)\b"#,
        options: .caseInsensitive)

    static func statusInProse(_ text: String) -> Int? {
        let sample = String(text.prefix(64 * 1024))
        let range = NSRange(sample.startIndex..., in: sample)
        guard let match = proseStatus.firstMatch(in: sample, range: range) else { return nil }
        let value = (group(match, 1, in: sample) ?? group(match, 2, in: sample)).flatMap { Int($0) }
        return value.flatMap { HTTPStatus.reason($0) != nil ? $0 : nil }
    }

    static func group(_ match: NSTextCheckingResult, _ index: Int, in text: String) -> String? {
        guard index < match.numberOfRanges, let range = Range(match.range(at: index), in: text) else { return nil }
        return String(text[range])
    }
}
