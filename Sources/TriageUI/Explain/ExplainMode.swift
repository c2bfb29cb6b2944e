import TerminalKit
import TriageCore

/// The browser's way into and out of the paste box: `e` opens it, a response pasted into search opens it
/// explained, Enter in it shows the code, `d` diagnoses the code with the paste's evidence.
extension BrowserState {
    /// The paste box, while it is shown (also under the help).
    public internal(set) var pasteBox: PasteBox? {
        get {
            switch active {
            case let .explain(box), let .help(_, .explain(box)): return box
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch active {
            case .explain: active = .explain(newValue)
            case let .help(scroll, .explain): active = .help(scroll: scroll, over: .explain(newValue))
            default: break
            }
        }
    }

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

    mutating func pasteIntoBox(_ text: String) {
        guard var box = pasteBox else { return }
        box.paste(text, with: searcher)
        pasteBox = box
    }

    mutating func handlePasteBoxKey(_ key: Key) -> UpdateResult {
        guard var box = pasteBox else {
            active = .browse
            return .continue
        }
        let outcome = box.handle(key, searcher: searcher, height: height)
        pasteBox = box
        switch outcome {
        case .stay: break
        case .quit: return .quit
        case .help: openHelp()
        case .close:
            active = .browse
        case let .open(reference):
            active = .browse
            follow(reference)
            message = "\(reference.code) from the paste: e opens a new paste box"
        case let .diagnose(reference, evidence):
            guard let tree = DiagnosisSession.trees(for: reference, in: catalog).first else {
                box.message = "No decision tree diagnoses \(reference.code) yet; Enter opens the code"
                pasteBox = box
                break
            }
            do {
                let session = try DiagnosisSession.start(tree: tree.id, from: reference, evidence: evidence, in: catalog)
                follow(reference)
                diagnosis = DiagnosisScreen(session: session, catalog: catalog, width: width, height: height)
                active = .diagnosis
            } catch {
                box.message = DiagnosisScreen.sentence(error)
                pasteBox = box
            }
        }
        return .continue
    }
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
