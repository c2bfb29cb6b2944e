import Foundation
import TerminalKit
import TriageCore

/// The app shell's state: the browse screen (kept for the whole run, every other screen is shown over it), the
/// screen the keys go to now (`Mode`: the diagnosis, the tree list, the paste box, the sessions screen, the help,
/// a prompt), the diagnosis left behind, what the shell knows of stored sessions, and the effects asked for by
/// the current update. The shell only routes: each screen changes its own state and answers with a
/// `ChildOutcome`; `BrowserProgram` hands the effects to the runner.
public struct BrowserState {
    /// The browse screen: vendors | codes | detail, search, find.
    public internal(set) var browse: BrowseModel
    public var catalog: Catalog { browse.catalog }
    var searcher: Searcher { browse.searcher }
    let helpOverlays = LayoutCache<HelpOverlayKey, HelpOverlay>()

    /// The terminal size from the last resize event.
    public internal(set) var width = 80
    public internal(set) var height = 24
    /// The screen the keys go to, over the browse screen.
    var active: Mode = .browse
    /// The diagnosis left behind when the engineer went back to the browser (Esc, a related code, `S`): `D`, or
    /// `d` on the same code and tree, resumes it. The diagnosis shown lives in `active`.
    var kept: DiagnosisScreen?
    public internal(set) var sessions = BrowserSessions()
    /// Effects asked for by the current update; `BrowserProgram.update` returns them.
    var effects: [BrowserEffect] = []
    /// What the terminal must do after the current update (Ctrl-L repaint, Ctrl-Z suspend).
    var terminalCommands: [TerminalCommand] = []
    /// The time written into transcripts (from `BrowserOptions`).
    var clock: @Sendable () -> Date = { Date() }
    /// The transcript header's engineer, host and catalog version (from `BrowserOptions`).
    var transcriptContext = TranscriptContext()
    /// While a user catalog compiles in the background (the catalog shown is a stand-in): how far it got.
    public internal(set) var catalogBuild: CatalogBuildProgress?
    /// The status line's team field (`BrowserMessage.teamStatus`); nil without a team store.
    public internal(set) var teamStatus: String?

    init(catalog: Catalog, makeSearchIndex: (@Sendable (Catalog) -> SearchIndex)? = nil) {
        browse = BrowseModel(catalog: catalog, makeSearchIndex: makeSearchIndex)
    }

    /// The browse screen's layout (the status line's place, whether the terminal is too small).
    var layout: BrowserLayout { browse.layout }
}
