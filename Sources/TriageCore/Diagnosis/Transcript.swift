import Foundation
import TerminalKit

/// A diagnosis written down for a ticket, readable on its own: a header (ticket, session id, engineer, host, tree,
/// catalog version, start and end time, from a `TranscriptContext`), the evidence the diagnosis started from and
/// the masked paste it came in, each question and answer with its notes (the path), and the conclusion with its
/// steps, related codes and escalation. Rendered as Markdown
/// (to paste into a ticket) or JSON (for scripts). Secret values are masked in both; unfinished diagnoses say
/// where they stopped.
public struct Transcript: Sendable {
    /// Everything a transcript says, as plain values; `json` is this document encoded.
    public struct Document: Codable, Hashable, Sendable {
        public struct Tree: Codable, Hashable, Sendable {
            public var id: String
            public var title: String
        }

        public struct Code: Codable, Hashable, Sendable {
            public var vendor: String
            public var vendorName: String?
            public var code: String
            /// The vendor's description, on one line (first paragraph), where the catalog has the code.
            public var description: String?
        }

        public struct Step: Codable, Hashable, Sendable {
            /// What the step was; the JSON names are `question`, `ask` and `link`.
            public enum Kind: String, Codable, Hashable, Sendable {
                case question, ask, link
            }

            /// 1-based.
            public var number: Int
            public var tree: TreeID
            public var node: NodeID
            public var kind: Kind
            /// The prompt as shown; for a link "Continued in tree TITLE".
            public var question: String
            /// The answer label or typed value (`[secret]` if secret); for a link the tree id.
            public var answer: String
            /// `vendor:CODE` when the start code answered the question.
            public var impliedBy: String?
            /// True when answered "I can't tell from the ticket" (absent otherwise).
            public var cantTell: Bool?
            /// For a question answered "can't tell": what to check.
            public var check: String?
            /// Where the answer came from when the engineer did not give it ("the pasted response").
            public var from: String?
            public var note: String?
        }

        /// Where an unfinished diagnosis stopped.
        public struct Stop: Codable, Hashable, Sendable {
            public var tree: TreeID
            public var node: NodeID
            public var question: String
            public var note: String?
        }

        public struct Conclusion: Codable, Hashable, Sendable {
            public var tree: TreeID
            public var node: NodeID
            /// False for a conclusion that does not determine the cause ("not determined").
            public var determined: Bool
            public var diagnosis: String
            public var explanation: String?
            public var steps: [String]
            public var related: [Code]
            public var escalate: Escalation?
            public var note: String?
            /// The steps passed without a fact, when a determined conclusion was reached through them; absent
            /// otherwise.
            public var presumed: [Presumption]?
        }

        public struct Escalation: Codable, Hashable, Sendable {
            /// The vendor to escalate to (its name), when the conclusion's tree covers one vendor.
            public var vendor: String?
            public var when: String?
            public var include: [String]
        }

        /// One fact of the evidence (`Evidence.Key` raw value, e.g. `ref`).
        public struct Fact: Codable, Hashable, Sendable {
            public var key: String
            public var value: String
        }

        /// The facts the diagnosis started from, in `Evidence.Key` order, and where they came from.
        public struct EvidenceTable: Codable, Hashable, Sendable {
            public var origin: String
            public var facts: [Fact]
            /// The other codes the paste reports, with their counts (absent when there are none).
            public var otherCodes: [String]?

            private enum CodingKeys: String, CodingKey { case origin, facts, otherCodes = "other_codes" }
        }

        public var ticket: String?
        public var sessionID: Int64?
        public var engineer: String?
        public var host: String?
        public var catalogVersion: String?
        /// ISO 8601, UTC.
        public var startedAt: String?
        /// ISO 8601, UTC; absent while the diagnosis is open.
        public var endedAt: String?
        public var tree: Tree
        public var startedFrom: Code?
        /// When the transcript was written; ISO 8601, UTC.
        public var time: String
        public var finished: Bool
        public var evidence: EvidenceTable?
        /// What the customer pasted, secrets masked (`DiagnosisSession.paste`).
        public var paste: String?
        public var steps: [Step]
        public var stoppedAt: Stop?
        public var conclusion: Conclusion?

        private enum CodingKeys: String, CodingKey {
            case ticket, sessionID = "session_id", engineer, host, catalogVersion = "catalog_version",
                 startedAt = "started_at", endedAt = "ended_at", tree, startedFrom, time, finished, evidence, paste,
                 steps, stoppedAt, conclusion
        }
    }

    public let document: Document

