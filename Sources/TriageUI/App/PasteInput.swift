extension BrowserState {
    /// A paste (bracketed paste) is text for the field being typed in: the search query, the find pattern, a diagnosis value or a
    /// note, as one line (newlines and tabs become spaces). Anywhere else it is ignored: a paste never acts as
    /// keys, so pasted digits and newlines cannot answer questions.
    mutating func handlePaste(_ text: String) {
        let characters = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        if sessions.ticketField != nil {
            for character in characters { handleTicketKey(.character(character)) }
            return
        }
        switch mode {
        case .search where PasteBox.looksLikeResponse(text):
            explainPaste(text)
        case .explain:
            pasteIntoBox(text)
        case .sessions:
            guard sessionsScreen?.isFiltering == true else { return }
            for character in characters { _ = sessionsScreen?.handle(.character(character)) }
        case .search:
            for character in characters { _ = handleSearchKey(.character(character)) }
        case .find:
            for character in characters { _ = handleFindKey(.character(character)) }
        case .diagnosis:
            guard var screen = diagnosis, screen.isTyping || screen.noteEditor != nil else { return }
            for character in characters { _ = screen.handle(.character(character)) }
            diagnosis = screen
        case .browse, .help, .trees:
            break
        }
    }
}
