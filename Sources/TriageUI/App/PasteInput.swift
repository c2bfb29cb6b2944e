extension BrowserState {
    /// A paste (bracketed paste) is text for the field being typed in: the search query, a diagnosis value or a
    /// note, as one line (newlines and tabs become spaces). Anywhere else it is ignored: a paste never acts as
    /// keys, so pasted digits and newlines cannot answer questions.
    mutating func handlePaste(_ text: String) {
        let characters = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        switch mode {
        case .search:
            for character in characters { _ = handleSearchKey(.character(character)) }
        case .diagnosis:
            guard var screen = diagnosis, screen.isTyping || screen.noteEditor != nil else { return }
            for character in characters { _ = screen.handle(.character(character)) }
            diagnosis = screen
        case .browse, .help, .trees:
            break
        }
    }
}
