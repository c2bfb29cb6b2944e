import ArgumentParser
import Foundation
import TriageCore

/// `triage explain [FILE|-]`: what the customer pasted, explained: vendor, code, why, the entry, the diagnosis.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a pasted response, error body, curl -v output, log line or message.",
        discussion: """
            Reads FILE, or standard input when FILE is '-' or absent: the first 1 MiB is explained, and the whole
            input (a log of any size) is scanned for the codes it reports. Understands the
            vendors' error bodies, raw HTTP responses, curl -v output, JSON, JavaScript console objects, log lines
            (key=value fields, "-> 429" arrows), bare codes and the vendors' messages ("Sentori replied 404: Contact
            not found"). Standard error bodies are named even when their vendor is not in the catalog: RFC 9457
            problem details, google.rpc.Status with ErrorInfo, and the Stripe, Twilio, GitHub, Azure and JSON:API
            envelopes. Secrets (apikey, ApiKey, Authorization, bearer
            tokens, authToken) are masked in everything shown.
            Exit status: 0 when a code was recognised, 1 when it is ambiguous or nothing was recognised, 2 on errors.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file to explain; '-' or nothing reads standard input.", valueName: "file"))
    var file: String?
    @Flag(help: "Print a JSON object: input, evidence, candidates, entry, diagnose, search_results.") var json = false

    func run() throws {
        let catalog = try global.loadCatalog()
        // The first MiB is explained; the whole input, of any size, is scanned for the codes it reports.
        var scan = LogScan(catalog: catalog)
        let input = try PasteFile.read(file, scanning: &scan)
        var explanation = Explainer.explain(input, searcher: global.searcher(for: catalog))
        if input.truncated { explanation.adopt(scan) }
        if json {
            try JSONOutput.print(ExplanationJSON(explanation, catalog: catalog))
        } else {
            ExplanationText(catalog: catalog, terminal: OutputTerminal.current(environment: ProcessEnvironment.current),
                            file: file == "-" ? nil : file)
                .lines(for: explanation).forEach(Console.out)
        }
        if explanation.recognised == nil { throw ExitCode(1) }
    }
}

/// The diagnosis command line for an entry, when a tree diagnoses it.
func diagnoseCommand(for entry: CatalogEntry, in catalog: Catalog) -> String? {
    guard !catalog.trees(for: entry).isEmpty else { return nil }
    return "triage diagnose \(entry.code) --vendor \(entry.vendor)"
}

/// The human output of `explain`.
struct ExplanationText {
    let catalog: Catalog
    let terminal: OutputTerminal
    /// The file the paste was read from (nil: standard input), for the `diagnose --from` hint.
    var file: String? = nil

    func lines(for explanation: Explanation) -> [String] {
        let style = TextStyle(enabled: terminal.color)
        var lines: [String] = []
        func safe(_ text: String) -> String { TerminalSafe.sanitize(text, keepNewlines: false) }
        if explanation.truncated {
            lines.append(style.yellow("Explained the first \(explanation.limit / 1024) KiB of the input; every line of it was scanned for codes"
                                      + (explanation.scanCutShort ? " up to \(LogScan.maximumInputBytes >> 30) GiB." : ".")))
        }
        if explanation.binary { lines.append(style.yellow("The input looks binary; only its text was read.")) }
        if !explanation.maskedKinds.isEmpty {
            lines.append(style.dim("Masked secrets: " + explanation.maskedKinds.joined(separator: ", ")))
        }
        if explanation.isEmptyInput {
            lines.append("The input is empty: nothing was pasted.")
            return lines
        }
        for code in explanation.unknownCodes {
            lines.append("The body names code \(safe(code)), which the catalog does not know.")
        }
        lines += envelopeLines(explanation, style: style)
        if let best = explanation.recognised, let entry = catalog.entry(best.reference) {
            let vendor = catalog.vendor(id: entry.vendor)?.name ?? entry.vendor
            lines.append(style.bold("\(safe(vendor)) \(safe(entry.code))") + "  " + safe(best.reasons.joined(separator: "; ")))
            lines += evidenceLines(explanation.evidence, style: style)
            lines.append("")
            lines += EntryDetail(catalog: catalog, style: style, width: terminal.width).lines(for: entry)
            lines.append("")
            if let command = diagnoseCommand(for: entry, in: catalog) {
                lines.append(style.bold("Next: ") + safe(command))
                let from = file.map { TerminalSafe.sanitize($0, keepNewlines: false) } ?? "FILE"
                lines.append(style.dim("  or with the answers the paste gives filled in: triage diagnose --from \(from)"))
            } else {
                lines.append("No decision tree diagnoses this code yet.")
            }
        } else if !explanation.candidates.isEmpty {
            lines.append(style.bold("Several codes fit; best first:"))
            for (number, candidate) in explanation.candidates.enumerated() {
                let entry = catalog.entry(candidate.reference)
                let name = "\(candidate.reference.vendor) \(candidate.reference.code)"
                let summary = entry.map { TextLayout.oneLine($0.listLine) } ?? ""
                lines.append("  \(number + 1). " + style.bold(safe(name)) + "  " + TextLayout.fit(safe(summary), max(10, terminal.width - name.count - 8), pad: false))
                lines += TextLayout.indented(safe(candidate.reasons.joined(separator: "; ")), indent: 6, width: terminal.width, firstPrefix: "      ")
            }
            lines += evidenceLines(explanation.evidence, style: style)
            lines.append("")
            lines.append("Show one with: triage show CODE --vendor VENDOR")
        } else if explanation.envelopes.isEmpty {
            lines.append("Nothing in the input was recognised as a vendor response or code.")
            lines += evidenceLines(explanation.evidence, style: style)
            if !explanation.searchResults.isEmpty {
                lines.append("")
                lines.append(style.bold("Best search results:"))
                for hit in explanation.searchResults {
                    guard let entry = catalog.entry(hit.reference) else { continue }
                    let summary = TextLayout.oneLine(entry.listLine)
                    let name = "\(entry.vendor) \(entry.code)"
                    lines.append("  " + safe(name) + "  " + TextLayout.fit(safe(summary), max(10, terminal.width - name.count - 4), pad: false))
                }
            }
        }
        lines += occurrenceLines(explanation, style: style)
        return lines
    }

    /// "A Stripe error (Stripe is not in the catalog)", then what the body says: code, message, docs, request log.
    private func envelopeLines(_ explanation: Explanation, style: TextStyle) -> [String] {
        let foreign = Set(explanation.foreignEnvelopes(in: catalog))
        var lines: [String] = []
        for envelope in explanation.envelopes {
            lines.append(style.bold(TerminalSafe.sanitize(ErrorEnvelopeLines.headline(envelope, inCatalog: !foreign.contains(envelope)),
                                                          keepNewlines: false)))
            for line in ErrorEnvelopeLines.facts(envelope) {
                lines.append("  " + TerminalSafe.sanitize(line, keepNewlines: false))
            }
        }
        return lines
    }

    /// The other codes the input reports (a batch log with several failures): count, statuses, first and last time.
    private func occurrenceLines(_ explanation: Explanation, style: TextStyle) -> [String] {
        let others = explanation.otherOccurrences
        guard !others.isEmpty, explanation.occurrences.count > 1 || (explanation.occurrences.first?.count ?? 0) > 1 else { return [] }
        var lines = ["", style.bold("Also in the input") + style.dim(" (\(explanation.linesScanned) lines)")]
        for occurrence in explanation.occurrences {
            let marker = occurrence.reference == explanation.recognised?.reference ? "* " : "  "
            lines.append(marker + TerminalSafe.sanitize(LogScanLines.line(occurrence), keepNewlines: false))
        }
        return lines
    }

    private func evidenceLines(_ evidence: Evidence, style: TextStyle) -> [String] {
        guard !evidence.isEmpty else { return [] }
        var lines = ["", style.bold("Evidence") + style.dim(" (from \(evidence.origin))")]
        let width = evidence.values.keys.map(\.rawValue.count).max() ?? 10
        for key in evidence.values.keys.sorted() {
            let value = TextLayout.fit(TerminalSafe.sanitize(evidence[key] ?? "", keepNewlines: false), max(10, terminal.width - width - 4), pad: false)
            lines.append("  " + TextLayout.fit(key.rawValue, width) + "  " + value)
        }
        return lines
    }
}

/// `explain --json`.
struct ExplanationJSON: Encodable {
    struct Input: Encodable {
        let bytesRead: Int
        let truncated: Bool
        let binary: Bool
        let limit: Int
        enum CodingKeys: String, CodingKey { case bytesRead = "bytes_read", truncated, binary, limit }
    }

    struct Candidate: Encodable {
        let vendor: String
        let code: String
        let reasons: [String]
        let score: Double
    }

    let input: Input
    let masked: [String]
    let evidence: [String: String]
    let evidenceOrigin: String
    let recognised: Bool
    let candidates: [Candidate]
    @NullIfAbsent var entry: EntryJSON?
    @NullIfAbsent var diagnose: String?
    let searchResults: [SearchHitJSON]
    let unknownCodes: [String]
    let envelopes: [Envelope]
    let empty: Bool
    let occurrences: [Occurrence]
    let linesScanned: Int

    /// A standard error body: `format`, `vendor`, `code`, `message`, `docs`, `request_log`, `status`, `details`,
    /// and whether the catalog covers its vendor.
    struct Envelope: Encodable {
        let format: String
        @NullIfAbsent var vendor: String?
        @NullIfAbsent var code: String?
        @NullIfAbsent var message: String?
        @NullIfAbsent var docs: String?
        @NullIfAbsent var requestLog: String?
        @NullIfAbsent var status: Int?
        let details: [String]
        let inCatalog: Bool
        enum CodingKeys: String, CodingKey {
            case format, vendor, code, message, docs, requestLog = "request_log", status, details, inCatalog = "in_catalog"
        }

        init(_ envelope: ErrorEnvelope, inCatalog: Bool) {
            format = envelope.format
            vendor = envelope.vendor
            code = envelope.code
            message = envelope.message
            docs = envelope.docs
            requestLog = envelope.requestLog
            status = envelope.status
            details = envelope.details
            self.inCatalog = inCatalog
        }
    }

    /// One code found in the input: `vendor`, `code`, `count`, `first_time`, `last_time`, `statuses`, `first_line`.
    struct Occurrence: Encodable {
        let vendor: String
        let code: String
        let count: Int
        @NullIfAbsent var firstTime: String?
        @NullIfAbsent var lastTime: String?
        let statuses: [Int]
        let firstLine: Int
        enum CodingKeys: String, CodingKey {
            case vendor, code, count, firstTime = "first_time", lastTime = "last_time", statuses, firstLine = "first_line"
        }
    }

    enum CodingKeys: String, CodingKey {
        case input, masked, evidence, evidenceOrigin = "evidence_origin", recognised, candidates, entry, diagnose
        case searchResults = "search_results", unknownCodes = "unknown_codes", envelopes, empty, occurrences
        case linesScanned = "lines_scanned"
    }

    init(_ explanation: Explanation, catalog: Catalog) {
        input = Input(bytesRead: explanation.bytesRead, truncated: explanation.truncated, binary: explanation.binary,
                      limit: explanation.limit)
        masked = explanation.maskedKinds
        evidence = Dictionary(uniqueKeysWithValues: explanation.evidence.values.map { ($0.key.rawValue, $0.value) })
        evidenceOrigin = explanation.evidence.origin
        recognised = explanation.recognised != nil
        candidates = explanation.candidates.map {
            Candidate(vendor: $0.reference.vendor, code: $0.reference.code, reasons: $0.reasons, score: ($0.score * 100).rounded() / 100)
        }
        let best = explanation.recognised.flatMap { catalog.entry($0.reference) }
        entry = best.map { EntryJSON(entry: $0, catalog: catalog) }
        diagnose = best.flatMap { diagnoseCommand(for: $0, in: catalog) }
        searchResults = explanation.searchResults.map { hit in
            var result = SearchHitJSON(catalog.entries[hit.entryIndex], score: hit.score)
            result.summary = nil  // explain's search results have always left the summary out
            return result
        }
        unknownCodes = explanation.unknownCodes
        let foreign = Set(explanation.foreignEnvelopes(in: catalog))
        envelopes = explanation.envelopes.map { Envelope($0, inCatalog: !foreign.contains($0)) }
        empty = explanation.isEmptyInput
        occurrences = explanation.occurrences.map {
            Occurrence(vendor: $0.reference.vendor, code: $0.reference.code, count: $0.count, firstTime: $0.firstTime,
                       lastTime: $0.lastTime, statuses: $0.statuses, firstLine: $0.firstLine)
        }
        linesScanned = explanation.linesScanned
    }
}
