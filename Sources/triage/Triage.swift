import ArgumentParser
import Foundation

/// `triage`: the error-code catalog and guided diagnosis for API support engineers.
@main
struct Triage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Look up vendor API error codes and diagnose failures, in the terminal.",
        discussion: """
            With no subcommand, opens the full-screen browser (same as 'triage browse'). A first word that is a code
            is 'show': 'triage INSTALL_NOT_FOUND' is 'triage show INSTALL_NOT_FOUND'.
            The built-in catalog is inside the binary; add or override entries with --catalog DIR (repeatable)
            or TRIAGE_CATALOG=DIR1:DIR2. Global options may stand before or after the subcommand.

            Shell completion: triage --generate-completion-script bash|zsh|fish (see the README).
            Exit status: 0 success, 1 nothing found / lint problems / ambiguous code, 2 usage or catalog errors.
            """,
        version: TriageVersion.current,
        subcommands: [
            BrowseCommand.self, ShowCommand.self, SearchCommand.self, ExplainCommand.self, ListCommand.self,
            VendorsCommand.self, DocsCommand.self, DiagnoseCommand.self, SessionsCommand.self, TreesCommand.self, LintCommand.self,
            TestCommand.self, ImportCommand.self,
            ReplyCommand.self, ReviewCommand.self, LearnedCommand.self, SyncCommand.self, CacheCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self)

    static func main() {
        FileSizeLimit.reportInsteadOfDying()
        // `--version` before anything else is looked at: it does not depend on the subcommands.
        if TopLevel.asksForVersion(Array(CommandLine.arguments.dropFirst())) {
            return Console.out(TriageVersion.current)
        }
        let names = Set(configuration.subcommands.map { $0._commandName } + ["help"])
        var nested: [String: Set<String>] = [:]
        for command in configuration.subcommands where !command.configuration.subcommands.isEmpty {
            nested[command._commandName] = Set(command.configuration.subcommands.map { $0._commandName })
        }
        var given = Array(CommandLine.arguments.dropFirst())
        // The completion scripts' entry point and the generators are passed through untouched.
        let passThrough = ["---completion", "--generate-completion-script", "--experimental-dump-help"]
        if !passThrough.contains(where: { given.first?.hasPrefix($0) == true }) {
            switch TopLevel.decide(given, subcommands: names.sorted(), isCode: { word in
                !Completions.load(words: given).entries(code: word).isEmpty
            }) {
            case let .parse(arguments): given = ArgumentOrder.normalize(arguments, subcommands: names, nested: nested)
            case .version: Console.out(TriageVersion.current); return
            case let .usage(message): Console.error(message); Foundation.exit(2)
            }
        }
        let arguments = given
        do {
            // A plain `triage search` skips the parser's reflection (see SearchShortcut); anything else is parsed.
            var command: ParsableCommand = try SearchShortcut.command(arguments) ?? parseAsRoot(arguments)
            try command.run()
        } catch let error as TriageError {
            Console.error(error.description)
            Foundation.exit(error.exitCode)
        } catch let status as ExitCode {
            // A command's own status (`triage search` that found nothing): swift-argument-parser would say
            // nothing for it either, but working that out reflects every command (7 million instructions).
            Foundation.exit(status.rawValue)
        } catch {
            // Usage errors exit 2, like grep and fzf; everything else keeps its own code.
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Console.error("See 'triage --help'.")
                Foundation.exit(2)
            }
            // Help and every other error are printed through Console, so a closed or full stdout/stderr
            // exits 2 instead of trapping.
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Console.out(message) } else { Console.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
