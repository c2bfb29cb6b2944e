import TerminalKit
import TriageCore

/// What a key does in the paste box.
enum ExplainAction: Hashable, Sendable {
    case explain, newline, deleteBack, clear, close, help, quit
    case open, diagnose, edit, choose(Int), up, down, pageUp, pageDown
}

/// What only the paste box asks of the browser after a key.
public enum PasteBoxRequest: Hashable, Sendable {
    /// Show the code's entry in the browser.
    case open(CodeReference)
    /// Diagnose the code with the paste's evidence.
    case diagnose(CodeReference, Evidence)
}

/// What the browser must do after a key in the paste box.
typealias PasteBoxOutcome = ChildOutcome<PasteBoxRequest>

/// The paste box's keys: while editing, letters are text and Enter is a new line, Ctrl-E explains; once
/// explained, Enter opens the code, `d` diagnoses it with the evidence, `e` edits the paste again.
extension PasteBox {
    /// Typing or pasting into the box.
    static let editKeys = KeyMap<PasteBox, ExplainAction>([
        .init("Explain a paste", [
            .init("Ctrl-E", "Explain what is in the box (a paste is explained at once)", [([.control("e")], .explain)],
                  hints: [.init("Ctrl-E", "explain", order: 0, priority: 0)]),
            .init(nil, "A new line", [([.enter], .newline)]),
            .init(nil, "Delete", [([.backspace], .deleteBack)]),
            .init(nil, "Clear the box", [([.control("u")], .clear)], hints: [.init("Ctrl-U", "clear", order: 1, priority: 2)]),
            .init(nil, "Close the box", [([.escape], .close)], hints: [.init("Esc", "close", order: 2, priority: 1)]),
            .init(nil, "Help", [([.function(1)], .help)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// The explanation shown.
    static let resultKeys = KeyMap<PasteBox, ExplainAction>([
        .init("Explain a paste", [
            .init("Enter", "Open the recognised (or chosen) code in the browser", [([.enter], .open)],
                  hints: [.init("Enter", order: 0, priority: 0) { $0.chosen == nil ? nil : "open code" }]),
            .init("d", "Diagnose it, with the answers the paste gives filled in", [([.character("d")], .diagnose)],
                  hints: [.init("d", order: 1, priority: 0) { $0.chosen == nil ? nil : "diagnose" }]),
            .init("1-9", "Choose one of several candidates", Key.digits { .choose($0) },
                  hints: [.init("1-9", order: 2, priority: 3) { ($0.explanation?.candidates.count ?? 0) > 1 ? "choose" : nil }]),
            .init("e", "Edit the paste again", [([.character("e")], .edit)],
                  hints: [.init("e", "edit", order: 3, priority: 2)]),
            .init(nil, "Scroll", [([.up, .character("k")], .up), ([.down, .character("j")], .down),
                                  ([.pageUp], .pageUp), ([.pageDown], .pageDown)]),
            .init(nil, "Close the box", [([.escape, .character("q")], .close)],
                  hints: [.init("Esc", "close", order: 4, priority: 1)]),
            .init(nil, "Help", [([.character("?"), .function(1)], .help)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// The table the next key goes to.
    var activeKeys: KeyMap<PasteBox, ExplainAction> { isEditing ? Self.editKeys : Self.resultKeys }

    /// One key, with the searcher that explains, the catalog that says which trees diagnose a code, and the
    /// terminal's size (scrolling stops at the end of what is shown).
    mutating func handle(_ key: Key, searcher: Searcher, height: Int, width: Int, catalog: Catalog) -> PasteBoxOutcome {
        let outcome = handle(key, searcher: searcher, height: height)
        if scroll > 0 {
            let layout = PasteBoxLayout(width: width, height: height)
            let lines = document(width: layout.content.width, catalog: catalog, glyphs: .unicode).lines.count
            scroll = min(scroll, max(0, lines - layout.content.height))
        }
        return outcome
    }

    private mutating func handle(_ key: Key, searcher: Searcher, height: Int) -> PasteBoxOutcome {
        message = nil
        guard let action = activeKeys.action(for: key) else {
            if isEditing, case let .character(character) = key { append(String(character)) }
            return .stay
        }
        switch action {
        case .explain: explain(with: searcher)
        case .newline: append("\n")
        case .deleteBack: if !text.isEmpty { text.removeLast() }
        case .clear: text = ""
        case .close: return .close
        case .help: return .help
        case .quit: return .quit
        case .edit: edit()
        case let .choose(number):
            let count = explanation?.candidates.count ?? 0
            if number <= count { selected = number - 1 } else { message = "There is no candidate \(number)" }
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - max(1, height - 4))
        case .pageDown: scroll += max(1, height - 4)
        case .open:
            guard let chosen else {
                message = "No code recognised; e edits the paste"
                return .stay
            }
            return .request(.open(chosen))
        case .diagnose:
            guard let chosen, let explanation else {
                message = "No code recognised; e edits the paste"
                return .stay
            }
            var evidence = explanation.evidence
            evidence[.vendor] = chosen.vendor
            evidence[.code] = chosen.code
            return .request(.diagnose(chosen, evidence))
        }
        return .stay
    }
}
