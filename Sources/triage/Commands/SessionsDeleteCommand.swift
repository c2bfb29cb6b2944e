import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions delete ID|--ticket T`.
struct SessionsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a saved diagnosis.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id (or give --ticket T for the ticket's open session).") var id: SessionID?

    func run() throws {
        let store = try SessionDatabase.require(global)
        let stored = try SessionHandle.require(id, global: global, store: store)
        guard try SessionDatabase.attempt({ try store.delete(id: stored.id) }) else { throw SessionDatabase.missing(stored.id) }
        Console.out("Deleted session #\(stored.id).")
    }
}
