/// From what the customer sent to the code: `triage explain`. Masks secrets first, then reads vendor error
/// bodies, status lines, request lines, hosts and paths, codes and the vendors' messages in the text, and ranks
/// the codes that fit, each with why. Nothing recognised: the best search results.
public struct Explanation: Sendable {
    /// One code that fits the paste.
    public struct Candidate: Sendable, Hashable {
        public var reference: CodeReference
        /// Why it fits, e.g. `errorCode "INSTALL_DELETED" in a vendor's error body; HTTP 403 agrees`.
        public var reasons: [String]
        public var score: Double
    }

    /// The paste as read (bounds, binary), without its text.
    public var bytesRead: Int
    public var truncated: Bool
    public var binary: Bool
    public var limit: Int
    /// The paste with secrets masked: the only form of it that is kept.
    public var maskedText: String
    /// The kinds of secret that were masked ("bearer token", "secret header", ...).
    public var maskedKinds: [String]
    public var evidence: Evidence
    /// Best first.
    public var candidates: [Candidate]
    /// When nothing was recognised: the best search results for the text.
    public var searchResults: [SearchHit]
    /// Codes that an error body named but the catalog does not know.
    public var unknownCodes: [String]
    /// Error bodies in a standard or well-known shape (RFC 9457, google.rpc.Status, Stripe, Twilio, GitHub,
    /// Azure, JSON:API), whichever vendor sent them.
    public var envelopes: [ErrorEnvelope] = []
    /// Nothing but white space was given.
    public var isEmptyInput = false
    /// Every catalog code in the input with its count, times and statuses, most frequent first (a batch log with
    /// several failures keeps each); set from the whole input when it was read in a stream.
    public var occurrences: [LogScan.Occurrence] = []
    /// The lines the occurrences were counted in.
    public var linesScanned = 0

    /// True when even the stream scan stopped before the input's end (`LogScan.maximumInputBytes`).
    public var scanCutShort = false

    /// Takes the occurrences of a scan of the whole input (read in a stream, past what was explained); the code
    /// reported most often there is named in the reasons when it is among the candidates.
    public mutating func adopt(_ scan: LogScan) {
        occurrences = scan.occurrences
        linesScanned = scan.lineCount
        scanCutShort = scan.cutShort
        // Nothing recognised in the part explained (the error is at the end of a long log): the codes the scan
        // found are the candidates, the one reported most often first.
        guard candidates.isEmpty, !occurrences.isEmpty else { return }
        let total = occurrences.reduce(0) { $0 + $1.count }
        for (index, occurrence) in occurrences.prefix(10).enumerated() {
            var reasons = ["\(occurrence.reference.code) occurs \(occurrence.count)× in the input, first on line \(occurrence.firstLine)"]
            var score = 80.0
            if index == 0, occurrences.count == 1 || occurrence.count > occurrences[1].count {
                score += 15
                if occurrences.count > 1 { reasons.append("the code the input reports most often (\(occurrence.count) of \(total))") }
            }
            candidates.append(Candidate(reference: occurrence.reference, reasons: reasons, score: score))
        }
        searchResults = []
        if let best = recognised {
            evidence[.vendor] = best.reference.vendor
            evidence[.code] = best.reference.code
        }
        evidence.otherCodes = otherOccurrences.map(LogScanLines.line)
    }

    /// The occurrences other than the recognised code's: what else the input reports.
    public var otherOccurrences: [LogScan.Occurrence] {
        occurrences.filter { $0.reference != recognised?.reference }
    }

    /// The envelopes whose vendor the catalog does not cover ("a Stripe error, and Stripe is not in the catalog").
    public func foreignEnvelopes(in catalog: Catalog) -> [ErrorEnvelope] {
        envelopes.filter { envelope in
            guard let vendor = envelope.vendor?.lowercased() else { return true }
            return !catalog.vendors.contains { $0.id == vendor || $0.name.lowercased() == vendor }
        }
    }

    /// The code the paste points to: the only candidate, or one clearly ahead of the next.
    public var recognised: Candidate? {
        guard let first = candidates.first else { return nil }
        guard candidates.count > 1 else { return first }
        return first.score - candidates[1].score >= 15 ? first : nil
    }
}

