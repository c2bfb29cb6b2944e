/// A step a diagnosis passed without a fact from the ticket: a question answered "I can't tell" (with what to check
/// to confirm the branch taken) or a value that stayed unknown. A conclusion reached through any of them is
/// *presumed*, and every output (step pane, line mode, transcript, `--json`) says so with these lines.
public struct Presumption: Codable, Hashable, Sendable {
    /// The question or ask as it was shown.
    public var question: String
    /// What to check to confirm the branch the diagnosis took; nil for a value that stayed unknown.
    public var check: String?

    public init(question: String, check: String? = nil) {
        self.question = question
        self.check = check
    }

    /// "You could not tell: Q; check: C" on one line.
    public var line: String {
        "You could not tell: \(Transcript.oneLine(question))" + (check.map { "; check: \(Transcript.oneLine($0))" } ?? "")
    }

    /// The heading over the lines, the same in every output.
    public static let heading = "Presumed, not confirmed by the ticket"

    /// The presumptions of a path, in the order the steps were taken.
    public static func of(_ path: [DiagnosisStep]) -> [Presumption] {
        path.compactMap { step in
            switch step.kind {
            case let .cantTell(check): return Presumption(question: step.prompt, check: check)
            case .unknownValue: return Presumption(question: step.prompt)
            case .question, .ask, .link: return nil
            }
        }
    }
}
