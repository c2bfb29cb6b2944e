import Foundation
import TerminalKit
import Testing
@testable import TriageTerminal

/// Messages posted from other threads reach the program between key presses, in order, with their effects.
@Suite("Mailbox")
struct MailboxTests {
    /// Records what it receives; "save" asks for an effect, "stop" quits.
    struct Listener: TerminalProgram {
        var received: [String] = []
        var answers: [String] = []

        mutating func update(_ event: InputEvent) -> Update<String> { .continue }
        mutating func answer(_ answer: String) -> Update<String> {
            answers.append(answer)
            return .continue
        }
        mutating func receive(_ message: String) -> Update<String> {
            received.append(message)
            if message == "stop" { return .quit }
            return message == "save" ? Update(.continue, effects: ["saved"]) : .continue
        }
        func view(_ context: RenderContext) -> Buffer { Buffer(width: 0, height: 0) }
        func shutdown() -> [String] { [] }
    }

    @Test("messages from many threads arrive once each, each thread's in its order, with their effects")
    func deliversInOrder() {
        let mailbox = Mailbox<String>()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for number in 0..<50 { mailbox.post("\(thread)-\(number)") }
        }
        mailbox.post("save")
        var program = Listener()
        let delivered = TerminalRunner.deliver(mailbox, to: &program) { effect in "done: " + effect }
        #expect(delivered.delivered && delivered.result == .continue)
        #expect(program.received.count == 201)
        for thread in 0..<4 {
            let mine = program.received.filter { $0.hasPrefix("\(thread)-") }
            #expect(mine == (0..<50).map { "\(thread)-\($0)" })
        }
        #expect(program.answers == ["done: saved"])
        // Taken: the next round finds nothing.
        #expect(TerminalRunner.deliver(mailbox, to: &program) { $0 }.delivered == false)
    }

    @Test("a message that quits stops the delivery")
    func quitStops() {
        let mailbox = Mailbox<String>()
        mailbox.post("stop")
        mailbox.post("after")
        var program = Listener()
        let delivered = TerminalRunner.deliver(mailbox, to: &program) { $0 }
        #expect(delivered.result == .quit)
        #expect(program.received == ["stop"])
    }
}
