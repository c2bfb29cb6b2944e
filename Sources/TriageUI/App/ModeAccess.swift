import TerminalKit

/// What views, tests and the key handlers ask of `BrowserState.active` by name. Reads only: a child screen is
/// changed where its keys are routed (`ChildRouting`), never through a setter.
extension BrowserState {
    /// The kind of mode the browser is in.
    public var mode: BrowserMode { if case .browse = active { browse.inputMode } else { active.kind } }

    /// The tree list, while it is shown (also under the help).
    public var treePicker: TreePicker? { if case let .trees(picker) = active.base { picker } else { nil } }

    /// The paste box, while it is shown (also under the help).
    public var pasteBox: PasteBox? { if case let .explain(box) = active.base { box } else { nil } }

    /// The sessions screen, while it is shown (also under the help or a prompt).
    public var sessionsScreen: SessionsScreen? { if case let .sessions(screen) = active.base { screen } else { nil } }

    /// The diagnosis shown (also under the help or a prompt), else the one left behind (`D` resumes it).
    public var diagnosis: DiagnosisScreen? {
        if case let .diagnosis(screen) = active.base { return screen }
        return kept
    }

    /// True while the diagnosis is the screen shown (under any help or prompt).
    var showsDiagnosis: Bool { if case .diagnosis = active.base { true } else { false } }

    /// The question asked on the last row, while one is.
    public var prompt: Prompt? { if case let .prompt(prompt, _) = active { prompt } else { nil } }

    /// How far the help is scrolled (at the top when it is not shown).
    var helpScroll: ScrollState { if case let .help(scroll, _) = active { scroll } else { ScrollState() } }


    /// Changes the diagnosis, wherever it is: on screen (under any help or prompt) or left behind.
    mutating func updateDiagnosis(_ change: (inout DiagnosisScreen) -> Void) {
        if showsDiagnosis {
            active.updateBase { mode in
                guard case var .diagnosis(screen) = mode else { return }
                change(&screen)
                mode = .diagnosis(screen)
            }
        } else if var screen = kept {
            change(&screen)
            kept = screen
        }
    }
}
