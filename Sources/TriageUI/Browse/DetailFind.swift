import TerminalKit
import TriageCore

/// What a key does in the find field (`/` with the focus on the detail).
enum FindAction: Hashable, Sendable {
    case quit, edit, find, close
}

/// `/` in the detail pane, as in less: with the focus on the detail, `/` opens a find field on the last row
/// (elsewhere `/` stays the code search); Enter goes to the first match at or after the top line, `n` and `N` to
/// the next and previous one (wrapping, with "search hit BOTTOM, continuing at TOP"), every match on screen is
/// marked (ignoring case) and the current one reversed; Esc closes the field, and Esc in the detail then clears
/// the marks before it goes back. Showing another code or vendor forgets the find. (The diagnosis panes have no
/// find: `n` writes a note there.)
extension BrowseModel {
    /// The detail pane's own keys, tried before the browse keys while it has the focus (help: Search section).
    static let detailKeys = KeyMap<BrowseModel, BrowseAction>([
        .init("Search", [
            .init("/  n  N (detail)", "Find in the detail, as less does; next / previous",
                  [([.character("/")], .find), ([.character("n")], .findNext), ([.character("N")], .findPrevious)],
                  hints: [.init("/", "find", order: 3, priority: 4),
                          .init("n N", order: 3, priority: 1) { $0.detailFind != nil ? "next/prev" : nil }]),
        ]),
    ])

    /// The find field's keys; printable keys are text (so `n`, `q`, `/` too).
    static let findKeys = KeyMap<BrowseModel, FindAction>([
        .init("Find in the detail", [
            .init(nil, "Find: the first match from the top line", [([.enter], .find)],
                  hints: [.init("Enter", "find", order: 1, priority: 1)]),
            .init(nil, "Close the field", [([.escape], .close)], hints: [.init("Esc", "close", order: 2, priority: 2)]),
            .init(nil, "Edit the pattern", [([.control("u"), .control("w"), .backspace], .edit)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// The browse keys for the focused pane: in the detail, `/` `n` `N` find first.
    var activeBrowseKeys: KeyMap<BrowseModel, BrowseAction> {
        focus == .detail ? Self.detailKeys + Self.browseKeys : Self.browseKeys
    }

    /// The longest pattern kept; more typing is ignored.
    static let maximumFindLength = 200

    /// `/` in the detail: the find field, empty (Enter on it finds the last pattern again, as in less).
    mutating func openFind() {
        input = .find(TextField(limit: Self.maximumFindLength))
    }

    /// The find field while it is open.
    var findField: TextField? {
        if case let .find(field) = input { return field }
        return nil
    }

    mutating func handleFindKey(_ key: Key) -> BrowseOutcome {
        guard var field = findField else { return .stay }
        switch Self.findKeys.action(for: key) {
        case .quit?: return .quit
        case .close?: input = .panes
        case .find?:
            input = .panes
            find(field.text)
        case .edit?, nil:
            _ = field.edit(key)
            input = .find(field)
        }
        return .stay
    }

    /// A pattern as a message shows it: secrets masked (the one masking point), at most 60 characters.
    static func shownPattern(_ pattern: String) -> String {
        let masked = SecretMasker.masked(pattern).text
        return masked.count > 60 ? String(masked.prefix(59)) + "…" : masked
    }

    /// Enter in the find field: the first match at or after the detail's top line, or why there is none.
    mutating func find(_ typed: String) {
        let pattern = typed.isEmpty ? detailFind?.pattern ?? "" : typed
        guard !pattern.isEmpty else { return }
        let document = detailDocument()
        detailPane.settle(height: detailHeight, document: document)
        var find = DocumentFind(pattern: pattern)
        let outcome = find.first(in: document, atOrAfter: detailPane.scroll)
        guard outcome != .notFound else {
            detailFind = nil
            message = "Pattern not found: \(Self.shownPattern(pattern))"
            return
        }
        detailFind = find
        showFindOutcome(outcome, forward: true)
    }

    /// `n` (forward) or `N`: the next or previous match, wrapping at the ends.
    mutating func findAgain(forward: Bool) {
        guard var find = detailFind else {
            message = "Nothing to find yet: / finds text in the detail"
            return
        }
        let document = detailDocument()
        detailPane.settle(height: detailHeight, document: document)
        let outcome = forward ? find.next(in: document) : find.previous(in: document)
        detailFind = outcome == .notFound ? nil : find
        showFindOutcome(outcome, forward: forward)
    }

    /// Scrolls the current match into view and says when the find wrapped or found nothing.
    private mutating func showFindOutcome(_ outcome: DocumentFind.Outcome, forward: Bool) {
        if let line = detailFind?.current?.line { detailPane.show(line: line) }
        let pattern = detailFind?.pattern ?? ""
        switch outcome {
        case .found: break
        case .wrapped: message = forward ? "search hit BOTTOM, continuing at TOP" : "search hit TOP, continuing at BOTTOM"
        case .alone: message = "No more matches: this is the only one"
        case .notFound: message = "Pattern not found: \(Self.shownPattern(pattern))"
        }
    }

    /// The marks the detail view draws in `document` (as it is drawn): every match on the visible lines, the
    /// current one reversed.
    func detailHighlights(in document: DetailDocument, height: Int) -> [DocumentView.Highlight] {
        guard let find = detailFind else { return [] }
        let lines = detailPane.scroll..<(detailPane.scroll + max(0, height))
        return find.matches(in: document, lines: lines).map { match in
            DocumentView.Highlight(match, style: match == find.current ? Theme.currentMatch : Theme.match)
        }
    }

    /// Where the current match is among all of them ("2/5"), for the status line.
    var findPosition: String? {
        guard let find = detailFind else { return nil }
        let all = find.matches(in: detailDocument())
        guard let current = find.current, let index = all.firstIndex(of: current) else { return nil }
        return "\(index + 1)/\(all.count)"
    }
}
