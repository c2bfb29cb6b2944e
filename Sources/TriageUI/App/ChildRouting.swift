import TerminalKit
import TriageCore

/// The shell's one way of talking to a child screen: hand it the key, put the changed child back in its mode,
/// then act on what it asked (`ChildOutcome`): stay, leave, the help, quit, or its own request.
extension BrowserState {
    /// A key for the child shown (the diagnosis, the tree list, the paste box, the sessions screen, a prompt).
    mutating func handleChildKey(_ key: Key) -> UpdateResult {
        switch active {
        case .browse:
            let outcome = browse.handle(key)
            return route(child: outcome) { $0.act(on: $1) }
        case var .diagnosis(screen):
            let outcome = screen.handle(key)
            active = .diagnosis(screen)
            return route(child: outcome, closing: "Left the diagnosis; D returns to it") { $0.act(on: $1) }
        case var .trees(picker):
            let outcome = picker.handle(key)
            active = .trees(picker)
            return route(child: outcome) { $0.open($1) }
        case var .explain(box):
            let outcome = box.handle(key, searcher: searcher, height: height, width: width, catalog: catalog)
            active = .explain(box)
            return route(child: outcome) { $0.act(on: $1) }
        case var .sessions(screen):
            let outcome = screen.handle(key)
            active = .sessions(screen)
            return route(child: outcome) { $0.act(on: $1) }
        case var .switcher(switcher):
            let outcome = switcher.handle(key)
            active = .switcher(switcher)
            return route(child: outcome) { $0.act(on: $1) }
        case let .prompt(prompt, over):
            return answer(prompt, over: over, key: key)
        case .help:
            return .continue
        }
    }

    /// Does what a child asked: the shared cases here, with `note` on the status line after closing, and the
    /// child's own requests through `perform`.
    mutating func route<Request>(child outcome: ChildOutcome<Request>, closing note: String? = nil,
                                 _ perform: (inout BrowserState, Request) -> Void) -> UpdateResult {
        switch outcome {
        case .stay: break
        case .quit: return .quit
        case .close:
            leaveChild()
            browse.message = note
        case .help: openHelp()
        case let .request(request): perform(&self, request)
        }
        return .continue
    }

    /// Back to the browser from the child shown; a diagnosis is kept for `D`.
    mutating func leaveChild() {
        if case let .diagnosis(screen) = active.base { kept = screen }
        active = .browse
    }

    /// The help over what is shown now (over the browser when a search or find is typed); closing it returns there.
    mutating func openHelp() {
        switch active {
        case let .help(_, over): active = .help(scroll: ScrollState(), over: over)
        case .prompt: break
        default: active = .help(scroll: ScrollState(), over: active)
        }
    }

    /// Back to what the help was opened over.
    mutating func closeHelp() {
        if case let .help(_, over) = active { active = over }
    }
}
