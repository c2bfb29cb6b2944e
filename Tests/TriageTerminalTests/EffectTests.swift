import TerminalKit
import Testing
@testable import TriageTerminal

/// The runner performs the effects an update returns, in order, and hands each answer back to the program.
@Suite("Effects")
struct EffectTests {
    /// Asks to "save" on every key; an answer "full" asks once more, an answer "quit" quits.
    struct Saver: TerminalProgram {
        var answers: [String] = []

        mutating func update(_ event: InputEvent) -> Update<String> {
            Update(.continue, effects: ["save a", "save b"])
        }

        mutating func answer(_ answer: String) -> Update<String> {
            answers.append(answer)
            if answer == "done: retry" { return .quit }
            return answer == "done: save b" ? Update(.continue, effects: ["retry"]) : .continue
        }

        func view(_ context: RenderContext) -> Buffer { Buffer(width: 0, height: 0) }
        func shutdown() {}
    }

    @Test("effects are performed in order, answers come back, an answer's own effects follow, quit stops")
    func performsInOrder() {
        var program = Saver()
        var performed: [String] = []
        let result = TerminalRunner.apply(program.update(.key(.enter)), to: &program) { effect in
            performed.append(effect)
            return "done: " + effect
        }
        #expect(performed == ["save a", "save b", "retry"])
        #expect(program.answers == ["done: save a", "done: save b", "done: retry"])
        #expect(result == .quit)
    }

    @Test("nothing is performed after the update itself quits")
    func quitFirst() {
        var program = Saver()
        var performed = 0
        let result = TerminalRunner.apply(Update(.quit, effects: ["save a"]), to: &program) { _ in
            performed += 1
            return ""
        }
        #expect(result == .quit)
        #expect(performed == 0)
    }
}
