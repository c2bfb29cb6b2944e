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
        guard try SessionDatabase.attempt({ try store.delete(id: id.value) }) else { throw SessionDatabase.missing(id.value) }
        Console.out("Deleted session #\(id.value).")
    }
}
