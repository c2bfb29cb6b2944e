import TerminalKit
import TriageCore

/// The full-screen catalog browser as a pure `TerminalProgram`: vendors and categories | codes | detail,
/// incremental search, key help, guided diagnosis (`d`, `t`), and the last place restored on the next start.
///
/// ```swift
/// var program = BrowserProgram(catalog: catalog, options: BrowserOptions(
///     vendor: nil, query: nil, memory: path.flatMap(BrowserMemory.load(from:)), memorySaver: path.map(MemorySaver.file)))
/// _ = program.update(.resize(width: 80, height: 24))
/// let screen = program.view(RenderContext(width: 80, height: 24))
/// ```
///
/// To open straight into a diagnosis (`triage diagnose CODE` full screen), pass the started session as
/// `BrowserOptions.diagnosis`. `s` returns `BrowserEffect.saveTranscript`; the runner performs it (with
/// `TranscriptSaver.standard(environment:)`) and answers.
public struct BrowserProgram: TerminalProgram {
    public internal(set) var state: BrowserState
    public let options: BrowserOptions

    public init(catalog: Catalog, options: BrowserOptions = BrowserOptions()) {
        self.options = options
        state = BrowserState(catalog: catalog)
        state.start(with: options)
    }

    public mutating func update(_ event: InputEvent) -> Update<BrowserEffect> {
        let result = state.update(event)
        defer {
            state.effects = []
            state.terminalCommands = []
        }
        return Update(result, effects: state.effects, commands: state.terminalCommands)
    }

    /// The answer to an effect: the diagnosis says where the transcript went, or why it did not.
    public mutating func answer(_ answer: BrowserAnswer) -> Update<BrowserEffect> {
        switch answer {
        case let .transcriptSaved(path): state.diagnosis?.transcriptSaved(at: path)
        case let .transcriptNotSaved(reason): state.diagnosis?.transcriptNotSaved(reason: reason)
        }
        state.settle()
        return .continue
    }

    public func view(_ context: RenderContext) -> Buffer {
        BrowserView.render(state, context)
    }

    /// Hands where the browser is to the memory saver (when one was given). Errors are ignored: losing the last
    /// place must never stop the program from exiting.
    public func shutdown() {
        try? options.memorySaver?.save(state.memory)
    }

    /// True when the diagnosis shown (or kept) reached a conclusion that determines the cause: `triage diagnose`
    /// exits 0 then, else 1 (stopped before a conclusion, or "not determined").
    public var finishedDiagnosis: Bool { state.diagnosis?.session.reachedDetermined == true }
}

extension BrowserState {
    /// One event: dispatch by mode, then keep every cursor valid for the current size.
    mutating func update(_ event: InputEvent) -> UpdateResult {
        var result = UpdateResult.continue
        switch event {
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
            let size = (width: self.width, height: self.height)
            diagnosis?.resize(width: size.width, height: size.height)
            treePicker?.resize(width: size.width, height: size.height)
        case let .key(key):
            if handleScreenKey(key) { return .continue }
            message = nil
            docsLink = nil
            switch mode {
            case .browse: result = handleBrowseKey(key)
            case .search: result = handleSearchKey(key)
            case .help: result = handleHelpKey(key)
            case .trees: result = handleTreePickerKey(key)
            case .diagnosis: result = handleDiagnosisKey(key)
            }
        case let .mouse(mouse):
            if mode == .diagnosis { handleDiagnosisMouse(mouse) } else { handleMouse(mouse) }
        case let .paste(text):
            handlePaste(text)
        }
        settle()
        return result
    }

    /// Clamps selections and scroll offsets to the lists and the layout.
    mutating func settle() {
        let layout = self.layout
        sidebarCursor.settle(count: sidebar.rows.count, visible: layout.sidebar.height)
        listCursor.settle(count: list.count, visible: layout.list.height)
        settleDetail()
        if mode == .help { settleHelp() }
    }
}
