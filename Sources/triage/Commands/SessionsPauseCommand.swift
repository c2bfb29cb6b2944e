import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions pause ID|--ticket T --reason TEXT` (or `--clear`): notes why an open diagnosis waits.
struct SessionsPauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Note why a diagnosis waits (\"waiting for the customer's logs\").",
        discussion: """
            Give the session id, or --ticket T for the ticket's open session. The reason is one line of at most \
            \(SessionsPauseCommand.maximumLength) characters; 'sessions list' and 'sessions show' print it. The \
            next step of the diagnosis clears it, and so does --clear.
            """)

    static let maximumLength = 200

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id (or give --ticket T for the ticket's open session).") var id: SessionID?
    @Option(help: "Why it waits: one line.") var reason: String?
    @Flag(help: "Remove the reason.") var clear = false

    func run() throws {
        let text = try Self.validated(reason: reason, clear: clear)
        let store = try SessionDatabase.require(global)
        let stored = try SessionHandle.require(id, global: global, store: store)
        guard try SessionDatabase.attempt({ try store.pause(id: stored.id, reason: text, at: Date()) }) else {
            throw SessionDatabase.missing(stored.id)
        }
        Console.out(text.map { "Session #\(stored.id) paused: \($0)" } ?? "Session #\(stored.id) is no longer paused.")
    }

    /// The reason to store (nil with `--clear`), or exit 2: exactly one of the two, one line, not empty, not too long.
    static func validated(reason: String?, clear: Bool) throws -> String? {
        switch (reason, clear) {
        case (nil, true): return nil
        case (.some, true): throw TriageError("give --reason or --clear, not both", exitCode: 2)
        case (nil, false): throw TriageError("give --reason \"why it waits\" (or --clear to remove the reason)", exitCode: 2)
        case let (reason?, false):
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                throw TriageError("the reason must be one line of text, without newlines or control characters", exitCode: 2)
            }
            if trimmed.isEmpty { throw TriageError("the reason is empty; use --clear to remove it", exitCode: 2) }
            if trimmed.count > maximumLength {
                throw TriageError("the reason has \(trimmed.count) characters; at most \(maximumLength)", exitCode: 2)
            }
            // A key pasted into the reason is stored and shown masked, as everywhere else.
            return SecretMasker.masked(trimmed).text
        }
    }
}
