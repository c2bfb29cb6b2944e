import TerminalKit
import TriageCore

/// What reaches the browser from outside while it runs (through the runner's `Mailbox`): the background build
/// of a user catalog that the first frame did not wait for.
public enum BrowserMessage: Sendable {
    /// Files compiled so far: shown in the status line.
    case catalogProgress(CatalogBuildProgress)
    /// The built catalog: the browser switches to it as soon as it is back on the browse screen.
    case catalogReady(Catalog)
    /// The build found problems: the browser quits, and the command line prints them (`file:line:column`, exit 2).
    case catalogFailed(problems: Int)
    /// The team store's state for the status line (`team: synced 2m ago`, `team: 14 queued`, `team: offline`),
    /// as the background pushes left it; never sent when no team store is configured.
    case teamStatus(String)
    /// The switcher's team work, finished off the UI thread.
    case team(SwitcherTeamResult)
}

extension BrowserProgram {
    /// Handles a message from the background build.
    public mutating func receive(_ message: BrowserMessage) -> Update<BrowserEffect> {
        switch message {
        case let .catalogProgress(progress):
            if state.catalogBuild != nil { state.catalogBuild = progress }
        case let .catalogReady(catalog):
            pendingCatalog = catalog
            if switchCatalogWhenBrowsing() { return Update(.continue, effects: state.takeEffects()) }
        case .catalogFailed:
            // Where the browser was is not saved: it was a stand-in catalog.
            return .quit
        case let .teamStatus(text):
            state.teamStatus = text
        case let .team(result):
            state.receiveTeam(result)
            state.settle()
            return Update(.continue, effects: state.takeEffects())
        }
        return .continue
    }

    /// Swaps in the built catalog when the browse screen is showing (not in a diagnosis, a prompt, the help or
    /// a find in the detail), keeping the place: the remembered one when nothing moved since the start (it may
    /// name a code only the new catalog has), else the current vendor, category, code and query. A search being
    /// typed stays open with its query and cursor, now answered by the built catalog: the stand-in's results
    /// were only ever a preview (the status line said so), and Esc goes back to the built catalog's place.
    /// True when it switched (the new catalog's effects, such as making its index ahead, are in `state`).
    @discardableResult
    mutating func switchCatalogWhenBrowsing() -> Bool {
        guard let catalog = pendingCatalog, case .browse = state.active else { return false }
        let typing: (query: String, cursor: Int)?
        switch state.browse.input {
        case .panes: typing = nil
        case .search: typing = (state.browse.query, state.browse.queryCursor)
        case .find: return false
        }
        pendingCatalog = nil
        let moved = state.memory != startMemory
        var options = self.options
        if moved {
            options.memory = state.memory
            options.vendor = nil
            options.query = state.browse.isSearching && typing == nil ? state.browse.query : nil
        }
        options.diagnosis = nil
        options.user = nil  // the offer to resume open diagnoses was made at the start
        options.catalogBuild = nil
        var next = BrowserState(catalog: catalog, makeSearchIndex: options.makeSearchIndex)
        next.width = state.width
        next.height = state.height
        next.resizeChildren()  // the screens lay out for the terminal, not the default 80x24
        next.start(with: options)
        if let typing { next.browse.resumeSearch(query: typing.query, cursor: typing.cursor) }
        next.sessions = state.sessions
        next.teamStatus = state.teamStatus
        next.kept = state.kept
        next.browse.message = "Catalog compiled: \(CatalogBuildProgress.grouped(catalog.entries.count)) codes"
        next.settle()
        next.prepareSearchAhead()
        state = next
        return true
    }
}
