import TerminalKit
import TriageCore

/// The full-screen catalog browser as a pure `TerminalProgram`: vendors and categories | codes | detail,
/// incremental search, key help, guided diagnosis (`d`, `t`), and the last place restored on the next start.
///
/// ```swift
/// var program = BrowserProgram(catalog: catalog, options: BrowserOptions(memory: path.flatMap(BrowserMemory.load(from:))))
/// _ = program.update(.resize(width: 80, height: 24))
/// let screen = program.view(RenderContext(width: 80, height: 24))
/// ```
///
/// To open straight into a diagnosis (`triage diagnose CODE` full screen), pass the started session as
/// `BrowserOptions.diagnosis`. `s` returns `BrowserEffect.saveTranscript`; quitting, and every new query in the
/// search history, `BrowserEffect.saveMemory`; the
/// runner performs them (with `TranscriptSaver.standard(environment:)`, `MemorySaver.file(_:)`) and answers.
public struct BrowserProgram: TerminalProgram {
    public internal(set) var state: BrowserState
    public let options: BrowserOptions
    /// The memory the last `saveMemory` effect carried: `shutdown()` asks again only when the browser moved since.
    private var savedMemory: BrowserMemory?
    /// A catalog built in the background (`BrowserMessage.catalogReady`), waiting for the browse screen.
    var pendingCatalog: Catalog?
    /// Where the browser was right after the start: unchanged, the switch to a built catalog restores the
    /// remembered place instead (it may name codes only that catalog has).
    let startMemory: BrowserMemory

    /// With `options.catalogBuild` set, `catalog` is a stand-in shown while the real one compiles.
    public init(catalog: Catalog, options: BrowserOptions = BrowserOptions()) {
        self.options = options
        // A stand-in catalog (shown while the real one compiles) builds its own small index.
        state = BrowserState(catalog: catalog, makeSearchIndex: options.catalogBuild == nil ? options.makeSearchIndex : nil)
        state.start(with: options)
        startMemory = state.memory
    }

    public mutating func update(_ event: InputEvent) -> Update<BrowserEffect> {
        let result = state.update(event)
        // A place in the stand-in catalog (while the real one compiles) is not worth remembering over the real one's.
        if state.catalogBuild == nil, result == .quit || state.browse.memoryChanged {
            savedMemory = state.memory
            state.effects.append(.saveMemory(state.memory))
            state.browse.memoryChanged = false
        }
        // A code opened or diagnosed from search results: remembered for similar queries.
        state.effects += state.browse.pendingChoices.map(BrowserEffect.rememberSearch)
        state.browse.pendingChoices = []
        state.offerResume()
        state.prepareSearchAhead()
        state.recordDiagnosis()
        let update = Update(result, effects: state.takeEffects(), commands: state.terminalCommands)
        state.terminalCommands = []
        // A catalog built in the background waits for the browse screen; this key may have brought it back.
        if pendingCatalog != nil, result != .quit, switchCatalogWhenBrowsing() {
            return Update(update.result, effects: update.effects + state.takeEffects(), commands: update.commands)
        }
        return update
    }

    /// The answer to an effect: the diagnosis says where the transcript went, or why it did not.
    public mutating func answer(_ answer: BrowserAnswer) -> Update<BrowserEffect> {
        switch answer {
        case let .transcriptSaved(path): state.updateDiagnosis { $0.transcriptSaved(at: path) }
        case let .transcriptNotSaved(reason): state.updateDiagnosis { $0.transcriptNotSaved(reason: reason) }
        case .memorySaved: break
        case let .memoryNotSaved(reason): state.browse.message = "Cannot save the search history: \(reason)"
        default: state.answerSessions(answer)
        }
        state.settle()
        return Update(.continue, effects: state.takeEffects())
    }

    public func view(_ context: RenderContext) -> Buffer {
        BrowserView.render(state, context)
    }

    /// On every way out (also SIGHUP, SIGTERM): saving where the browser is, unless quitting just asked for it.
    public func shutdown() -> [BrowserEffect] {
        state.memory == savedMemory || state.catalogBuild != nil ? [] : [.saveMemory(state.memory)]
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
            resizeChildren()
        case let .key(key):
            if handleScreenKey(key) { return .continue }
            switch active {
            case .help: result = handleHelpKey(key)
            case .browse, .trees, .diagnosis, .explain, .sessions, .switcher, .prompt: result = handleChildKey(key)
            }
        case let .mouse(mouse):
            handleMouse(mouse)
        case let .paste(text):
            handlePaste(text)
        }
        settle()
        return result
    }

    /// Every child screen (shown, under the help or a prompt, or kept) takes the terminal's size.
    mutating func resizeChildren() {
        let (width, height) = (self.width, self.height)
        browse.resize(width: width, height: height)
        active.updateBase { mode in
            switch mode {
            case var .diagnosis(screen):
                screen.resize(width: width, height: height)
                mode = .diagnosis(screen)
            case var .trees(picker):
                picker.resize(width: width, height: height)
                mode = .trees(picker)
            case var .sessions(screen):
                screen.resize(width: width, height: height)
                mode = .sessions(screen)
            case var .switcher(switcher):
                switcher.resize(width: width, height: height)
                mode = .switcher(switcher)
            default: break
            }
        }
        kept?.resize(width: width, height: height)
    }

    /// Clamps selections and scroll offsets to the lists and the layout.
    mutating func settle() {
        browse.canResume = diagnosis != nil
        browse.settle()
        if mode == .help { settleHelp() }
    }

    /// The mouse goes to the screen shown: the browse panes, the diagnosis, the help (a click closes it).
    mutating func handleMouse(_ event: MouseEvent) {
        switch active {
        case .browse:
            if let request = browse.handleMouse(event) { act(on: request) }
        case .diagnosis: handleDiagnosisMouse(event)
        case .help:
            if event.kind == .press { closeHelp() } else { scrollHelp { $0.page(event.kind == .wheelDown ? 3 : -3) } }
        case .trees, .explain, .sessions, .switcher, .prompt: break
        }
    }
}
