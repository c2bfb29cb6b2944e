import TerminalKit

/// The mouse, a bonus: a click chooses an answer, opens a related code, types in the value field or selects an
/// earlier step (Enter then jumps back to it); the wheel scrolls the pane under it.
extension DiagnosisScreen {
    /// One mouse event at screen cell (x, y), the area starting at (0, 0).
    public mutating func handle(mouse event: MouseEvent) -> DiagnosisOutcome {
        guard noteEditor == nil else { return .stay }
        message = nil
        confirmingRestart = false
        var outcome = DiagnosisOutcome.stay
        let layout = self.layout
        if layout.path.contains(x: event.x, y: event.y) {
            let document = pathDocument(layout: layout)
            if focus != .path {
                isTyping = false
                focus = .path
            }
            switch event.kind {
            case .wheelUp: pathMove(by: -1)
            case .wheelDown: pathMove(by: 1)
            case .press:
                if let entry = document.region(atLine: pathScroll + event.y - layout.path.y) {
                    pathSelection = entry
                    revealPathSelection()
                }
            }
        } else if layout.step.contains(x: event.x, y: event.y) {
            let document = stepDocument(layout: layout)
            switch event.kind {
            case .wheelUp: stepScroll(by: -3)
            case .wheelDown: stepScroll(by: 3)
            case .press:
                focus = .step
                let index = stepScroll + event.y - layout.step.y
                if index == document.fieldLine {
                    isTyping = true
                } else if let target = document.region(atLine: index) {
                    selection = target
                    switch document.targets[target] {
                    case let .answer(answer): choose(answer)
                    case let .code(reference): outcome = .openCode(reference)
                    }
                } else if case .ask? = current?.kind {
                    isTyping = true
                }
            }
        }
        settle()
        return outcome
    }
}
