import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The full screen's transcripts (`s` saves, `y` copies) carry the header: the engineer, host and catalog version
/// from `BrowserOptions.transcriptContext`, the diagnosis's ticket; and a diagnosis started from the paste box
/// (`d`) keeps the masked paste.
@Suite("Full screen: transcript header and paste")
struct TranscriptHeaderScreenTests {
    @Test("d from the paste box keeps the masked paste; s and y write the header, the evidence and the paste")
    func pasteBoxDiagnosisTranscript() throws {
        var options = BrowserOptions(clock: { DiagnosisFixtures.date })
        options.ticket = "SUP-9"
        options.transcriptContext = TranscriptContext(engineer: "alice", host: "support-box", catalogVersion: "triage test")
        var program = BrowserProgram.sized(Fixtures.shipped, width: 100, height: 30, options: options)
        program.send(.character("e"))
        _ = program.update(.paste(PasteBoxTests.curl))
        program.send(.character("d"))
        #expect(program.state.mode == .diagnosis)
        let paste = try #require(program.state.diagnosis?.session.paste)
        #expect(paste.contains("apikey: [secret]"))
        #expect(!paste.contains("5a4b3c2d1e0f9a8b7c6d"))

        let copy = program.update(.key(.character("y"))).effects.first
        guard case let .copy(clip)? = copy else {
            Issue.record("no copy: \(String(describing: copy))")
            return
        }
        let markdown = clip.text
        let save = program.update(.key(.character("s"))).effects.first
        guard case let .saveTranscript(draft)? = save else {
            Issue.record("no save: \(String(describing: save))")
            return
        }
        for text in [markdown, draft.markdown] {
            for line in ["- Ticket: SUP-9\n", "- Engineer: alice\n", "- Host: support-box\n", "- Catalog: triage test\n",
                         "| app_id | 2a4f9c81e3b7d605 |", "## Pasted response (secrets masked)", "> apikey: [secret]"] {
                #expect(text.contains(line), "missing \(line)")
            }
            #expect(!text.contains("5a4b3c2d1e0f9a8b7c6d"))
        }
    }
}
