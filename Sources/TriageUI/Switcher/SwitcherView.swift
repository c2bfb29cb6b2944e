import TerminalKit
import TriageCore

/// Where the switcher's box goes: centred over the screen, as wide as useful, as tall as its rows need (the
/// status line stays visible).
struct SwitcherBox {
    let frame: Rect
    let listRows: Int

    init(width: Int, height: Int, rows: Int) {
        let boxWidth = min(max(0, width - 2), 120)
        let available = max(0, height - 1 - 2)
        listRows = max(1, min(max(1, rows), available))
        let boxHeight = min(max(0, height - 1), listRows + 2)
        frame = Rect(x: (width - boxWidth) / 2, y: max(0, (height - 1 - boxHeight) / 2), width: boxWidth, height: boxHeight)
    }
}

extension Switcher {
    /// Draws the switcher as a box over the area (the whole terminal); the last row (the status line) is left
    /// alone.
    public func draw(into screen: inout Buffer, width: Int, height: Int, context: RenderContext) {
        let glyphs = BoxGlyphs.forContext(context)
        if tab == .team { return drawTeam(into: &screen, width: width, height: height, glyphs: glyphs) }
        let shown = self.shown
        let box = SwitcherBox(width: width, height: height, rows: shown.count)
        guard box.frame.width >= 12, box.frame.height >= 3 else { return }
        let count = filter.text.isEmpty ? "\(shown.count)" : "\(shown.count)/\(rows?.count ?? 0)"
        let footer = message ?? (filter.text.isEmpty ? "Type to filter  Enter resume  Esc close"
            : "Filter: \(TerminalSafe.sanitize(filter.text, keepNewlines: false))  Esc clear")
        let inside = Modal.draw(into: &screen, frame: box.frame, title: "Open diagnoses (\(count))",
                                titleStyle: Theme.focusedTitle, footer: footer,
                                footerStyle: message == nil ? Theme.dim : Theme.message, border: Theme.border, glyphs: glyphs)
        if let unavailable {
            screen.draw(StyledLine("Sessions are not available: \(unavailable)", Theme.warning), x: inside.x + 1,
                        y: inside.y, width: max(0, inside.width - 2), ellipsis: glyphs.ellipsis)
            return
        }
        guard let rows else {
            screen.draw(StyledLine("Loading" + glyphs.ellipsis, Theme.dim), x: inside.x + 1, y: inside.y,
                        width: max(0, inside.width - 2))
            return
        }
        if shown.isEmpty {
            let text = rows.isEmpty ? "No open diagnosis: d diagnoses a code, t lists every tree"
                : "No open diagnosis matches; Esc clears the filter"
            screen.draw(StyledLine(text, Theme.dim), x: inside.x + 1, y: inside.y, width: max(0, inside.width - 2),
                        ellipsis: glyphs.ellipsis)
            return
        }
        let ticketWidth = min(16, shown.map { DisplayWidth.of(TerminalSafe.sanitize($0.session.ticket ?? "-", keepNewlines: false)) }.max() ?? 1)
        ListView.draw(into: &screen, rect: Rect(x: inside.x, y: inside.y, width: inside.width, height: box.listRows),
                      cursor: cursor, count: shown.count, focused: true, ellipsis: glyphs.ellipsis) { index, selected in
            Self.line(shown[index], ticketWidth: ticketWidth, width: inside.width, selected: selected, glyphs: glyphs)
        }
    }

    /// The team tab: the team store's open sessions, `offline` said plainly when it cannot be reached.
    private func drawTeam(into screen: inout Buffer, width: Int, height: Int, glyphs: BoxGlyphs) {
        let shown = teamShown
        let box = SwitcherBox(width: width, height: height, rows: shown.count)
        guard box.frame.width >= 12, box.frame.height >= 3 else { return }
        let count = filter.text.isEmpty ? "\(shown.count)" : "\(shown.count)/\(team?.count ?? 0)"
        let footer = message ?? (filter.text.isEmpty ? "Type to filter  Enter take over  Tab this host  Esc close"
            : "Filter: \(TerminalSafe.sanitize(filter.text, keepNewlines: false))  Esc clear")
        let inside = Modal.draw(into: &screen, frame: box.frame, title: "Team's open sessions (\(count))",
                                titleStyle: Theme.focusedTitle, footer: footer,
                                footerStyle: message == nil ? Theme.dim : Theme.message, border: Theme.border, glyphs: glyphs)
        let room = max(0, inside.width - 2)
        if let teamUnavailable {
            screen.draw(StyledLine("team: offline (\(TerminalSafe.sanitize(teamUnavailable, keepNewlines: false)))", Theme.warning),
                        x: inside.x + 1, y: inside.y, width: room, ellipsis: glyphs.ellipsis)
            return
        }
        guard let team else {
            screen.draw(StyledLine("Loading from the team store" + glyphs.ellipsis, Theme.dim), x: inside.x + 1, y: inside.y, width: room)
            return
        }
        if shown.isEmpty {
            let text = team.isEmpty ? "No open session in the team store" : "No team session matches; Esc clears the filter"
            screen.draw(StyledLine(text, Theme.dim), x: inside.x + 1, y: inside.y, width: room, ellipsis: glyphs.ellipsis)
            return
        }
        let ticketWidth = min(16, shown.map { DisplayWidth.of(TerminalSafe.sanitize($0.ticket ?? "-", keepNewlines: false)) }.max() ?? 1)
        let now = teamNow
        ListView.draw(into: &screen, rect: Rect(x: inside.x, y: inside.y, width: inside.width, height: box.listRows),
                      cursor: cursor, count: shown.count, focused: true, ellipsis: glyphs.ellipsis) { index, selected in
            Self.teamLine(shown[index], now: now, ticketWidth: ticketWidth, width: inside.width, selected: selected, glyphs: glyphs)
        }
    }

    /// `▸ZD-4711  #12  INSTALL_DELETED  sentiance-wrong-environment  paused: logs  Which app id ...  5m`: the
    /// ticket, session and code never cut,
    /// the age on the right, the paused reason and the question in what is left.
    static func line(_ row: Row, ticketWidth: Int, width: Int, selected: Bool, glyphs: BoxGlyphs) -> StyledLine {
        let session = row.session
        var line = StyledLine(selected ? glyphs.marker : " ", Theme.key)
        line = line + StyledLine(session.ticket ?? "-", Theme.title).fitted(to: ticketWidth, ellipsis: glyphs.ellipsis)
        line.append("  #\(session.id)", Theme.key)
        if let code = session.startCode.map({ $0.split(separator: ":").last.map(String.init) ?? $0 }) {
            line.append("  " + TerminalSafe.sanitize(code, keepNewlines: false), Theme.code)
        }
        line = line + StyledLine("  " + session.tree.rawValue, Theme.dim).fitted(to: 2 + min(28, session.tree.rawValue.count),
                                                                                 ellipsis: glyphs.ellipsis)
        let age = " " + row.age
        // Why it waits comes before where: the reason is what the next shift needs first.
        var rest = StyledLine()
        if let reason = session.pausedReason {
            rest.append("  paused: " + TerminalSafe.sanitize(reason, keepNewlines: false), Theme.notice)
        }
        rest.append("  " + row.waitsAt)
        let room = max(0, width - line.width - DisplayWidth.of(age) - 1)
        line = line + rest.fitted(to: room, ellipsis: glyphs.ellipsis)
        line.append(age, Theme.dim)
        return line
    }
}
