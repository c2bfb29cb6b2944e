import TerminalKit
import TriageCore

/// The browser's paste box (`e`): what the customer sent, typed or pasted (bracketed paste) into a multi-line
/// box, explained by `Explainer` (pure, no I/O). Once explained, the box shows the paste with its secrets masked
/// (the raw text is dropped), the vendor, the code, why it matched and the evidence; a code can then be opened
/// in the browser or diagnosed with the evidence filling the answers the paste gives.
public struct PasteBox: Sendable {
    /// The most the box keeps (as `triage explain` reads at most 1 MiB).
    public static let limit = PasteInput.defaultLimit

    /// The text in the box (after explaining: with secrets masked).
    public internal(set) var text: String
    /// The explanation of `text`, nil while editing.
    public internal(set) var explanation: Explanation?
    /// The candidate Enter opens and `d` diagnoses (0-based into `explanation.candidates`).
    public internal(set) var selected = 0
    /// A one-off note for the status line.
    public internal(set) var message: String?
    var scroll = 0

    public init(text: String = "") {
        self.text = String(text.prefix(Self.limit))
    }

    /// True while keys are text (no explanation shown).
    public var isEditing: Bool { explanation == nil }

    /// The code Enter opens and `d` diagnoses: the recognised one, or the selected candidate.
    public var chosen: CodeReference? {
        guard let explanation else { return nil }
        if let recognised = explanation.recognised, selected == 0 { return recognised.reference }
        return explanation.candidates[safe: selected]?.reference
    }

    /// Explains the text against `searcher`'s catalog; the text is replaced by its masked form.
    mutating func explain(with searcher: Searcher) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            message = "Paste or type what the customer sent first"
            return
        }
        let result = Explainer.explain(PasteInput(text: text), searcher: searcher)
        explanation = result
        text = result.maskedText
        selected = 0
        scroll = 0
        if result.candidates.isEmpty { message = "No code recognised; the best search results are listed" }
    }

    /// A paste: appended to the text (back to editing if an explanation was shown), then explained. A paste
    /// the box cannot hold whole is cut, and the status line says how much was left out.
    mutating func paste(_ pasted: String, with searcher: Searcher) {
        if explanation != nil { edit() }
        let left = append(pasted)
        explain(with: searcher)
        if left > 0 { message = Self.cutMessage(left) }
    }

    /// What the status line says of a paste cut at the box's limit.
    static func cutMessage(_ bytes: Int) -> String {
        "Paste cut: the box holds 1 MiB; the last \(bytes) bytes were not added"
    }

    /// Back to editing the (masked) text.
    mutating func edit() {
        explanation = nil
        scroll = 0
    }

    /// Adds `more` up to the box's limit; returns how many of its bytes were left out (0 when all fit).
    @discardableResult
    mutating func append(_ more: String) -> Int {
        let room = Self.limit - text.utf8.count
        guard room > 0 else {
            message = Self.cutMessage(more.utf8.count)
            return more.utf8.count
        }
        var added = ""
        var used = 0
        var consumed = 0
        for character in more {
            let size = character.utf8.count
            if used + size > room {
                let left = more.utf8.count - consumed
                message = Self.cutMessage(left)
                text += added
                return left
            }
            consumed += size
            // Carriage returns from pasted CRLF text are dropped; tabs are kept as text.
            if character == "\r" { continue }
            added.append(character == "\r\n" ? "\n" : character)
            used += size
        }
        text += added
        return 0
    }
}
