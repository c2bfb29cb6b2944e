import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions delete ID`.
struct SessionsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a saved diagnosis.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id.") var id: SessionID

    func run() throws {
        let store = try SessionDatabase.require(global)
        guard try SessionDatabase.attempt({ try store.delete(id: id.value) }) else {
            Console.error("triage: no session #\(id.value); see 'triage sessions list'")
            throw ExitCode(1)
        }
        Console.out("Deleted session #\(id.value).")
    }
}
