import TerminalKit
import TriageCore

/// What only the browse screen asks of the shell after a key: the screens it opens over itself and the work
/// it cannot do (copying, starting a diagnosis).
public enum BrowseRequest: Hashable, Sendable {
    /// `d`: diagnose this code (the shell starts it, or lists its trees).
    case diagnose(CodeReference)
    /// Enter on a tree link of the detail: this tree, from `code` when the tree diagnoses it.
    case diagnoseTree(TreeID, from: CodeReference?)
    /// `t`: every decision tree.
    case trees
    /// `D`: back to the last diagnosis.
    case resume
    /// `e`: an empty paste box.
    case explain
    /// A response pasted into the search: explain it.
    case explainPaste(String)
    /// `S`: the sessions screen.
    case sessions
    /// `T`: the ticket new diagnoses take.
    case ticket
    /// `y`: this code to the clipboard.
    case copy(String)
    /// `!`: flag this code (the shell asks for the note).
    case flag(CodeReference)
}

/// What the shell must do after a key on the browse screen.
public typealias BrowseOutcome = ChildOutcome<BrowseRequest>

extension BrowseModel {
    /// One key, to the panes, the search prompt or the find field.
    mutating func handle(_ key: Key) -> BrowseOutcome {
        message = nil
        docsLink = nil
        let outcome: BrowseOutcome
        switch input {
        case .panes: outcome = handleBrowseKey(key)
        case .search: outcome = handleSearchKey(key)
        case .find: outcome = handleFindKey(key)
        }
        settle()
        return outcome
    }

    /// A paste (`text`, its secrets already masked by the shell) is text for the field being typed in, as one
    /// line (newlines and tabs become spaces), inserted in one step and searched once however long it is; what
    /// does not fit is left out and the status line says so. A response pasted into the search is explained
    /// instead (`raw` to the paste box, whose Explainer masks it and lists what it masked). On the panes it is
    /// ignored: a paste never acts as keys.
    mutating func paste(_ text: String, raw: String? = nil) -> BrowseRequest? {
        var dropped = 0
        switch input {
        case .search where PasteBox.looksLikeResponse(text):
            // The search stays as it was (its query kept, no longer typed) under the paste box.
            input = .panes
            return .explainPaste(raw ?? text)
        case .search:
            searchHistory.stopBrowsing()
            var field = queryField
            dropped = field.insert(pasted: text)
            queryCursor = field.cursor
            if field.text != query {
                query = field.text
                refreshList()
            }
        case var .find(field):
            dropped = field.insert(pasted: text)
            input = .find(field)
        case .panes:
            break
        }
        settle()
        if dropped > 0 {
            // Short: it takes the place of the result count beside the query.
            message = "Paste cut to \(isTypingSearch ? Self.maximumQueryLength : findField?.limit ?? 0) chars"
        }
        return nil
    }

    /// True while the search prompt takes the keys.
    var isTypingSearch: Bool { if case .search = input { true } else { false } }

    /// Where search started, while typing a search.
    var searchOrigin: Location? { if case let .search(origin) = input { origin } else { nil } }

    /// The kind of input, as the shell's `mode` reports it.
    var inputMode: BrowserMode {
        switch input {
        case .panes: return .browse
        case .search: return .search
        case .find: return .find
        }
    }
}
