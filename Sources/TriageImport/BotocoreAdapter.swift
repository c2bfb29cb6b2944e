import Foundation
import TriageCore

/// `botocore`: an AWS service model (`botocore/data/<service>/<version>/service-2.json`). Every shape marked
/// `"exception": true` is a code: its `error.code` (else the shape name), `error.httpStatusCode`, its HTML
/// `documentation` as the description. `error.senderFault` gives the category (the caller's fault, or the
/// service's), and `retryable` (throttling or not) is said in the description, as the model says it.
enum BotocoreAdapter {
    static func read(_ text: String, file: String, options: ImportOptions) throws -> ImportedDocument {
        let here = SourceLocation(file: file, line: 1, column: 1)
        guard let root = try NestingCheck.parseJSON(text, file: file) as? [String: Any],
              let shapes = root["shapes"] as? [String: Any] else {
            throw ImportError(here, "not a botocore service model: no top-level \"shapes\" object")
        }
        var document = ImportedDocument()
        let metadata = root["metadata"] as? [String: Any] ?? [:]
        document.vendorName = (metadata["serviceFullName"] as? String).map { TextCleaning.line($0) }
        if let uid = metadata["uid"] as? String, uid.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            document.docs = "https://docs.aws.amazon.com/goto/WebAPI/\(uid)"
        }
        for name in shapes.keys.sorted() {
            guard let shape = shapes[name] as? [String: Any], (shape["exception"] as? Bool) == true || shape["error"] != nil else { continue }
            let error = shape["error"] as? [String: Any] ?? [:]
            guard let code = TextCleaning.code((error["code"] as? String) ?? name) else {
                document.warnings.append(CatalogProblem(here, "shape '\(TextCleaning.line(name, limit: 60))' has no usable code; skipped"))
                continue
            }
            var entry = ImportedCode(code: code, line: 1)
            entry.http = (error["httpStatusCode"] as? Int).flatMap { (100...599).contains($0) ? $0 : nil }
            let senderFault = error["senderFault"] as? Bool
            let isClient = senderFault ?? entry.http.map { $0 < 500 } ?? true
            entry.category = document.category(named: isClient ? "Client" : "Service")
            var paragraphs: [String] = []
            if let documentation = shape["documentation"] as? String {
                paragraphs.append(HTMLText.plain(documentation))
            }
            var model: [String] = []
            if let senderFault { model.append(senderFault ? "the caller's fault (sender fault)" : "the service's fault") }
            if let retryable = shape["retryable"] as? [String: Any] {
                model.append((retryable["throttling"] as? Bool) == true ? "retryable (throttling)" : "retryable")
            }
            if !model.isEmpty { paragraphs.append("The service model marks this error as \(model.joined(separator: " and ")).") }
            let description = TextCleaning.prose(paragraphs.joined(separator: "\n\n"))
            entry.description = description.isEmpty ? "The service model documents no description for \(code)." : description
            document.codes.append(entry)
        }
        if document.codes.isEmpty {
            throw ImportError(here, "the model has no exception shapes (shapes with \"exception\": true)")
        }
        return document
    }
}
