/// Lets global options stand before or after the subcommand: `triage --catalog DIR list` is rewritten to
/// `triage list --catalog DIR`, which is what swift-argument-parser understands.
enum ArgumentOrder {
    /// Options that every subcommand accepts, and whether each takes a value.
    static let globalOptions: [String: Bool] = ["--catalog": true]

    static func normalize(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var moved: [String] = []
        var rest: [String] = []
        var index = 0
        var seenSubcommand = false
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { rest += arguments[index...]; break }
            if !seenSubcommand, subcommands.contains(argument) {
                seenSubcommand = true
                rest.append(argument)
            } else if !seenSubcommand, let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init),
                      let takesValue = globalOptions[name] {
                moved.append(argument)
                if takesValue, !argument.contains("="), index + 1 < arguments.count {
                    moved.append(arguments[index + 1])
                    index += 1
                }
            } else {
                rest.append(argument)
            }
            index += 1
        }
        guard seenSubcommand, !moved.isEmpty else { return moved + rest }
        // Insert the moved options right after the subcommand name.
        let position = rest.firstIndex { subcommands.contains($0) }.map { $0 + 1 } ?? 0
        return Array(rest[..<position]) + moved + Array(rest[position...])
    }
}
