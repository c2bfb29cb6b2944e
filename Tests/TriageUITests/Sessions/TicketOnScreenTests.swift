import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The diagnosis always says which ticket and stored session it is (`ZD-4711 #12`) on its last row, at every
/// width from 30 columns up, also while a message or the note editor takes the row.
@Suite("Sessions: the ticket on screen")
struct TicketOnScreenTests {
    /// A recording program at `width`, in a diagnosis answered once (stored as session 12 for ZD-4711).
    static func program(width: Int, height: Int = 24) -> BrowserProgram {
        var options = BrowserOptions(clock: { DiagnosisFixtures.date })
        options.recordsSessions = true
        options.ticket = "ZD-4711"
        var program = BrowserProgram.sized(Fixtures.shipped, width: width, height: height, options: options)
        program.send(.character("t"), .enter)
        let update = program.update(.key(.character("1")))
        if update.effects.contains(where: { if case .saveSession = $0 { true } else { false } }) {
            _ = program.answer(.sessionSaved(id: 12))
        }
        return program
    }

    @Test("ZD-4711 #12 is on the last row at every width from 30 to 200 columns", arguments: [30, 31, 40, 60, 80, 120, 200])
    func handleAtEveryWidth(width: Int) {
        let program = Self.program(width: width)
        #expect(program.state.mode == .diagnosis)
        let last = program.render().lines[23]
        #expect(last.contains("ZD-4711 #12"), "\(width) columns: \(last)")
    }

    @Test("the handle stays while a message or the note editor takes the row, and before the first answer")
    func handleStays() {
        var program = Self.program(width: 40)
        program.send(.character("n"))
        program.type("customer sent the logs")
        #expect(program.render().lines[23].contains("ZD-4711 #12"), "while editing a note")
        program.send(.enter)
        #expect(program.state.diagnosis?.message != nil)
        #expect(program.render().text.contains("ZD-4711 #12"), "beside a message")
        var fresh = BrowserProgram.sized(Fixtures.shipped, width: 30, height: 24,
                                         options: { var o = BrowserOptions(); o.recordsSessions = true; o.ticket = "ZD-9"; return o }())
        fresh.send(.character("t"), .enter)
        #expect(fresh.render().lines[23].contains("ZD-9"), "not stored yet: the ticket alone")
    }

    @Test("a long ticket is cut to 16 columns so the keys keep their room")
    func longTicket() {
        let recording = SessionRecording(ticket: "SUPPORT-ESCALATION-2026-000123", continuing: 7)
        let handle = DiagnosisStatusLine.handle(recording, glyphs: .unicode)
        #expect(handle.plain.hasSuffix(" #7"))
        #expect(handle.width <= 16 + 3)
        #expect(DiagnosisStatusLine.handle(SessionRecording(ticket: nil), glyphs: .unicode).width == 0)
    }
}

/// The transcript the full screen saves (`s`) or copies (`y`) stands alone: its header has the ticket, the stored
/// session, when the diagnosis started and, at a conclusion, when it ended.
@Suite("Sessions: the full screen's transcript header")
struct FullScreenTranscriptHeaderTests {
    @Test("s saves a transcript whose header names the ticket, the session and the start")
    func headerFromTheFullScreen() throws {
        let program = TicketOnScreenTests.program(width: 100, height: 30)
        let screen = try #require(program.state.diagnosis)
        #expect(screen.startedAt == DiagnosisFixtures.date)
        let draft = screen.transcriptDraft(date: DiagnosisFixtures.date)
        #expect(draft.markdown.contains("ZD-4711"), "\(draft.markdown.prefix(600))")
        #expect(draft.markdown.contains("#12"))
        #expect(draft.markdown.contains("Started"))
    }
}
