import Foundation

/// An error body in a standard or widely used shape, recognised whether or not its vendor is in the catalog:
/// RFC 9457 problem details, google.rpc.Status (with ErrorInfo), and the Stripe, Twilio, GitHub, Azure and
/// JSON:API envelopes. Explain names it and keeps what it says (code, message, docs, request log) as evidence,
/// instead of matching its code against unrelated catalog codes.
public struct ErrorEnvelope: Hashable, Sendable, Codable {
    /// The shape, e.g. "Stripe error", "RFC 9457 problem details".
    public var format: String
    /// Whose error it is, when the shape says ("Stripe", or google.rpc's ErrorInfo domain).
    public var vendor: String?
    public var code: String?
    public var message: String?
    /// A link to the vendor's page for this error (`doc_url`, `more_info`, `documentation_url`, `type`, `links.about`).
    public var docs: String?
    /// A link to the vendor's log of the failed request (Stripe's `request_log_url`): not the request itself.
    public var requestLog: String?
    public var status: Int?
    /// Other named facts of the shape, as "name: value" (decline_code, param, reason, domain, pointer...).
    public var details: [String]

    public init(format: String, vendor: String? = nil, code: String? = nil, message: String? = nil,
                docs: String? = nil, requestLog: String? = nil, status: Int? = nil, details: [String] = []) {
        self.format = format
        self.vendor = vendor
        self.code = code
        self.message = message
        self.docs = docs
        self.requestLog = requestLog
        self.status = status
        self.details = details
    }

    /// The envelope `object` is in, or nil when it is none of the known shapes (a catalog vendor's own body is
    /// left to the vendor's reading).
    static func recognise(_ object: [String: Any]) -> ErrorEnvelope? {
        if let error = object["error"] as? [String: Any] {
            return stripe(error) ?? googleStatus(error) ?? azure(error)
        }
        return twilio(object) ?? gitHub(object) ?? jsonAPI(object) ?? problemDetails(object)
    }

    // MARK: - Shapes

    /// `{error: {type, code, decline_code, param, message, doc_url, request_log_url}}`.
    private static func stripe(_ error: [String: Any]) -> ErrorEnvelope? {
        guard let type = text(error["type"]) else { return nil }
        let links = [text(error["doc_url"]), text(error["request_log_url"])].compactMap { $0 }
        guard type.hasSuffix("_error") || links.contains(where: { $0.contains("stripe.com") }) else { return nil }
        var details = ["type: \(type)"]
        for key in ["decline_code", "advice_code", "param", "charge"] {
            if let value = text(error[key]) { details.append("\(key): \(value)") }
        }
        return ErrorEnvelope(format: "Stripe error", vendor: "Stripe", code: text(error["code"]) ?? type,
                             message: text(error["message"]), docs: text(error["doc_url"]),
                             requestLog: text(error["request_log_url"]), details: details)
    }

    /// google.rpc.Status as JSON: `{error: {code: 403, message, status: "PERMISSION_DENIED", details: [...]}}`,
    /// with ErrorInfo's `reason`, `domain` and `metadata` and Help's links among the details.
    private static func googleStatus(_ error: [String: Any]) -> ErrorEnvelope? {
        let details = error["details"] as? [[String: Any]] ?? []
        let typed = details.filter { (text($0["@type"]) ?? "").contains("google.rpc.") }
        guard let status = text(error["status"]), status == status.uppercased(), status.contains("_") || error["code"] is NSNumber
                || !typed.isEmpty else { return nil }
        var envelope = ErrorEnvelope(format: "google.rpc.Status", code: text(error["status"]), message: text(error["message"]),
                                     status: (error["code"] as? NSNumber)?.intValue)
        for detail in typed {
            let type = text(detail["@type"]) ?? ""
            if type.hasSuffix("ErrorInfo") {
                if let reason = text(detail["reason"]) { envelope.code = reason; envelope.details.append("reason: \(reason)") }
                if let domain = text(detail["domain"]) { envelope.vendor = domain; envelope.details.append("domain: \(domain)") }
                if let metadata = detail["metadata"] as? [String: Any] {
                    for key in metadata.keys.sorted() { if let value = text(metadata[key]) { envelope.details.append("\(key): \(value)") } }
                }
            } else if type.hasSuffix("Help"), let links = detail["links"] as? [[String: Any]], let url = links.first.flatMap({ text($0["url"]) }) {
                envelope.docs = url
            }
        }
        return envelope
    }

    /// `{error: {code: "InvalidResourceName", message, target, details: [...], innererror}}`.
    private static func azure(_ error: [String: Any]) -> ErrorEnvelope? {
        guard let code = text(error["code"]), error["code"] is String else { return nil }
        let nested = (error["details"] as? [[String: Any]])?.contains { $0["code"] != nil && $0["message"] != nil } ?? false
        guard error["innererror"] != nil || error["target"] != nil || nested else { return nil }
        var details: [String] = []
        if let target = text(error["target"]) { details.append("target: \(target)") }
        for detail in (error["details"] as? [[String: Any]] ?? []).prefix(5) {
            if let inner = text(detail["code"]) { details.append("detail: \(inner)" + (text(detail["message"]).map { " (\($0))" } ?? "")) }
        }
        return ErrorEnvelope(format: "Azure error", vendor: "Azure", code: code, message: text(error["message"]), details: details)
    }

