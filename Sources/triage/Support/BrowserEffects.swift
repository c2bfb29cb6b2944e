import Foundation
import TerminalKit
import TriageCore
import TriageTerminal
import TriageRuntime
import TriageUI

/// The sessions database as the full screen uses it: the store (or why there is none), who is diagnosing, the
/// ticket new diagnoses take, and the stored session the first diagnosis continues.
struct SessionAccess {
    var store: (any SessionStore)?
    var reason: String?
    var user: String
    var ticket: String?
    var continuing: Int64?

    /// The recorder's store, user, ticket and id (a diagnosis started from the command line).
    init(_ recorder: SessionRecorder) {
        store = recorder.store
        user = recorder.user
        ticket = recorder.ticket
        continuing = recorder.id
        reason = recorder.store == nil ? "no sessions database" : nil
    }

    init(store: (any SessionStore)?, reason: String?, user: String, ticket: String?) {
        self.store = store
        self.reason = reason
        self.user = user
        self.ticket = ticket
    }
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

    func perform(_ effect: BrowserEffect) -> BrowserAnswer {
        switch effect {
        case let .team(request):
            return TeamSwitcherEffects(store: sessions?.store, user: sessions?.user ?? "unknown", environment: environment,
                                       mailbox: mailbox).perform(request)
        case .saveTranscript, .saveMemory: return effect.perform(transcripts: transcripts, memory: memory)
        case let .copy(clip): return savingTranscript(clip.text, answer: Clipboard.copy(clip, environment: environment))
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