    /// The transcript of `session` (finished or not) at `date`, with the header `context` gives.
    public init(session: DiagnosisSession, catalog: Catalog, date: Date, context: TranscriptContext = TranscriptContext()) {
        let startTree = catalog.tree(id: session.tree)
        var document = Document(
            ticket: context.ticket.flatMap(Self.nonBlank), sessionID: context.sessionID,
            engineer: context.engineer.flatMap(Self.nonBlank), host: context.host.flatMap(Self.nonBlank),
            catalogVersion: context.catalogVersion.flatMap(Self.nonBlank)
                ?? context.triageVersion.map { TranscriptContext.catalogVersion(of: catalog, triage: $0) },
            startedAt: context.started.map(Self.iso), endedAt: context.ended.map(Self.iso),
            tree: .init(id: session.tree.rawValue, title: startTree?.title ?? session.tree.rawValue),
            startedFrom: session.code.map { Self.code($0, in: catalog) },
            time: Self.iso(date), finished: session.isFinished,
            evidence: session.evidence.map { evidence in
                .init(origin: evidence.origin,
                      facts: evidence.values.keys.sorted().map { .init(key: $0.rawValue, value: evidence[$0] ?? "") },
                      otherCodes: evidence.otherCodes.isEmpty ? nil : evidence.otherCodes)
            },
            paste: session.paste, steps: [], stoppedAt: nil, conclusion: nil)
        document.steps = session.path.map { step in
            var kind = Document.Step.Kind.question
            var answer = step.answer
            var check: String?
            switch step.kind {
            case .question: break
            case let .cantTell(text): check = text
            case .ask, .unknownValue: kind = .ask
            case let .link(tree, _):
                kind = .link
                answer = tree.rawValue
            }
            return .init(number: step.index + 1, tree: step.tree, node: step.node, kind: kind, question: step.prompt,
                         answer: answer, impliedBy: step.impliedBy?.description, cantTell: step.isCantTell ? true : nil,
                         check: check, from: step.origin, note: step.note)
        }
        let current = session.current(in: catalog)
        if let current, let conclusion = current.conclusion {
            let summary = ConclusionSummary(conclusion, tree: catalog.tree(id: current.tree), catalog: catalog,
                                            presumptions: Presumption.of(session.path))
            document.conclusion = .init(
                tree: current.tree, node: current.node, determined: conclusion.determined,
                diagnosis: conclusion.diagnosis, explanation: conclusion.explanation, steps: conclusion.steps,
                related: summary.related.map {
                    .init(vendor: $0.reference.vendor, vendorName: $0.vendorName, code: $0.reference.code,
                          description: $0.description)
                },
                escalate: conclusion.escalate.map { .init(vendor: summary.vendorName, when: $0.when, include: $0.include) },
                note: current.note, presumed: summary.isPresumed ? summary.presumptions : nil)
        } else {
            document.stoppedAt = .init(tree: session.currentTree, node: session.currentNode,
                                       question: current?.prompt ?? "node '\(session.currentNode)' of tree '\(session.currentTree)'",
                                       note: session.note)
        }
        self.document = document
    }

