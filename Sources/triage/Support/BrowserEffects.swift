import Foundation
import TerminalKit
import TriageCore
import TriageTerminal
import TriageRuntime
import TriageUI

/// The sessions database as the full screen uses it: the store (or why there is none), who is diagnosing, the
/// ticket new diagnoses take, and the stored session the first diagnosis continues. The store is opened when
/// first asked for (a session listed or written, the first search's learned pairings), never before the first
/// frame.
struct SessionAccess: Sendable {
    private let opener: LazySessionStore
    var user: String
    var ticket: String?
    var continuing: Int64?
    /// Where the database is (or will be created), when known and not yet opened.
    let databasePath: String?

    /// The store, opened now if it was not yet; nil when it cannot be (`reason` says why).
    var store: (any SessionStore)? { opener.value.store }
    /// Why there is no store.
    var reason: String? { opener.value.reason }
    /// Whether the store was opened.
    var isOpen: Bool { opener.isOpen }

    /// The pairings search learned, for the first search: read from the database when it exists, else none yet
    /// (learning is on by default; the first choice remembered creates the file). Nil when learning is off or
    /// the database cannot be read.
    func searchMemory() -> SearchMemory? {
        if hasNoDatabaseYet { return SearchMemory() }
        return SearchLearning.memory(store)
    }

    /// True while the database file does not exist and was not opened: reading it would only create it empty.
    var hasNoDatabaseYet: Bool {
        !isOpen && databasePath.map { !FileManager.default.fileExists(atPath: $0) } == true
    }

    /// The recorder's store, user, ticket and id (a diagnosis started from the command line).
    init(_ recorder: SessionRecorder) {
        opener = LazySessionStore(opened: (recorder.store, recorder.store == nil ? "no sessions database" : nil))
        databasePath = nil
        user = recorder.user
        ticket = recorder.ticket
        continuing = recorder.id
    }

    /// The database at `path` (nil: no place for one), opened when first needed.
    init(user: String, ticket: String?, path: String?, environment: [String: String]) {
        opener = LazySessionStore { SessionDatabase.open(path: path, environment: environment) }
        databasePath = path
        self.user = user
        self.ticket = ticket
    }
}

/// Opens the sessions database once, on first use, from whichever thread asks first.
final class LazySessionStore: @unchecked Sendable {
    private let lock = NSLock()
    private let open: @Sendable () -> (store: (any SessionStore)?, reason: String?)
    private var opened: (store: (any SessionStore)?, reason: String?)?

    init(_ open: @escaping @Sendable () -> (store: (any SessionStore)?, reason: String?)) { self.open = open }

    /// One that is already open (a diagnosis's recorder opened it).
    init(opened: (store: (any SessionStore)?, reason: String?)) {
        open = { opened }
        self.opened = opened
    }

    var value: (store: (any SessionStore)?, reason: String?) {
        lock.withLock {
            if let opened { return opened }
            let now = open()
            opened = now
            return now
        }
    }

    var isOpen: Bool { lock.withLock { opened != nil } }
}

/// Performs the browser's effects for the command line: transcripts with the saver, sessions with the store,
/// copies with OSC 52 written to the terminal.
struct BrowserEffects {
    let sessions: SessionAccess?
    let catalog: Catalog
    let transcripts: TranscriptSaver?
    let memory: MemorySaver?
    let environment: [String: String]
    /// Where work done off the UI thread posts its result (the switcher's team tab).
    var mailbox: Mailbox<BrowserMessage>?
    /// Makes the search index ahead (`.prepareSearch`); without one, the first search makes it.
    var searchIndexPrefetch: SearchIndexPrefetch?

