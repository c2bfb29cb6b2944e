import Foundation
import TerminalKit
import TriageCore

/// The guided-diagnosis screen as a plain value: the session, which pane has the focus, the selected answer or
/// link, the value being typed, the note being edited, scroll offsets. `handle(_:)` changes it and says what the
/// host must do (`DiagnosisOutcome`); `draw(into:x:y:width:height:context:)` draws it. No terminal, no files:
/// saving a transcript or a step is an effect the browser returns. The diagnosis carries its own
/// `SessionRecording` (which stored session it writes into, with which ticket), so no other diagnosis can
/// write into its row.
///
/// ```swift
/// let code = CodeReference(vendor: "sentiance", code: "INSTALL_DOES_NOT_BELONG_TO_APP")
/// var screen = try DiagnosisScreen.start(tree: "sentiance-wrong-environment", from: code, catalog: catalog,
///                                        width: 80, height: 24)
/// _ = screen.handle(.character("1"))
/// var buffer = Buffer(width: 80, height: 24)
/// screen.draw(into: &buffer, x: 0, y: 0, width: 80, height: 24, context: RenderContext(width: 80, height: 24))
/// ```
public struct DiagnosisScreen: Sendable {
    public let catalog: Catalog
    public internal(set) var session: DiagnosisSession
    /// Which stored session this diagnosis is saved into, with its ticket and outcome.
    public internal(set) var recording: SessionRecording
    /// When the diagnosis started (the stored session's creation when resumed), for the transcript's header.
    public internal(set) var startedAt: Date?
    public internal(set) var focus: DiagnosisFocus = .step
    /// True while the value field of an ask step takes the keys (letters are text).
    public internal(set) var isTyping = false
    /// A one-off note for the status line, cleared by the next key.
    public internal(set) var message: String?
    /// Where the last transcript was saved.
    public internal(set) var lastSavedPath: String?
    /// The size of the area the screen is drawn in (the terminal); `resize` sets it.
    public internal(set) var width: Int
    public internal(set) var height: Int

    /// The value field of an ask step.
    var field = TextField()
    /// Shows a secret value while it is typed (Ctrl-R).
    var revealSecret = false
    /// The one-line note editor (`n`), when open.
    var noteEditor: NoteEditor?
    /// `r` was pressed once; the next `r` restarts.
    var confirmingRestart = false
    /// At a conclusion, `r` shows the reply for the ticket in the step pane (again: the conclusion).
    public internal(set) var showingReply = false
    /// The step pane's scroll and selected target (an answer, a related code).
    var stepPane = ScrollState()
    /// The path pane's scroll and selected step.
    var pathPane = ScrollState(style: .items)
    /// The last documents laid out: the current step at one or two widths, the path in the forms the layout
    /// measures. Copies of a screen share them, which is harmless: the keys hold everything a document depends
    /// on (the catalog never changes for a screen).
    let stepDocuments = LayoutCache<StepDocumentKey, StepDocument>(limit: 8)
    let pathDocuments = LayoutCache<PathDocumentKey, PathDocument>(limit: 8)

    struct NoteEditor: Hashable, Sendable {
        /// The path step the note is for; `path.count` is the current step.
        var step: Int
        var input: TextField
    }

    /// A screen showing `session` (usually just started), saved as `recording` says (by default a new session
    /// without a ticket).
    public init(session: DiagnosisSession, catalog: Catalog, width: Int = 80, height: Int = 24,
                recording: SessionRecording = SessionRecording(ticket: nil)) {
        self.catalog = catalog
        self.session = session
        self.recording = recording
        self.width = max(0, width)
        self.height = max(0, height)
        enterStep()
        settle()
    }

    /// Starts tree `id`, from `code` when given (questions the code answers are skipped).
    public static func start(tree id: TreeID, from code: CodeReference? = nil, catalog: Catalog, width: Int = 80,
                             height: Int = 24) throws -> DiagnosisScreen {
        DiagnosisScreen(session: try DiagnosisSession.start(tree: id, from: code, in: catalog), catalog: catalog,
                        width: width, height: height)
    }

    // MARK: - What is shown

    /// The step now shown, with placeholders filled and secrets masked; nil when the catalog no longer has it.
    public var current: CurrentStep? { session.current(in: catalog) }

