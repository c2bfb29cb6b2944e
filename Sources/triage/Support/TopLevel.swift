import TerminalKit
import TriageCore

/// What the first words of the command line mean, before swift-argument-parser sees them (as git and cargo do):
/// `triage INSTALL_NOT_FOUND` is `triage show INSTALL_NOT_FOUND`; `triage shwo X` is a usage error with "did
/// you mean 'show'?"; `triage version` and `triage --version` print the version; `triage help foo` is a usage
/// error with a suggestion.
enum TopLevel {
    enum Decision: Equatable {
        /// Parse these arguments.
        case parse([String])
        /// Print the version.
        case version
        /// A usage error: print the message and exit 2.
        case usage(String)
    }

    /// Whether the command line asks for the version (`triage --version`, `triage version`, `--version` before
    /// the first word): answered before the subcommands are looked at.
    static func asksForVersion(_ arguments: [String]) -> Bool {
        guard let first = positionals(arguments).first else { return arguments.contains("--version") }
        return arguments[..<first].contains("--version") || arguments[first] == "version"
    }

    /// `isCode` says whether a word is a code of the catalog (any vendor, ignoring case).
    static func decide(_ arguments: [String], subcommands: [String], isCode: (String) -> Bool) -> Decision {
        if asksForVersion(arguments) { return .version }
        let positions = positionals(arguments)
        guard let first = positions.first else { return .parse(arguments) }
        let word = arguments[first]
        if subcommands.contains(word) {
            if word == "help", positions.count > 1 {
                let topic = arguments[positions[1]]
                if !subcommands.contains(topic) { return .usage(unknown(topic, subcommands: subcommands, what: "no help topic")) }
            }
            return .parse(arguments)
        }
        if isCode(word) || Int(word) != nil {
            var shown = arguments
            shown.insert("show", at: first)
            return .parse(shown)
        }
        return .usage(unknown(word, subcommands: subcommands, what: "unknown command"))
    }

    private static func unknown(_ word: String, subcommands: [String], what: String) -> String {
        let safe = TerminalSafe.sanitize(word, keepNewlines: false)
        var message = "triage: \(what) '\(safe)'"
        let choices = subcommands.filter { $0 != "help" }
        if let guess = Suggestions.closest(to: word, among: choices, limit: 1).first {
            message += "; did you mean '\(guess)'?"
        } else if what == "unknown command" {
            message += " (and no code of the catalog is called that)"
        }
        return message + "\nCommands: " + choices.joined(separator: ", ") + "\nSee 'triage --help'."
    }

    /// Indexes of the words that are not options or option values, up to `--`.
    static func positionals(_ arguments: [String]) -> [Int] {
        var result: [Int] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument.hasPrefix("-"), argument.count > 1, !argument.dropFirst().allSatisfy(\.isNumber) {
                if ArgumentOrder.valueOptions.contains(argument) { index += 1 }
            } else {
                result.append(index)
            }
            index += 1
        }
        return result
    }
}