public enum Explainer {
    /// Explains a paste against the catalog of `searcher`.
    public static func explain(_ input: PasteInput, searcher: Searcher) -> Explanation {
        let catalog = searcher.index.catalog
        let (masked, kinds) = SecretMasker.masked(input.text)
        let vendors = VendorReading(catalog.vendors)
        let parsed = PasteParser(masked, vendors: vendors)
        var evidence = parsed.evidence
        evidence.origin = "the pasted text"
        if parsed.status != nil || parsed.evidence[.host] != nil { evidence.origin = "the pasted response" }

        var scored: [CodeReference: (score: Double, reasons: [String])] = [:]
        func add(_ entry: CatalogEntry, _ score: Double, _ reason: String) {
            var current = scored[entry.reference] ?? (0, [])
            current.score = max(current.score, score) + (current.score > 0 ? 5 : 0)
            if !current.reasons.contains(reason) { current.reasons.append(reason) }
            scored[entry.reference] = current
        }
        var unknown: [String] = []

        // 1. Vendor error bodies.
        for body in parsed.bodies {
            var matches = catalog.entries(code: body.code, vendor: body.vendor)
            if matches.isEmpty, body.vendor != nil { matches = catalog.entries(code: body.code) }
            if matches.isEmpty { unknown.append(body.code) }
            for entry in matches { add(entry, body.vendor == entry.vendor ? 100 : 85, "\(body.shape): \"\(body.code)\"") }
        }
        for code in parsed.logCodes {
            for entry in catalog.entries(code: code) { add(entry, 95, "\"\(code)\" in a log field") }
        }
        // 2. A bare code, or codes written in the text.
        let words = SearchText.words(String(masked.prefix(64 * 1024))).map(\.text)
        let trimmed = masked.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(" ") {
            for entry in catalog.entries(code: trimmed) { add(entry, 90, "the code \(trimmed) itself") }
        }
        for entryIndex in Set(searcher.exactCodes(in: words, requiredCount: Int.max)) {
            let entry = catalog.entries[Int(entryIndex)]
            if input.binary, entry.numeric != nil { continue }  // a number in binary noise is no evidence
            add(entry, 80, "the code \(entry.code) appears in the text")
        }
        // 3. The vendor's message as a phrase ("Contact not found"); written exactly as the vendor writes it, it
        // beats a message that only shares its word stems ("Email Addresses not valid" is 104, not 100). A
        // message that is only the reason phrase of the response's status ("400 Bad Request") is no evidence.
        let stems = words.prefix(4096).map(WordForms.stem)
        let flatText = MessageMatch.flattened(String(masked.prefix(64 * 1024)))
        let reasonPhrase = parsed.status.flatMap(HTTPStatus.reason).map(MessageMatch.flattened)
        for (entryIndex, message) in searcher.index.messageWords.enumerated() where message.count >= 2 {
            guard Searcher.offset(of: message, in: Array(stems)) != nil else { continue }
            let entry = catalog.entries[entryIndex]
            let text = entry.message ?? ""
            let flatMessage = MessageMatch.flattened(text)
            if flatMessage == reasonPhrase, parsed.evidence[.message].map(MessageMatch.flattened) != flatMessage { continue }
            if MessageMatch.contains(flatText, exactly: flatMessage) {
                add(entry, 75, "the vendor's exact message \"\(text)\"")
            } else {
                add(entry, 60, "the vendor's message \"\(text)\"")
            }
        }
        // 4. What the status, the host and the headers say.
        let vendorHint = evidence[.vendor] ?? parsed.requestVendor ?? vendors.vendor(forHeaders: parsed.headerSpellings)
            ?? catalog.vendors.first { vendor in words.prefix(200).contains(Array(vendor.name.lowercased())) }?.id
        var candidates: [Explanation.Candidate] = scored.map { reference, value in
            var score = value.score
            var reasons = value.reasons
            let entry = catalog.entry(reference)
            if let status = parsed.status, let documented = entry?.httpStatus {
                if documented == status { score += 20; reasons.append("HTTP \(status) agrees") } else { score -= 15; reasons.append("but the response is HTTP \(status), the code's is \(documented)") }
            }
            if let vendorHint, reference.vendor == vendorHint {
                score += 10
                reasons.append(evidence[.host] != nil ? "the request went to \(catalog.vendor(id: vendorHint)?.name ?? vendorHint)"
                                                       : "the text names \(catalog.vendor(id: vendorHint)?.name ?? vendorHint)")
            }
            return Explanation.Candidate(reference: reference, reasons: reasons, score: score)
        }
        if candidates.isEmpty, let status = parsed.status,
           let report = StatusReport(status: status, vendor: vendorHint, searcher: searcher) {
            for entry in report.documented {
                candidates.append(.init(reference: entry.reference, reasons: ["documented with HTTP \(status)"], score: 20))
            }
        }
        // A log with several failures: the code it reports most often is the main one; the others are named with it.
        let scan = LogScan.scan(masked, catalog: catalog)
        let counted = scan.occurrences
        if counted.count >= 2, counted[0].count > counted[1].count,
           let index = candidates.firstIndex(where: { $0.reference == counted[0].reference }) {
            let total = counted.reduce(0) { $0 + $1.count }
            candidates[index].score += 15
            candidates[index].reasons.append("the code the input reports most often (\(counted[0].count) of \(total))")
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.reference < $1.reference }
        if candidates.count > 10 { candidates.removeSubrange(10...) }
        if let best = candidates.first, candidates.count == 1 || best.score - candidates[1].score >= 15 {
            evidence[.vendor] = best.reference.vendor
            evidence[.code] = best.reference.code
        }
        // Every value used: a region the ticket names, and the ask variables the vendor maps the evidence to.
        let vendor = evidence[.vendor] ?? vendorHint
        if evidence[.appRegion] == nil, let region = vendors.proseRegion(in: masked, vendor: vendor) { evidence[.appRegion] = region }
        if let vendor { evidence.variables = vendors.variables(for: evidence, vendor: vendor) }
        var results: [SearchHit] = []
        let isEmptyInput = trimmed.isEmpty
        // Search only what may describe a catalog code: not an empty paste, not another vendor's error body.
        if candidates.isEmpty, !isEmptyInput, parsed.envelopes.isEmpty {
            results = searcher.search(String(masked.prefix(2048)), vendor: vendorHint, limit: 5)
        }
        var explanation = Explanation(bytesRead: input.bytesRead, truncated: input.truncated, binary: input.binary, limit: input.limit,
                           maskedText: masked, maskedKinds: kinds, evidence: evidence, candidates: candidates,
                           searchResults: results, unknownCodes: unknown, envelopes: parsed.envelopes,
                           isEmptyInput: isEmptyInput)
        explanation.occurrences = counted
        explanation.linesScanned = scan.lineCount
        explanation.evidence.otherCodes = explanation.otherOccurrences.map(LogScanLines.line)
        return explanation
    }
}