    /// The text in the value field of an ask step.
    public var value: String { field.text }

    /// The text of the open note editor, nil when it is closed.
    public var noteDraft: String? { noteEditor?.input.text }

    /// The answer (0-based) a question has selected.
    public var selectedAnswer: Int? {
        guard let selection = stepPane.selection,
              case let .answer(index)? = stepDocument().targets[safe: selection] else { return nil }
        return index
    }

    /// True when the question's "I can't tell from the ticket" row is selected.
    public var selectsCantTell: Bool {
        guard let selection = stepPane.selection, case .cantTell? = stepDocument().targets[safe: selection] else { return false }
        return true
    }

    /// The related code a conclusion has selected.
    public var selectedCode: CodeReference? {
        guard let selection = stepPane.selection,
              case let .code(reference)? = stepDocument().targets[safe: selection] else { return nil }
        return reference
    }

    /// The path step selected in the path pane (meaningful while the path has the focus).
    public var selectedPathStep: Int? { session.path.isEmpty ? nil : pathPane.selection }

    // MARK: - Host calls

    /// The terminal now has this size.
    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        settle()
    }

    /// Back to the screen after the host showed something else: the step has the focus, an ask step's field
    /// takes the keys again, an open note edit or restart question is dropped, and `text` is shown.
    public mutating func resume(saying text: String? = nil) {
        focus = .step
        noteEditor = nil
        confirmingRestart = false
        revealSecret = false
        if case .ask? = current?.kind { isTyping = true }
        message = text
        settle()
    }

    /// The transcript of the session (finished or not) at `date`, ready to be written; its header is `context`
    /// with this diagnosis's ticket and stored session id.
    public func transcriptDraft(date: Date, context: TranscriptContext = TranscriptContext()) -> TranscriptDraft {
        TranscriptDraft(tree: session.tree, date: date,
                        markdown: Transcript(session: session, catalog: catalog, date: date,
                                             context: transcriptContext(context, end: date)).markdown)
    }

    /// `context` with this diagnosis's ticket, stored session id and start (and, at a conclusion, `end`).
    public func transcriptContext(_ context: TranscriptContext, end: Date? = nil) -> TranscriptContext {
        var context = context
        context.ticket = recording.ticket ?? context.ticket
        context.sessionID = recording.id ?? context.sessionID
        context.started = startedAt ?? context.started
        if session.isFinished, let end { context.ended = context.ended ?? end }
        return context
    }

    /// The transcript was written to `path`: say so (the conclusion also shows it whole).
    public mutating func transcriptSaved(at path: String) {
        lastSavedPath = path
        message = "Transcript saved to \(path)"
    }

    /// The transcript could not be written (`reason`), or there is nowhere to write it (nil).
    public mutating func transcriptNotSaved(reason: String?) {
        guard let reason else {
            message = "Saving transcripts needs HOME or XDG_STATE_HOME; use triage diagnose --transcript FILE"
            return
        }
        message = "Cannot save the transcript: \(reason)"
    }

    // MARK: - Moving through the tree

    /// Resets the per-step state for the step the session now shows. `answer` preselects an answer (the one
    /// given before, when going back); `prefill` puts a value back in the field.
    mutating func enterStep(answer: Int? = nil, prefill: String? = nil) {
        focus = .step
        stepPane = ScrollState()
        revealSecret = false
        confirmingRestart = false
        showingReply = false
        noteEditor = nil
        let rules = current?.rules
        field = TextField(prefill ?? "", limit: min(rules?.maxLength ?? 500, 500))
        pathPane.selection = session.path.indices.last
        isTyping = false
        switch current?.kind {
        case let .question(_, _, answers, implied)?:
            let wanted = implied ?? answer ?? 0
            stepPane.selection = answers.indices.contains(wanted) ? wanted : (answers.isEmpty ? nil : 0)
        case .ask?:
            isTyping = true
        case .conclusion?, .notDetermined?, nil:
            break
        }
    }

    /// Takes answer `index` (0-based) of the current question.
    mutating func choose(_ index: Int) {
        advance { try $0.choose(index, in: $1) }
    }

    /// Moves the session one step (`move` throws when it cannot, and says why in the status line), then shows
    /// the step it reached.
    private mutating func advance(_ move: (inout DiagnosisSession, Catalog) throws -> Void) {
        do {
            try move(&session, catalog)
            enterStep()
        } catch {
            message = Self.sentence(error)
        }
    }

    /// Answers the current question or ask "I can't tell from the ticket", as line mode's `?` does.
    mutating func cantTell() {
        guard let step = current else { return }
        switch step.kind {
        case .question where step.cantTell == nil:
            message = "This question has no \"can't tell\" path; choose the closest answer"
            return
        case .question, .ask: break
        case .conclusion, .notDetermined: return
        }
        advance { try $0.cantTell(in: $1) }
    }

    /// The value to submit: on an ask with choices, a number typed in the field picks that choice of the menu.
    var submittedValue: String {
        let text = field.text.trimmingCharacters(in: .whitespaces)
        guard let choices = current?.rules?.choices, !choices.isEmpty, let number = Int(text),
              choices.indices.contains(number - 1),
              !choices.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else { return field.text }
        return choices[number - 1]
    }

    /// Submits the value field.
    mutating func submitValue() {
        let value = submittedValue
        advance { try $0.provide(value, in: $1) }
    }

    /// Back to the last step answered by hand; its answer is preselected (or its value put back in the field).
    mutating func back() {
        let path = session.path
        guard let target = path.lastIndex(where: \.isAnswered) else {
            message = "This is the first question; Esc leaves the diagnosis"
            return
        }
        let remembered = remembered(path[target])
        session.back()
        enterStep(answer: remembered.answer, prefill: remembered.value)
        // Back at an ask step, the value given is shown but the keys stay commands: `b` again goes further
        // back instead of typing a "b" into the value (Enter or i edits it).
        if remembered.value != nil, isTyping {
            isTyping = false
            message = "Back one step: Enter or i edits the value, b goes back further"
        }
    }

    /// Back to path step `index`, dropping it and every later step.
    mutating func jump(toStep index: Int) {
        let path = session.path
        guard path.indices.contains(index) else { return }
        var target = index
        while target < path.count, case .link = path[target].kind { target += 1 }
        let remembered: (answer: Int?, value: String?) = target < path.count ? remembered(path[target]) : (nil, nil)
        session.jump(toStep: index)
        enterStep(answer: remembered.answer, prefill: remembered.value)
        message = "Back at question \(session.path.count + 1); the answers after it were dropped"
    }

    /// Starts over from the first question; every answer and note is dropped.
    mutating func restart() {
        session.restart(in: catalog)
        enterStep()
        message = "Restarted: every answer and note was dropped"
    }

    /// What to show again when a step is reopened: the answer given, or the value typed (a secret one only when
    /// no other step of the path typed the same variable).
    private func remembered(_ step: DiagnosisStep) -> (answer: Int?, value: String?) {
        switch step.kind {
        case let .question(answer, _): return (answer, nil)
        case let .ask(variable, secret):
            guard secret else { return (nil, step.answer) }
            let sameVariable = session.path.filter { if case .ask(variable, _) = $0.kind { true } else { false } }
            return (nil, sameVariable.count == 1 ? session.values[variable] : nil)
        case .link, .cantTell, .unknownValue: return (nil, nil)
        }
    }

    // MARK: - Notes

    /// Opens the note editor on path step `index` (`path.count` is the current step) with its note.
    mutating func editNote(forStep index: Int) {
        let path = session.path
        let existing = index < path.count ? path[index].note : session.note
        noteEditor = NoteEditor(step: index, input: TextField(existing ?? "", limit: 1000))
    }

    mutating func saveNote() {
        guard let editor = noteEditor else { return }
        noteEditor = nil
        session.setNote(editor.input.text, forStep: editor.step)
        let saved = session.path.indices.contains(editor.step) ? session.path[editor.step].note : session.note
        message = saved == nil ? "Note removed" : "Note saved on step \(editor.step + 1)"
    }

    /// An error as a sentence for the status line.
    static func sentence(_ error: Error) -> String {
        let text = (error as? DiagnosisError)?.description ?? error.localizedDescription
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
