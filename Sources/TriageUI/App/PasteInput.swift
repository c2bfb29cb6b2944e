extension BrowserState {
    /// A paste (bracketed paste) is text for the field being typed in: the search query, the find pattern, a diagnosis value or a
    /// note, as one line (newlines and tabs become spaces). Anywhere else it is ignored: a paste never acts as
    /// keys, so pasted digits and newlines cannot answer questions.
    mutating func handlePaste(_ text: String) {
        let characters = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        switch active {
        case .browse:
            if let request = browse.paste(text) { act(on: request) }
        case var .explain(box):
            box.paste(text, with: searcher)
            active = .explain(box)
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
}
