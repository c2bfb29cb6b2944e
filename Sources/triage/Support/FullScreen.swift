import ArgumentParser
import Foundation
import TriageCore
import TriageStorage
import TriageTerminal
import TriageUI

/// Runs the full-screen browser (optionally straight into a diagnosis) and maps its end to an exit status.
enum FullScreen {
    /// Whether the full screen can run here, and if not, why.
    static func unavailableReason(environment: [String: String]) -> String? {
        if case let .unavailable(reason) = TerminalRunner.checkTerminal(environment: environment) { return reason }
        return nil
    }

    /// Explains that there is no terminal and names the line commands to use instead; exits 2.
    static func refuse(_ reason: String) throws -> Never {
        Console.error("""
            triage: cannot open the full-screen browser: \(reason).
            Use the line commands instead:
              triage search WORDS...        find codes (add --json for scripts)
              triage show CODE              what a code means and what to check
              triage list [--vendor V]      every code
              triage diagnose CODE --plain  guided diagnosis on stdin/stdout
            """)
        throw ExitCode(2)
    }

    /// Runs the browser; returns the program as it ended (for the diagnosis state).
    @discardableResult
    static func run(catalog: Catalog, vendor: String? = nil, query: String? = nil, diagnosis: DiagnosisSession? = nil,
                    transcriptFile: String? = nil, mouse: Bool, environment: [String: String]) throws -> BrowserProgram {
        let statePath = StatePath.resolve(environment: environment)
        let saver: TranscriptSaver?
        if let transcriptFile {
            saver = TranscriptSaver { draft in
                try TranscriptFile.write(draft.markdown, to: transcriptFile)
                return transcriptFile
            }
        } else {
            saver = TranscriptSaver.standard(environment: environment)
        }
        let options = BrowserOptions(vendor: vendor, query: query, memory: statePath.flatMap(BrowserMemory.load(from:)),
                                     memorySaver: statePath.map(MemorySaver.file), diagnosis: diagnosis)
        var program = BrowserProgram(catalog: catalog, options: options)
        let status: Int32
        do {
            status = try TerminalRunner.run(&program, options: TerminalOptions(mouse: mouse, environment: environment)) {
                $0.perform(transcripts: saver)
            }
        } catch {
            Console.error("triage: \(error)")
            throw ExitCode(2)
        }
        if status != 0 { throw ExitCode(status) }
        return program
    }
}
