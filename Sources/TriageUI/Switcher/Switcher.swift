import Foundation
import TerminalKit
import TriageCore

/// The open diagnoses to switch between (`Ctrl-O` from anywhere, as tmux's `choose-tree` or k9s's context list):
/// most recent first, each with its ticket, session, start code, tree, the question it waits at and why it is
/// paused. Typing filters (every word in any of those); Enter resumes the selected one exactly where it stopped,
/// and the diagnosis left behind stays as it was stored.
public struct Switcher: Sendable {
    /// The row of one open diagnosis, as the list shows it.
    public struct Row: Hashable, Sendable {
        public var session: StoredSession
        /// The question it waits at (or the conclusion it reached).
        public var waitsAt: String
        /// "5m", "2h", "3d" since its last step.
        public var age: String
    }

    /// Every open diagnosis the store listed (nil until the list arrives).
    public internal(set) var rows: [Row]?
    /// Why the store cannot be used, when it cannot.
    public internal(set) var unavailable: String?
    /// What was typed to filter the list.
    public internal(set) var filter = TextField(limit: 100)
    public internal(set) var message: String?
    public internal(set) var width: Int
    public internal(set) var height: Int
    var cursor = ListCursor()
    /// The list shown: this host's open diagnoses, or the team's (`Tab`).
    public internal(set) var tab = Tab.open
    /// The team store's open sessions (nil until they arrive), when the age was measured, and why they cannot
    /// be listed.
    public internal(set) var team: [TeamRow]?
    var teamNow = Date(timeIntervalSince1970: 0)
    public internal(set) var teamUnavailable: String?

    public init(width: Int = 80, height: Int = 24) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// What the store is asked for: the open diagnoses, newest first.
    static let storeFilter = SessionFilter(status: .open, limit: 500)

    /// The rows shown (those matching the filter), in order.
    public var shown: [Row] {
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return rows ?? [] }
        return (rows ?? []).filter { row in
            let session = row.session
            let haystack = [session.ticket ?? "", "#\(session.id)", session.startCode ?? "", session.tree.rawValue,
                            row.waitsAt, session.pausedReason ?? "", session.user].joined(separator: " ").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// The selected row, if any.
    public var selected: Row? { tab == .open ? shown[safe: cursor.index] : nil }

    /// Rows of the list inside the box.
    var visibleRows: Int { max(1, SwitcherBox(width: width, height: height, rows: shownCount).listRows) }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cursor.settle(count: shownCount, visible: visibleRows)
    }

    /// The store's list arrived: each session with where it waits, against `catalog`, and its age at `now`.
    mutating func listed(_ sessions: [StoredSession], catalog: Catalog, now: Date) {
        // A session whose saved state cannot be read cannot be switched to (the sessions screen lists it).
        rows = sessions.filter { $0.problem == nil }.sorted { $0.updatedAt > $1.updatedAt }.map { session in
            let waitsAt = session.conclusion?.title
                ?? session.diagnosis.current(in: catalog)?.prompt
                ?? "node \(session.diagnosis.currentNode) (not in this catalog)"
            return Row(session: session, waitsAt: TerminalSafe.sanitize(waitsAt.oneLine, keepNewlines: false), age: Self.age(now.timeIntervalSince(session.updatedAt)))
        }
        unavailable = nil
        guard tab == .open else { return }
        cursor = ListCursor()
        cursor.settle(count: shownCount, visible: visibleRows)
    }

    /// The store cannot be used.
    mutating func failed(_ reason: String) {
        unavailable = reason
        if rows == nil { rows = [] }
    }

    /// "now", "5m", "2h", "3d": the age of a step, as a list shows it.
    static func age(_ seconds: TimeInterval) -> String {
        let minutes = Int(max(0, seconds) / 60)
        if minutes < 1 { return "now" }
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 48 * 60 { return "\(minutes / 60)h" }
        return "\(minutes / (24 * 60))d"
    }
}

/// What the switcher answers the browser: resume a stored diagnosis, list or take over the team's.
public typealias SwitcherOutcome = ChildOutcome<SwitcherRequest>
