import TerminalKit
import TriageCore

/// A one-line question asked on the last row over another screen (`Mode.prompt`). Its keys are in
/// `Prompt.keys`, like every screen's: the help lists them and the status line shows their hints.
public enum Prompt: Sendable {
    /// `T`: the ticket. With `forDiagnosis`, typed in a diagnosis: it is that diagnosis's ticket too (an
    /// explicit retag); from the browser it is only the ticket new diagnoses take.
    case ticket(TextField, forDiagnosis: Bool)
    /// A diagnosis was started while `openTree` is open: continue the open one, or start `session`?
    case continueOrNew(DiagnosisSession, openTree: String)
    /// `p` in a diagnosis: why stored session `id` waits ("waiting for the customer's logs").
    case pause(TextField, id: Int64)
    /// `!` on a code, a question or a conclusion: the one-line note of `flag`.
    case flag(TextField, CatalogFlag)

    /// The question, as the last row shows it.
    public var text: String {
        switch self {
        case .ticket: return "Ticket: "
        case .pause: return "Paused because: "
        case let .flag(_, flag): return "Flag \(flag.target): "
        case let .continueOrNew(_, tree): return "\(tree) is open: c continues it, n starts a new one"
        }
    }

    /// The same prompt with `field` as its text (a prompt without a field is unchanged).
    func with(_ field: TextField) -> Prompt {
        switch self {
        case let .ticket(_, forDiagnosis): return .ticket(field, forDiagnosis: forDiagnosis)
        case let .pause(_, id): return .pause(field, id: id)
        case let .flag(_, flag): return .flag(field, flag)
        case .continueOrNew: return self
        }
    }

    /// The field being typed, for a prompt that takes text.
    public var field: TextField? {
        switch self {
        case let .ticket(field, _), let .pause(field, _), let .flag(field, _): return field
        case .continueOrNew: return nil
        }
    }
}

/// What a key does at a prompt.
enum PromptAction: Hashable, Sendable {
    case accept, cancel, continueOpen, startNew, quit
}

extension Prompt {
    /// The ticket field: letters are text; Enter sets it (empty clears it), Esc keeps the old one.
    static let ticketKeys = KeyMap<Prompt, PromptAction>([
        .init("Ticket", [
            .init("letters", "The ticket (new diagnoses take it; typed in a diagnosis, that one too)"),
            .init("Enter", "Set it (empty: no ticket)", [([.enter], .accept)],
                  hints: [.init("Enter", "set", order: 0, priority: 0)]),
            .init("Esc", "Keep the ticket as it was", [([.escape], .cancel)],
                  hints: [.init("Esc", "cancel", order: 1, priority: 1)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// "Continue the open diagnosis, or start a new one?"; any other key starts nothing.
    static let continueKeys = KeyMap<Prompt, PromptAction>([
        .init("Open diagnosis", [
            .init("c  Enter", "Continue the open diagnosis", [([.character("c"), .enter], .continueOpen)],
                  hints: [.init("c", "continue", order: 0, priority: 0)]),
            .init("n", "Start the new one (the open one stays stored: S lists it)", [([.character("n")], .startNew)],
                  hints: [.init("n", "new", order: 1, priority: 0)]),
            .init("Esc", "Start nothing (any other key too)", [([.escape], .cancel)],
                  hints: [.init("Esc", "cancel", order: 2, priority: 1)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// Why the diagnosis waits: letters are text; Enter pauses it (empty: no longer paused), Esc changes nothing.
    static let pauseKeys = KeyMap<Prompt, PromptAction>([
        .init("Pause", [
            .init("letters", "Why it waits, one line (shown in Ctrl-O and sessions list)"),
            .init("Enter", "Pause it with this reason (empty: no longer paused)", [([.enter], .accept)],
                  hints: [.init("Enter", "pause", order: 0, priority: 0)]),
            .init("Esc", "Change nothing", [([.escape], .cancel)], hints: [.init("Esc", "cancel", order: 1, priority: 1)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// The note of a flag: letters are text; Enter flags (the note may be empty), Esc flags nothing.
    static let flagKeys = KeyMap<Prompt, PromptAction>([
        .init("Flag", [
            .init("letters", "What is wrong or missing, one line (triage review lists it)"),
            .init("Enter", "Flag it with this note", [([.enter], .accept)], hints: [.init("Enter", "flag", order: 0, priority: 0)]),
            .init("Esc", "Flag nothing", [([.escape], .cancel)], hints: [.init("Esc", "cancel", order: 1, priority: 1)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// The table the next key goes to.
    var keys: KeyMap<Prompt, PromptAction> {
        switch self {
        case .ticket: return Self.ticketKeys
        case .pause: return Self.pauseKeys
        case .flag: return Self.flagKeys
        case .continueOrNew: return Self.continueKeys
        }
    }
}
