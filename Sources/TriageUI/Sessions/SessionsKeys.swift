import TerminalKit
import TriageCore

/// What a key does on the sessions screen.
enum SessionsAction: Hashable, Sendable {
    case up, down, pageUp, pageDown, first, last, resume, delete, outcome, filter, openOnly, close, quit
    case leaveFilter, clearFilter, help
    /// Answers to a question: `y` deletes, 1-3 set that outcome, anything else keeps things as they are.
    case confirmDelete, setOutcome(SessionOutcome)
}

/// The sessions screen's keys: move, Enter resumes, `x`/Delete deletes (after `y`), `o` sets the outcome,
/// `/` types a filter, Tab toggles open only, Esc/`q` back to the browser.
extension SessionsScreen {
    static let keys = KeyMap<SessionsScreen, SessionsAction>([
        .init("Sessions", [
            .init("Up Down  k j", "Select a session", [([.up, .character("k")], .up), ([.down, .character("j")], .down),
                                                       ([.pageUp], .pageUp), ([.pageDown], .pageDown),
                                                       ([.home, .character("g")], .first), ([.end, .character("G")], .last)]),
            .init("Enter", "Resume the selected diagnosis where it stopped", [([.enter, .right, .character("l")], .resume)],
                  hints: [.init("Enter", order: 0, priority: 0) { $0.selected == nil ? nil : "resume" }]),
            .init("/", "Filter by ticket, user or tree (Enter or Esc ends typing)", [([.character("/")], .filter)],
                  hints: [.init("/", "filter", order: 1, priority: 2)]),
            .init("Tab", "Open sessions only / every session", [([.tab, .backTab], .openOnly)],
                  hints: [.init("Tab", order: 2, priority: 3) { $0.openOnly ? "all" : "open only" }]),
            .init("o", "Outcome of the selected one: 1 solved, 2 not solved, 3 escalated", [([.character("o")], .outcome)],
                  hints: [.init("o", order: 3, priority: 4) { $0.selected == nil ? nil : "outcome" }]),
            .init("x  Delete", "Delete the selected one (y confirms)", [([.character("x"), .delete], .delete)],
                  hints: [.init("x", order: 4, priority: 5) { $0.selected == nil ? nil : "delete" }]),
            .init("Esc  q", "Back to the browser", [([.escape, .character("q"), .character("S")], .close)],
                  hints: [.init("Esc", "back", order: 5, priority: 1)]),
            .init("?  F1", "This help; any other key closes it", [([.character("?"), .function(1)], .help)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// The filter field's keys: letters are text.
    static let filterKeys = KeyMap<SessionsScreen, SessionsAction>([
        .init("Filter", [
            .init(nil, "End typing", [([.enter, .escape, .tab], .leaveFilter)],
                  hints: [.init("Enter", "done", order: 0, priority: 0)]),
            .init(nil, "Clear the filter", [([.control("u")], .clearFilter)],
                  hints: [.init("Ctrl-U", "clear", order: 1, priority: 1)]),
            .init(nil, "Select", [([.up], .up), ([.down], .down)]),
        ]),
    ])

    /// "Delete session #N?": `y` deletes it, any other key keeps it.
    static let deleteKeys = KeyMap<SessionsScreen, SessionsAction>([
        .init("Delete?", [
            .init("y", "Delete the session", [([.character("y")], .confirmDelete)],
                  hints: [.init("y", "delete", order: 0, priority: 0)]),
            .init(nil, "Any other key keeps it", hints: [.init("Esc", "keep", order: 1, priority: 1)]),
        ]),
    ])

    /// "Which outcome?": 1 solved, 2 not solved, 3 escalated; any other key changes nothing.
    static let outcomeKeys = KeyMap<SessionsScreen, SessionsAction>([
        .init("Outcome?", [
            .init("1 2 3", "Solved / not solved / escalated",
                  [([.character("1")], .setOutcome(.solved)), ([.character("2")], .setOutcome(.notSolved)),
                   ([.character("3")], .setOutcome(.escalated))],
                  hints: [.init("1 2 3", "solved / not / escalated", order: 0, priority: 0)]),
            .init(nil, "Any other key changes nothing", hints: [.init("Esc", "keep", order: 1, priority: 1)]),
        ]),
    ])

    /// Keys that work the same while filtering and at a question.
    static let anywhereKeys = KeyMap<SessionsScreen, SessionsAction>([
        .init("Sessions", [.init(nil, "Quit", [([.control("c")], .quit)])]),
    ])

    /// The table the next key goes to.
    var activeKeys: KeyMap<SessionsScreen, SessionsAction> {
        switch question {
        case .delete?: return Self.deleteKeys
        case .outcome?: return Self.outcomeKeys
        case nil: return isFiltering ? Self.filterKeys : Self.keys
        }
    }

    /// One key. Returns what the browser must do.
    public mutating func handle(_ key: Key) -> SessionsRequest {
        if Self.anywhereKeys.action(for: key) == .quit { return .quit }
        message = nil
        if let question {
            let action = activeKeys.action(for: key)
            self.question = nil
            return answer(question, with: action)
        }
        if isFiltering {
            switch Self.filterKeys.action(for: key) {
            case .leaveFilter?: isFiltering = false
            case .clearFilter?: filter = TextField()
            case .up?: move(by: -1)
            case .down?: move(by: 1)
            default: _ = filter.edit(key)
            }
            cursor.index = 0
            settle()
            return .stay
        }
        switch Self.keys.action(for: key) {
        case .up?: move(by: -1)
        case .down?: move(by: 1)
        case .pageUp?: move(by: -max(1, listHeight - 1))
        case .pageDown?: move(by: max(1, listHeight - 1))
        case .first?: move(by: -shown.count)
        case .last?: move(by: shown.count)
        case .resume?:
            guard let selected else {
                message = "No session selected"
                return .stay
            }
            if selected.problem != nil {
                message = "Session #\(selected.id) cannot be read (its saved state is damaged); x deletes it"
                return .stay
            }
            return .request(.resume(selected))
        case .filter?: isFiltering = true
        case .openOnly?:
            openOnly.toggle()
            cursor.index = 0
            message = openOnly ? "Open sessions only" : "Every session"
        case .outcome?:
            guard let selected else { return .stay }
            question = .outcome(selected.id)
        case .delete?:
            guard let selected else { return .stay }
            question = .delete(selected.id)
        case .close?: return .close
        case .quit?: return .quit
        case .help?: return .help
        default: break
        }
        settle()
        return .stay
    }

    private mutating func answer(_ question: Question, with action: SessionsAction?) -> SessionsRequest {
        switch (question, action) {
        case let (.delete(id), .confirmDelete?):
            return .request(.delete(id))
        case let (.delete(id), _):
            message = "Session #\(id) not deleted"
        case let (.outcome(id), .setOutcome(outcome)?):
            return .request(.setOutcome(outcome, id: id))
        case (.outcome, _):
            message = "Outcome not changed"
        }
        return .stay
    }

    mutating func move(by delta: Int) {
        cursor.move(by: delta, count: shown.count, visible: listHeight)
    }

    /// The store deleted session `id`.
    public mutating func deleted(_ id: Int64) {
        sessions?.removeAll { $0.id == id }
        message = "Deleted session #\(id)"
        settle()
    }

    /// The store set the outcome of session `id`.
    public mutating func outcomeSet(_ outcome: SessionOutcome, id: Int64) {
        if let index = sessions?.firstIndex(where: { $0.id == id }) { sessions?[index].outcome = outcome }
        message = "Session #\(id): \(outcome.label)"
    }
}