    /// Pretty-printed JSON with sorted keys (stable output); absent fields are left out.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return JSONText.escapingInvisibles(String(decoding: data, as: UTF8.self))
    }

    /// Markdown for a ticket. Control characters are made visible (see `TerminalSafe`).
    public var markdown: String {
        var lines: [String] = []
        let document = document
        lines.append("# Diagnosis: \(document.tree.title)")
        lines.append("")
        if let ticket = document.ticket { lines.append("- Ticket: \(ticket.oneLine)") }
        if let id = document.sessionID { lines.append("- Session: #\(id)") }
        if let engineer = document.engineer { lines.append("- Engineer: \(engineer.oneLine)") }
        if let host = document.host { lines.append("- Host: \(host.oneLine)") }
        lines.append("- Tree: `\(document.tree.id)`")
        if let version = document.catalogVersion { lines.append("- Catalog: \(version.oneLine)") }
        if let code = document.startedFrom { lines.append("- Started from: \(Self.describe(code))") }
        if let started = document.startedAt {
            lines.append("- Started: \(started)")
            lines.append("- Ended: \(document.endedAt ?? "not yet (the diagnosis is open)")")
        } else if let ended = document.endedAt {
            lines.append("- Ended: \(ended)")
        }
        lines.append("- Time: \(document.time)")

        if let evidence = document.evidence, !evidence.facts.isEmpty {
            lines.append("")
            lines.append("## Evidence (from \(evidence.origin.oneLine))")
            lines.append("")
            lines.append("| Fact | Value |")
            lines.append("| --- | --- |")
            for fact in evidence.facts { lines.append("| \(Self.cell(fact.key)) | \(Self.cell(fact.value)) |") }
        }
        if let others = document.evidence?.otherCodes, !others.isEmpty {
            lines.append("")
            lines.append("## Other codes in the paste")
            lines.append("")
            for other in others { lines.append("- " + other.oneLine) }
        }
        if let paste = document.paste {
            lines.append("")
            lines.append("## Pasted response (secrets masked)")
            lines.append("")
            lines.append(contentsOf: Self.fenced(paste))
        }

        if !document.steps.isEmpty {
            lines.append("")
            lines.append("## Questions")
            lines.append("")
            for step in document.steps {
                let number = "\(step.number). "
                let indent = String(repeating: " ", count: number.count)
                if step.kind == .link {
                    lines.append(number + Self.indented("\(step.question) (`\(step.answer)`)", by: indent))
                } else {
                    lines.append(number + Self.indented(step.question, by: indent))
                    var answer = step.answer
                    if let code = step.impliedBy { answer += " (implied by code `\(code)`)" }
                    if let from = step.from { answer += " (from \(from))" }
                    lines.append(indent + "Answer: " + Self.indented(answer, by: indent))
                    if let check = step.check { lines.append(indent + "Check: " + Self.indented(check, by: indent)) }
                }
                if let note = step.note { lines.append(contentsOf: Self.quoted(note, indent: indent)) }
            }
        }

        lines.append("")
        if let conclusion = document.conclusion {
            let presumed = conclusion.presumed ?? []
            lines.append(!conclusion.determined ? "## " + ConclusionSummary.headline(conclusion.diagnosis, determined: false)
                         : presumed.isEmpty ? "## Conclusion: \(conclusion.diagnosis)"
                         : "## Presumed conclusion: \(conclusion.diagnosis)")
            if !presumed.isEmpty {
                lines.append("")
                lines.append(Presumption.heading + ":")
                lines.append("")
                for presumption in presumed { lines.append("- " + presumption.line) }
            }
            if let note = conclusion.note {
                lines.append("")
                lines.append(contentsOf: Self.quoted(note, indent: ""))
            }
            if let explanation = conclusion.explanation {
                lines.append("")
                lines.append(explanation)
            }
            lines.append("")
            lines.append(ConclusionSummary.stepsHeading(determined: conclusion.determined) + ":")
            lines.append("")
            for (index, step) in conclusion.steps.enumerated() {
                let number = "\(index + 1). "
                lines.append(number + Self.indented(step, by: String(repeating: " ", count: number.count)))
            }
            if !conclusion.related.isEmpty {
                lines.append("")
                lines.append("Related codes:")
                lines.append("")
                for code in conclusion.related { lines.append("- " + Self.describe(code)) }
            }
            if let escalate = conclusion.escalate {
                lines.append("")
                let target = escalate.vendor ?? "the vendor"
                if let when = escalate.when {
                    lines.append("Escalate to \(target) when: \(when)")
                } else {
                    lines.append("Escalate to \(target).")
                }
                if !escalate.include.isEmpty {
                    lines.append("")
                    lines.append("Include in the escalation:")
                    lines.append("")
                    for item in escalate.include { lines.append("- " + Self.indented(item, by: "  ")) }
                }
            }
        } else if let stop = document.stoppedAt {
            lines.append("Diagnosis not finished; stopped at: \(stop.question)")
            if let note = stop.note {
                lines.append("")
                lines.append(contentsOf: Self.quoted(note, indent: ""))
            }
        }
        return TerminalSafe.sanitize(lines.joined(separator: "\n") + "\n")
    }

    // MARK: Helpers

    private static func iso(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    private static func nonBlank(_ text: String) -> String? {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    /// A Markdown table cell: on one line, with `|` escaped.
    private static func cell(_ text: String) -> String {
        text.oneLine.replacingOccurrences(of: "|", with: "\\|")
    }

    /// `text` in a fenced code block whose fence is longer than any run of backticks in it.
    private static func fenced(_ text: String) -> [String] {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var body = text
        while body.last == "\n" { body.removeLast() }
        return [fence + "text"] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
    }

    private static func code(_ reference: CodeReference, in catalog: Catalog) -> Document.Code {
        let entry = catalog.entry(reference)
        return .init(vendor: reference.vendor, vendorName: catalog.vendor(id: reference.vendor)?.name,
                     code: reference.code, description: entry.map { oneLine($0.description) })
    }

    /// "`vendor:CODE` (Vendor name): description".
    private static func describe(_ code: Document.Code) -> String {
        var text = "`\(code.vendor):\(code.code)`"
        if let name = code.vendorName { text += " (\(name))" }
        if let description = code.description, !description.isEmpty { text += ": \(description)" }
        return text
    }

    /// The first paragraph, with line breaks and runs of spaces collapsed.
    static func oneLine(_ text: String) -> String {
        let paragraph = text.components(separatedBy: "\n\n").first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
        return paragraph.oneLine
    }

    /// Continuation lines of a list item indented under its first line.
    private static func indented(_ text: String, by indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0 == 0 || $1.isEmpty ? String($1) : indent + $1 }.joined(separator: "\n")
    }

    /// A note as Markdown quote lines.
    private static func quoted(_ note: String, indent: String) -> [String] {
        note.split(separator: "\n", omittingEmptySubsequences: false).map { "\(indent)> \($0)".trimmingTrailingSpace() }
    }
}

private extension String {
    func trimmingTrailingSpace() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
