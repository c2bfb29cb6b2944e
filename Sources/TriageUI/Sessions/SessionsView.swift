import Foundation
import TerminalKit
import TriageCore

/// The columns of the sessions list for a width: ticket, user, tree, status, outcome, updated; the tree takes
/// what is left.
struct SessionsLayout {
    let id = 6, ticket: Int, user: Int, tree: Int, status = 9, outcome = 11, updated = 17

    init(width: Int) {
        let room = max(0, width - 2)
        ticket = room >= 90 ? 14 : 10
        user = room >= 90 ? 10 : 8
        let fixed = id + ticket + user + status + outcome + updated + 6
        tree = max(4, room - fixed)
    }

    func row(_ cells: [String], ellipsis: String) -> String {
        let widths = [id, ticket, user, tree, status, outcome, updated]
        return zip(cells, widths).map { cell, width in
            StyledLine(cell).fitted(to: width, ellipsis: ellipsis).plain
        }.joined(separator: " ")
    }
}

extension SessionsScreen {
    /// Draws the screen over the whole area: title, column header, the sessions, the status line.
    public func draw(into screen: inout Buffer, x: Int, y: Int, width: Int, height: Int, context: RenderContext) {
        var state = self
        if state.width != width || state.height != height { state.resize(width: width, height: height) }
        let glyphs = BoxGlyphs.forContext(context)
        screen.fill(x: x, y: y, width: width, height: height)
        guard width > 10, height > 3 else { return }
        let count = state.sessions.map { _ in " (\(state.shown.count) of \(state.sessions?.count ?? 0))" } ?? ""
        var title = StyledLine(" Diagnosis sessions\(count)", Theme.title)
        if state.openOnly { title.append("  open only", Theme.notice) }
        if !state.filter.text.isEmpty || state.isFiltering {
            title.append("  filter: ", Theme.dim)
            title.append(state.filter.text, Theme.searchPrompt)
        }
        let used = screen.draw(title, x: x, y: y, width: width, ellipsis: glyphs.ellipsis)
        if state.isFiltering { screen.cursor = (x: x + min(used, width - 1), y: y) }
        let layout = SessionsLayout(width: width)
        let header = layout.row(["#", "ticket", "user", "tree", "status", "outcome", "updated"], ellipsis: glyphs.ellipsis)
        screen.draw(StyledLine(" " + header, Theme.heading), x: x, y: y + 1, width: width, ellipsis: glyphs.ellipsis)
        let top = y + 2
        if let reason = state.unavailable {
            screen.draw(StyledLine(" Sessions are not available: \(reason)", Theme.warning), x: x, y: top,
                        width: width, ellipsis: glyphs.ellipsis)
        } else if state.sessions == nil {
            screen.draw(StyledLine(" Loading\(glyphs.ellipsis)", Theme.dim), x: x, y: top, width: width)
        } else if state.shown.isEmpty {
            let text = state.sessions?.isEmpty == true ? " No diagnosis sessions yet: d diagnoses a code, t lists every tree"
                : " No session matches; Ctrl-U in the filter clears it, Tab shows every session"
            screen.draw(StyledLine(text, Theme.dim), x: x, y: top, width: width, ellipsis: glyphs.ellipsis)
        }
        let shown = state.shown
        ListView.draw(into: &screen, rect: Rect(x: x, y: top, width: width, height: state.listHeight),
                      cursor: state.cursor, count: shown.count, focused: true, ellipsis: glyphs.ellipsis) { index, selected in
            let session = shown[index]
            let cells = session.problem.map { problem in
                ["#\(session.id)", session.ticket ?? "-", session.user, session.tree.rawValue, "damaged", "-", problem]
            } ?? ["#\(session.id)", session.ticket ?? "-", session.user, session.tree.rawValue, session.status.rawValue,
                  session.outcome?.label ?? "-", Self.time(session.updatedAt)]
            let text = (selected ? glyphs.marker : " ") + layout.row(cells, ellipsis: glyphs.ellipsis)
            return StyledLine(text, session.status == .open ? Style.plain : Theme.dim)
        }
        state.drawStatus(into: &screen, x: x, y: y + height - 1, width: width, glyphs: glyphs)
    }

    private func drawStatus(into screen: inout Buffer, x: Int, y: Int, width: Int, glyphs: BoxGlyphs) {
        let left: StyledLine
        switch question {
        case let .delete(id)?: left = StyledLine("Delete session #\(id)? y deletes, any other key keeps it", Theme.warning)
        case let .outcome(id)?:
            left = StyledLine("Outcome of session #\(id): 1 solved, 2 not solved, 3 escalated, Esc cancels", Theme.message)
        case nil: left = StyledLine(message ?? "", Theme.message)
        }
        let keys = question == nil ? StatusBar.hints(activeKeys, for: self, keyStyle: Theme.key) : []
        let room = StatusBar.draw(into: &screen, x: x, y: y, width: width, hints: keys, budget: width - 4 - left.width,
                                  ellipsis: glyphs.ellipsis)
        screen.draw(left, x: room.x, y: y, width: room.width, ellipsis: glyphs.ellipsis)
    }

    /// "2026-12-02 03:10Z".
    static func time(_ date: Date) -> String { UTCTime.short(date) }
}