    func perform(_ effect: BrowserEffect) -> BrowserAnswer {
        switch effect {
        case let .team(request):
            return TeamSwitcherEffects(store: sessions?.store, user: sessions?.user ?? "unknown", environment: environment,
                                       mailbox: mailbox).perform(request)
        case .saveTranscript, .saveMemory: return effect.perform(transcripts: transcripts, memory: memory)
        case .prepareSearch:
            searchIndexPrefetch?.start(for: catalog)
            return .searchPreparing
        case let .copy(clip): return savingTranscript(clip.text, answer: Clipboard.copy(clip, environment: environment))
        case .listSessions where sessions?.hasNoDatabaseYet == true:
            return .sessionsListed([])  // nothing stored yet: the file is created by the first write, not by a list
        case .listSessions, .saveSession, .deleteSession, .setOutcome, .setTicket, .pauseSession, .flag, .rememberSearch:
            let performer = SessionEffects(store: sessions?.store, unavailableReason: sessions?.reason,
                                           catalog: catalog, user: sessions?.user ?? "unknown")
            let answer = performer.perform(effect) ?? .sessionsUnavailable(reason: "not a sessions effect")
            if case .sessionSaved = answer { BackgroundSync.kick(store: sessions?.store, environment: environment) }
            return answer
        }
    }
}

extension BrowserEffects {
    /// A transcript that could not be copied is saved into the transcripts folder instead, and the answer says
    /// where. Other text (a code) and copies that worked are answered as they are.
    func savingTranscript(_ text: String, answer: BrowserAnswer) -> BrowserAnswer {
        guard case let .notCopied(reason) = answer, let draft = Self.transcriptDraft(text) else { return answer }
        guard let transcripts else { return answer }
        do {
            return .notCopied(reason: "\(reason); saved to \(try transcripts.save(draft)) instead")
        } catch {
            return .notCopied(reason: "\(reason); saving it failed too: \(TerminalSafe.sanitize(error.localizedDescription))")
        }
    }

    /// The draft of a copied Markdown transcript (its tree from the "- Tree: `ID`" line), nil for other text.
    static func transcriptDraft(_ text: String, date: Date = Date()) -> TranscriptDraft? {
        guard text.hasPrefix("# Diagnosis: ") else { return nil }
        let prefix = "- Tree: `"
        let line = text.split(separator: "\n").first { $0.hasPrefix(prefix) && $0.hasSuffix("`") }
        let tree = line.map { String($0.dropFirst(prefix.count).dropLast()) } ?? "transcript"
        return TranscriptDraft(tree: TreeID(tree), date: date, markdown: text)
    }
}

/// Puts text on the clipboard with OSC 52, written straight to the terminal (`/dev/tty`). Inside tmux, tmux is
/// asked first whether the sequence can get through (`TmuxClipboard`); when it cannot, nothing is written and
/// the answer says how to enable it.
enum Clipboard {
    static func copy(_ text: ClipboardText, environment: [String: String]) -> BrowserAnswer {
        guard var wrapping = OSC52.wrapping(environment: environment) else {
            return .notCopied(reason: "\(OSC52.Failure.unsupported(term: environment["TERM"] ?? ""))")
        }
        var via = wrapping == .tmux ? "OSC 52 through tmux" : wrapping == .screen ? "OSC 52 through screen" : "OSC 52"
        if wrapping == .tmux {
            switch TmuxClipboard.route(environment: environment) {
            case .passthrough: break
            case .setClipboard:
                wrapping = .plain
                via = "OSC 52 through tmux's set-clipboard"
            case let .blocked(reason): return .notCopied(reason: reason)
            }
        }
        switch OSC52.sequence(for: text, wrapping: wrapping) {
        case let .failure(failure): return .notCopied(reason: "\(failure)")
        case let .success(bytes):
            let tty = open("/dev/tty", O_WRONLY | O_NOCTTY)
            guard tty >= 0 else { return .notCopied(reason: "no terminal to write to") }
            defer { close(tty) }
            var written = 0
            while written < bytes.count {
                let count = bytes[written...].withUnsafeBytes { write(tty, $0.baseAddress, $0.count) }
                if count <= 0 { return .notCopied(reason: "writing to the terminal failed") }
                written += count
            }
            return .copied(bytes: text.text.utf8.count, via: via)
        }
    }
}
