import TerminalKit
import TriageCore

/// Does what only the browse screen asks of the shell: the screens it opens over itself, and the work it
/// cannot do (starting a diagnosis, copying).
extension BrowserState {
    mutating func act(on request: BrowseRequest) {
        switch request {
        case let .diagnose(code): diagnose(code: code)
        case let .diagnoseTree(id, code): diagnose(tree: id, from: code)
        case .trees: listTrees()
        case .resume: resumeDiagnosis()
        case .explain: openPasteBox()
        case let .explainPaste(text): explainPaste(text)
        case .sessions: openSessions()
        case .ticket: beginTicket(forDiagnosis: false)
        case let .copy(code):
            let clip = ClipboardText.line(code)
            sessions.copying = clip.escaped == 0 ? clip.text
                : "\(clip.text) (\(clip.escaped) control character\(clip.escaped == 1 ? "" : "s") written as escapes)"
            effects.append(.copy(clip))
        case let .flag(code): beginFlag(CatalogFlag(kind: .flag, code: code.description))
        }
    }
}
