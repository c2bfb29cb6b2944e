import TerminalKit

/// Self-checks for tests: selections and scroll offsets point inside what is shown, and the modes agree.
extension DiagnosisScreen {
    /// Every broken rule, as readable sentences; empty when the state is consistent. `deep` also checks the
    /// scroll offsets against freshly laid-out documents.
    public func invariantViolations(deep: Bool = true) -> [String] {
        var problems: [String] = []
        let path = session.path
        if isTyping {
            if case .ask? = current?.kind {} else { problems.append("typing without a value to type") }
        }
        if focus == .path, path.isEmpty { problems.append("the path has the focus but is empty") }
        if !path.isEmpty, !path.indices.contains(pathSelection) {
            problems.append("path selection \(pathSelection) is outside the \(path.count) steps")
        }
        if let editor = noteEditor, !(0...path.count).contains(editor.step) {
            problems.append("the note editor is on step \(editor.step) of \(path.count + 1)")
        }
        if field.text.count > field.limit { problems.append("the value is longer than \(field.limit)") }
        guard deep else { return problems }
        let layout = self.layout
        let document = stepDocument(layout: layout)
        if let selection, !document.targets.indices.contains(selection) {
            problems.append("selection \(selection) of \(document.targets.count) targets")
        }
        if case .answer? = document.targets.first, selection == nil {
            problems.append("a question without a selected answer")
        }
        if stepScroll < 0 || stepScroll > max(0, document.lines.count - max(1, layout.step.height)) {
            problems.append("step scroll \(stepScroll) for \(document.lines.count) lines")
        }
        let pathLines = pathDocument(layout: layout).lines.count
        if pathScroll < 0 || pathScroll > max(0, pathLines - max(1, layout.path.height)) {
            problems.append("path scroll \(pathScroll) for \(pathLines) lines")
        }
        return problems
    }
}
