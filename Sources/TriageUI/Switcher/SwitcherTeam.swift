import Foundation
import TerminalKit
import TriageCore

/// The switcher's team tab (`Tab`): the team store's open sessions, every host's, loaded by an effect the runner
/// performs off the UI thread (`BrowserEffect.team(.list)`), the result arriving as a message. `Enter` on a
/// teammate's session takes it over as `triage sessions resume --ticket T --team` does.
extension Switcher {
    /// Which list the switcher shows.
    public enum Tab: Hashable, Sendable {
        /// This host's open diagnoses.
        case open
        /// The team store's open sessions.
        case team
    }

    /// One of the team's open sessions, as the team tab lists it.
    public struct TeamRow: Hashable, Sendable {
        /// The shared id (the same on every host).
        public var session: String
        public var ticket: String?
        public var tree: String
        /// Who took its last step.
        public var engineer: String
        /// The host of its last step.
        public var host: String
        public var updatedAt: Date
        public var pausedReason: String?

        public init(session: String, ticket: String?, tree: String, engineer: String, host: String, updatedAt: Date,
                    pausedReason: String? = nil) {
            self.session = session
            self.ticket = ticket
            self.tree = tree
            self.engineer = engineer
            self.host = host
            self.updatedAt = updatedAt
            self.pausedReason = pausedReason
        }

        /// What the filter searches.
        var haystack: String {
            [ticket ?? "", tree, engineer, host, pausedReason ?? ""].joined(separator: " ").lowercased()
        }
    }

    /// The team rows shown (those matching the filter), most recent first.
    public var teamShown: [TeamRow] {
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        return (team ?? []).filter { row in words.allSatisfy { row.haystack.contains($0) } }
    }

    /// The selected team row, if any.
    public var selectedTeamRow: TeamRow? { tab == .team ? teamShown[safe: cursor.index] : nil }

    /// How many rows the current tab shows.
    var shownCount: Int { tab == .open ? shown.count : teamShown.count }

    /// The team store's list arrived (`now` for the ages).
    mutating func teamListed(_ rows: [TeamRow], now: Date) {
        team = rows.sorted { $0.updatedAt > $1.updatedAt }
        teamNow = now
        teamUnavailable = nil
        if tab == .team {
            cursor = ListCursor()
            cursor.settle(count: shownCount, visible: visibleRows)
        }
    }

    /// The team store cannot be reached (or none is configured): said plainly in the tab.
    mutating func teamFailed(_ reason: String) {
        teamUnavailable = reason
        if team == nil { team = [] }
    }

    /// A take-over is under way, or failed: the footer says so.
    mutating func say(_ text: String) { message = text }

    /// `Tab`: the other list; the team's is asked for again each time it is shown.
    mutating func switchTab() -> SwitcherOutcome {
        cursor = ListCursor()
        if tab == .open {
            tab = .team
            team = nil
            teamUnavailable = nil
            return .request(.loadTeam)
        }
        tab = .open
        cursor.settle(count: shownCount, visible: visibleRows)
        return .stay
    }

    /// `ZD-4711  sentori-lists  bob@web-3  paused: logs  5m`: the ticket never cut, the age on the right.
    static func teamLine(_ row: TeamRow, now: Date, ticketWidth: Int, width: Int, selected: Bool, glyphs: BoxGlyphs) -> StyledLine {
        let clean = { (text: String) in TerminalSafe.sanitize(text, keepNewlines: false) }
        var line = StyledLine(selected ? glyphs.marker : " ", Theme.key)
        line = line + StyledLine(clean(row.ticket ?? "-"), Theme.title).fitted(to: ticketWidth, ellipsis: glyphs.ellipsis)
        var rest = StyledLine("  " + clean(row.tree), Theme.dim)
        rest.append("  " + clean(row.engineer) + "@" + clean(row.host), Theme.key)
        if let reason = row.pausedReason { rest.append("  paused: " + clean(reason), Theme.notice) }
        let age = " " + age(now.timeIntervalSince(row.updatedAt))
        let room = max(0, width - line.width - DisplayWidth.of(age) - 1)
        line = line + rest.fitted(to: room, ellipsis: glyphs.ellipsis)
        line.append(age, Theme.dim)
        return line
    }
}

/// What only the switcher asks of the browser.
public enum SwitcherRequest: Hashable, Sendable {
    /// Resume this stored diagnosis.
    case resume(StoredSession)
    /// List the team store's open sessions (the team tab).
    case loadTeam
    /// Take over a teammate's session from the team store, then resume it here.
    case takeOver(Switcher.TeamRow)
}

/// The team store's work for the switcher, performed by the runner off the UI thread.
public enum SwitcherTeamRequest: Hashable, Sendable {
    /// The team's open sessions.
    case list
    /// Pull the session with this shared id, keep it here (a `claimed` event), and give it back.
    case takeOver(session: String, ticket: String?)
}

/// What the team store's work gave (an answer, or a message when it finished off the UI thread).
public enum SwitcherTeamResult: Hashable, Sendable {
    /// Under way: the result follows as a message.
    case pending
    case listed([Switcher.TeamRow])
    /// The team store cannot be reached, or none is configured: why, in one line.
    case unavailable(String)
    /// The session, now stored here: resumed at once.
    case takenOver(StoredSession)
    case notTakenOver(String)
}
