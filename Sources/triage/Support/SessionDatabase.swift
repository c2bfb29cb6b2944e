import Foundation
import TriageCore
import TriageStorage

/// Opening the sessions database named by `--db`, `TRIAGE_DB` or the default location.
enum SessionDatabase {
    /// The path, or nil when there is no home folder to put it in.
    static func path(_ global: GlobalOptions, environment: [String: String]) -> String? {
        TriagePaths.sessionsDatabase(option: global.database, environment: environment)
    }

    /// Opens the store, or says why not. Never throws: a diagnosis goes on without it.
    static func open(_ global: GlobalOptions, environment: [String: String]) -> (store: (any SessionStore)?, reason: String?) {
        open(path: path(global, environment: environment), environment: environment)
    }

    /// Opens the store at `path` (nil: there is no place for it), or says why not.
    static func open(path: String?, environment: [String: String]) -> (store: (any SessionStore)?, reason: String?) {
        guard let path else {
            return (nil, "no HOME, XDG_STATE_HOME or TRIAGE_DB to put the sessions database in; use --db PATH")
        }
        do {
            return (try SQLiteSessionStore(path: path, options: options(environment: environment)), nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    /// Opens the store for the `sessions` commands: on failure prints why and exits 2.
    static func require(_ global: GlobalOptions, environment: [String: String] = ProcessEnvironment.current)
        throws -> any SessionStore {
        let (store, reason) = open(global, environment: environment)
        guard let store else { throw TriageError(TerminalSafe.sanitize(reason ?? "no sessions database"), exitCode: 2) }
        return store
    }

    /// `TRIAGE_DB_MAX_PAGE_COUNT` (a test hook): caps the database's size, so a full disk can be tested.
    private static func options(environment: [String: String]) -> SQLiteSessionStore.Options {
        var options = SQLiteSessionStore.Options()
        options.maxPageCount = environment["TRIAGE_DB_MAX_PAGE_COUNT"].flatMap(Int.init)
        return options
    }

    /// The recorder for a diagnosis: saves into the store, or warns once on stderr that it cannot.
    static func recorder(_ global: GlobalOptions, catalog: Catalog, store: (any SessionStore)?, reason: String?,
                         continuing id: Int64? = nil, ticket: String?,
                         environment: [String: String]) -> SessionRecorder {
        let recorder = SessionRecorder(store: store, unavailableReason: reason, catalog: catalog,
                                       user: SessionDatabaseLocation.user(environment: environment), ticket: ticket,
                                       continuing: id) { message in
            Console.error("triage: \(TerminalSafe.sanitize(message))")
        }
        recorder.onSaved = { BackgroundSync.kick(store: store, environment: environment) }
        return recorder
    }

    /// Session `id` from a `sessions` command argument, or exit 1 when there is none.
    static func load(_ id: Int64, from store: any SessionStore) throws -> StoredSession {
        guard let stored = try attempt({ try store.load(id: id) }) else { throw missing(id) }
        return stored
    }

    /// Session `id` (or `--ticket`'s open one) of the database the options name, with its transcript (dated when
    /// it was last saved), for `sessions show` and `sessions export`.
    static func transcript(_ id: SessionID?, global: GlobalOptions) throws
        -> (stored: StoredSession, transcript: Transcript, catalog: Catalog) {
        let catalog = try global.loadCatalog()
        let stored = try SessionHandle.require(id, global: global, store: try require(global))
        return (stored, Transcript(session: stored.diagnosis, catalog: catalog, date: stored.updatedAt,
                                   context: TranscriptHeader.context(stored)), catalog)
    }

    /// "No session #id" (exit 1).
    static func missing(_ id: Int64) -> TriageError {
        TriageError("no session #\(id); see 'triage sessions list'", exitCode: 1)
    }

    /// Runs a store call for a command: a failure says why and exits 2.
    static func attempt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw TriageError(TerminalSafe.sanitize("\(error)"), exitCode: 2)
        }
    }
}
