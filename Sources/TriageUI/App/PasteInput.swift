import TriageCore

extension BrowserState {
    /// A paste (bracketed paste) is text for the field being typed in: the search query, the find pattern, a diagnosis value or a
    /// note, as one line (newlines and tabs become spaces). Anywhere else it is ignored: a paste never acts as
    /// keys, so pasted digits and newlines cannot answer questions.
    ///
    /// Pasted text is masked (`SecretMasker`) here, before any screen sees it, so a credential pasted into the
    /// search, the find, a value, a note or a prompt is never shown, stored or echoed. What goes to the paste box
    /// goes whole to its Explainer, which masks it the same way first thing (and lists what it masked); only the
    /// masked text is kept. The value of a secret ask takes the paste as it is (it is masked wherever it
    /// appears). A field takes at most `fieldPasteLimit` characters of it, key by key.
    mutating func handlePaste(_ raw: String) {
        if case var .explain(box) = active {
            box.paste(raw, with: searcher)
            active = .explain(box)
            return
        }
        let text = takesSecretValue ? raw : SecretMasker.masked(raw).text
        let characters = text.prefix(Self.fieldPasteLimit).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        switch active {
        case .browse:
            if let request = browse.paste(text, raw: raw) { act(on: request) }
        case .explain:
            break
        case .prompt(.ticket, _):
            for character in characters { _ = handleChildKey(.character(character)) }
        case let .sessions(screen) where screen.isFiltering:
            for character in characters { _ = handleChildKey(.character(character)) }
        case .switcher, .prompt(.pause, _):
            for character in characters { _ = handleChildKey(.character(character)) }
        case let .diagnosis(screen) where screen.isTyping || screen.noteEditor != nil:
            for character in characters { _ = handleChildKey(.character(character)) }
        case .help, .trees, .diagnosis, .sessions, .prompt:
            break
        }
    }

    /// The most characters of one paste a one-line field (ticket, filter, value, note, reason) is given.
    static let fieldPasteLimit = 1000

    /// True while the diagnosis's value field of a secret ask takes the keys.
    private var takesSecretValue: Bool {
        guard case let .diagnosis(screen) = active, screen.isTyping, screen.noteEditor == nil,
              case .ask(_, _, _, true)? = screen.current?.kind else { return false }
        return true
    }
}
