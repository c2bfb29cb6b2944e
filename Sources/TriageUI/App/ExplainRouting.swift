import TerminalKit
import TriageCore

/// The browser's way into and out of the paste box: `e` opens it, a response pasted into search opens it
/// explained, Enter in it shows the code, `d` diagnoses the code with the paste's evidence.
extension BrowserState {
    /// `e`: an empty paste box.
    mutating func openPasteBox() {
        active = .explain(PasteBox())
    }

    /// A response pasted into search: the box opens with it, explained (search is left where it was).
    mutating func explainPaste(_ text: String) {
        var box = PasteBox()
        box.paste(text, with: searcher)
        active = .explain(box)
    }

    /// Does what only the paste box asks for: open a code, or diagnose it with the paste's evidence (a new
    /// diagnosis like any other: `open(_:)`, its own recording and the current ticket).
    mutating func act(on request: PasteBoxRequest) {
        switch request {
        case let .open(reference):
            active = .browse
            browse.follow(reference)
            browse.message = "\(reference.code) from the paste: e opens a new paste box"
        case let .diagnose(reference, evidence):
            do {
                guard let tree = DiagnosisSession.trees(for: reference, in: catalog).first else {
                    throw PasteBoxProblem("No decision tree diagnoses \(reference.code) yet; Enter opens the code")
                }
                var paste: String?
                if case let .explain(box) = active.base { paste = box.explanation?.maskedText }
                let session = try DiagnosisSession.start(tree: tree.id, from: reference, evidence: evidence, paste: paste,
                                                         in: catalog)
                active = .browse
                browse.follow(reference)
                open(session)
            } catch {
                let text = (error as? PasteBoxProblem)?.text ?? DiagnosisScreen.sentence(error)
                active.updateBase { mode in
                    guard case var .explain(box) = mode else { return }
                    box.message = text
                    mode = .explain(box)
                }
            }
        }
    }
}

/// Why the paste box could not start a diagnosis, as its status line says it.
private struct PasteBoxProblem: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

extension PasteBox {
    /// True when pasted text looks like a response rather than a query: a JSON body, an HTTP status line, or
    /// curl -v's `>`/`<` lines. Such a paste into search is explained instead of typed into the query.
    public static func looksLikeResponse(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{"), trimmed.contains(":"), trimmed.contains("}") { return true }
        let lines = trimmed.split(whereSeparator: \.isNewline).prefix(200)
        if lines.contains(where: { $0.hasPrefix("HTTP/") || $0.hasPrefix("< HTTP/") }) { return true }
        let curl = lines.filter { $0.hasPrefix("> ") || $0.hasPrefix("< ") || $0.hasPrefix("* ") }
        return curl.count >= 2
    }
}
