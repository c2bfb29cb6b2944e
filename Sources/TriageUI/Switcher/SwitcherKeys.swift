import TerminalKit
import TriageCore

/// What a key does in the switcher.
enum SwitcherAction: Hashable, Sendable {
    case up, down, pageUp, pageDown, first, last, resume, edit, close, help, quit, switchTab
}

/// The switcher's keys: printable keys filter (as in fzf), arrows select, Enter resumes, Esc clears the filter
/// and then closes.
extension Switcher {
    static let keys = KeyMap<Switcher, SwitcherAction>([
        .init("Open diagnoses", [
            .init("letters", "Filter by ticket, session, code, tree, question or paused reason"),
            .init("Up Down  Ctrl-P Ctrl-N", "Select an open diagnosis",
                  [([.up, .control("p")], .up), ([.down, .control("n")], .down), ([.pageUp], .pageUp),
                   ([.pageDown], .pageDown), ([.home], .first), ([.end], .last)]),
            .init("Enter", "Resume it exactly where it stopped (the one left behind stays stored); on the team tab, take over the teammate's session and continue it here",
                  [([.enter], .resume)],
                  hints: [.init("Enter", order: 0, priority: 0) {
                      $0.selected != nil ? "resume" : $0.selectedTeamRow != nil ? "take over" : nil
                  }]),
            .init("Tab", "This host's open diagnoses / the team's, from the team store", [([.tab], .switchTab)],
                  hints: [.init("Tab", order: 2, priority: 2) { $0.tab == .open ? "team" : "this host" }]),
            .init("Backspace  Ctrl-U", "Edit / clear the filter", [([.backspace, .control("u"), .control("w")], .edit)]),
            .init("Esc", "Clear the filter, then close", [([.escape], .close)],
                  hints: [.init("Esc", order: 1, priority: 1) { $0.filter.text.isEmpty ? "close" : "clear filter" }]),
            .init("F1", "This help", [([.function(1)], .help)]),
            .init("Ctrl-C", "Quit Triage", [([.control("c")], .quit)]),
        ]),
    ])

    /// One key. Returns what the browser must do.
    public mutating func handle(_ key: Key) -> SwitcherOutcome {
        message = nil
        let visible = visibleRows
        let count = shownCount
        switch Self.keys.action(for: key) {
        case .quit?: return .quit
        case .help?: return .help
        case .close?:
            guard filter.text.isEmpty else {
                filter = TextField(limit: filter.limit)
                cursor = ListCursor()
                return .stay
            }
            return .close
        case .up?: cursor.move(by: -1, count: count, visible: visible)
        case .down?: cursor.move(by: 1, count: count, visible: visible)
        case .pageUp?: cursor.move(by: -max(1, visible - 1), count: count, visible: visible)
        case .pageDown?: cursor.move(by: max(1, visible - 1), count: count, visible: visible)
        case .first?: cursor.move(to: 0, count: count, visible: visible)
        case .last?: cursor.move(to: count - 1, count: count, visible: visible)
        case .switchTab?: return switchTab()
        case .resume?:
            if tab == .team {
                guard let row = selectedTeamRow else {
                    message = teamUnavailable.map { "team: offline (\($0))" } ?? "No open session in the team store"
                    return .stay
                }
                return .request(.takeOver(row))
            }
            guard let selected else {
                message = rows?.isEmpty == false ? "No open diagnosis matches the filter" : "No open diagnosis"
                return .stay
            }
            return .request(.resume(selected.session))
        case .edit?: editFilter(key)
        case nil: if case .character = key { editFilter(key) }
        }
        return .stay
    }

    /// Types into the filter; the selection goes back to the first match.
    private mutating func editFilter(_ key: Key) {
        let before = filter.text
        guard filter.edit(key), filter.text != before else { return }
        cursor = ListCursor()
        cursor.settle(count: shownCount, visible: visibleRows)
    }
}
