import TerminalKit
import TriageCore

/// The sessions screen (`S`) as a plain value: the stored diagnoses as the store listed them, the filter typed
/// (ticket, user or tree), the "open only" toggle, the selection, and the question being asked (delete? which
/// outcome?). `handle(_:)` changes it and says what the browser must do (`SessionsRequest`); the store is
/// reached only through the browser's effects.
public struct SessionsScreen: Sendable {
    /// Every session the store listed, newest first (nil until the list arrives).
    public internal(set) var sessions: [StoredSession]?
    /// Why the store cannot be used, when it cannot.
    public internal(set) var unavailable: String?
    /// The filter: sessions whose ticket, user or tree contain it (any case).
    public internal(set) var filter = TextField()
    /// True while keys go to the filter (`/`).
    public internal(set) var isFiltering = false
    /// Only open sessions (Tab toggles).
    public internal(set) var openOnly: Bool
    /// What the next key answers.
    public internal(set) var question: Question?
    /// A one-off note for the status line.
    public internal(set) var message: String?
    var cursor = ListCursor()
    public internal(set) var width: Int
    public internal(set) var height: Int

    /// A question over the list.
    public enum Question: Hashable, Sendable {
        /// `x`: delete this session? `y` deletes.
        case delete(Int64)
        /// `o`: which outcome? 1 solved, 2 not solved, 3 escalated.
        case outcome(Int64)
    }

    public init(openOnly: Bool = false, width: Int = 80, height: Int = 24) {
        self.openOnly = openOnly
        self.width = width
        self.height = height
    }

    /// The filter the store is asked with: everything, however many (the screen filters as you type).
    static let storeFilter = SessionFilter()

    /// The sessions shown, in order.
    public var shown: [StoredSession] {
        let needle = filter.text.trimmingCharacters(in: .whitespaces).lowercased()
        return (sessions ?? []).filter { session in
            if openOnly, session.status != .open { return false }
            guard !needle.isEmpty else { return true }
            return [session.ticket ?? "", session.user, session.tree.rawValue].contains { $0.lowercased().contains(needle) }
        }
    }

    /// The selected session, if any.
    public var selected: StoredSession? { shown[safe: cursor.index] }

    /// Rows of the list (the screen minus the title, the header and the status line).
    var listHeight: Int { max(1, height - 4) }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        settle()
    }

    /// The store's list arrived.
    public mutating func listed(_ sessions: [StoredSession]) {
        let keep = selected?.id
        self.sessions = sessions
        unavailable = nil
        if let keep, let index = shown.firstIndex(where: { $0.id == keep }) { cursor.index = index }
        settle()
    }

    /// The store cannot be used.
    public mutating func failed(_ reason: String) {
        unavailable = reason
        if sessions == nil { sessions = [] }
        settle()
    }

    mutating func settle() {
        cursor.settle(count: shown.count, visible: listHeight)
    }
}

/// What only the sessions screen asks of the browser.
public enum SessionsScreenRequest: Hashable, Sendable {
    /// Open this stored diagnosis where it stopped.
    case resume(StoredSession)
    case delete(Int64)
    case setOutcome(SessionOutcome, id: Int64)
}

/// What the browser must do after the sessions screen handled a key.
public typealias SessionsRequest = ChildOutcome<SessionsScreenRequest>