    /// `{code: 20404, message, more_info: "https://www.twilio.com/docs/errors/20404", status: 404}`.
    private static func twilio(_ object: [String: Any]) -> ErrorEnvelope? {
        guard let info = text(object["more_info"]), object["code"] != nil else { return nil }
        return ErrorEnvelope(format: "Twilio error", vendor: info.contains("twilio.com") ? "Twilio" : nil,
                             code: text(object["code"]), message: text(object["message"]), docs: info,
                             status: (object["status"] as? NSNumber)?.intValue)
    }

    /// `{message, documentation_url, errors: [{resource, field, code}]}`.
    private static func gitHub(_ object: [String: Any]) -> ErrorEnvelope? {
        guard let docs = text(object["documentation_url"]), let message = text(object["message"]) else { return nil }
        var envelope = ErrorEnvelope(format: "GitHub error", vendor: docs.contains("github.com") ? "GitHub" : nil,
                                     message: message, docs: docs, status: text(object["status"]).flatMap { Int($0) })
        for error in (object["errors"] as? [[String: Any]] ?? []).prefix(5) {
            let parts = ["resource", "field", "code"].compactMap { key in text(error[key]).map { "\(key) \($0)" } }
            if !parts.isEmpty { envelope.details.append("error: " + parts.joined(separator: ", ")) }
            if envelope.code == nil { envelope.code = text(error["code"]) }
        }
        return envelope
    }

    /// `{errors: [{id, status, code, title, detail, source: {pointer, parameter}, links: {about}}]}`.
    private static func jsonAPI(_ object: [String: Any]) -> ErrorEnvelope? {
        guard let errors = object["errors"] as? [[String: Any]], let first = errors.first,
              first["title"] != nil || first["detail"] != nil || first["status"] != nil else { return nil }
        var envelope = ErrorEnvelope(format: "JSON:API errors", code: text(first["code"]),
                                     message: text(first["detail"]) ?? text(first["title"]),
                                     docs: (first["links"] as? [String: Any]).flatMap { text($0["about"]) },
                                     status: text(first["status"]).flatMap { Int($0) })
        if let source = first["source"] as? [String: Any] {
            for key in ["pointer", "parameter", "header"] { if let value = text(source[key]) { envelope.details.append("\(key): \(value)") } }
        }
        if errors.count > 1 { envelope.details.append("errors: \(errors.count)") }
        return envelope
    }

    /// RFC 9457 (formerly 7807): `{type, title, status, detail, instance}` plus extension members.
    private static func problemDetails(_ object: [String: Any]) -> ErrorEnvelope? {
        guard object["title"] != nil || object["type"] != nil,
              object["status"] is NSNumber || object["detail"] != nil else { return nil }
        let type = text(object["type"])
        var envelope = ErrorEnvelope(format: "RFC 9457 problem details", code: type.map(Self.lastPathComponent),
                                     message: text(object["detail"]) ?? text(object["title"]),
                                     docs: type.flatMap { $0.hasPrefix("http") ? $0 : nil },
                                     status: (object["status"] as? NSNumber)?.intValue)
        if let title = text(object["title"]) { envelope.details.append("title: \(title)") }
        if let instance = text(object["instance"]) { envelope.details.append("instance: \(instance)") }
        return envelope
    }

    private static func lastPathComponent(_ type: String) -> String {
        type == "about:blank" ? type : String(type.split(separator: "/").last ?? Substring(type))
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}

/// The lines every output shows for an envelope, in one order: code, message, status, details, docs, request log.
public enum ErrorEnvelopeLines {
    /// "Recognised: Stripe error from Stripe; Stripe is not in the catalog."
    public static func headline(_ envelope: ErrorEnvelope, inCatalog: Bool) -> String {
        let who = envelope.vendor.map { " from \($0)" } ?? ""
        let notCovered = inCatalog ? "" : (envelope.vendor.map { "; \($0) is not in the catalog" } ?? "; no catalog vendor uses it")
        return "Recognised: \(envelope.format)\(who)\(notCovered)."
    }

    public static func facts(_ envelope: ErrorEnvelope) -> [String] {
        var lines: [String] = []
        if let code = envelope.code { lines.append("code: \(code)") }
        if let message = envelope.message { lines.append("message: \(message)") }
        if let status = envelope.status { lines.append("status: \(status)") }
        lines += envelope.details
        if let docs = envelope.docs { lines.append("docs: \(docs)") }
        if let log = envelope.requestLog { lines.append("request log: \(log)") }
        return lines
    }
}
