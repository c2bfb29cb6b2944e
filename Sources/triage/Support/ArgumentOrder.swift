/// Rewrites the command line into what swift-argument-parser understands:
/// - global options may stand before the subcommand: `triage --catalog DIR list` -> `triage list --catalog DIR`;
/// - negative numbers are codes, not options: `triage show -1 --vendor sentori` ->
///   `triage show --vendor sentori -- -1`.
enum ArgumentOrder {
    /// Options that every subcommand accepts, and whether each takes a value.
    static let globalOptions: [String: Bool] = ["--catalog": true, "--db": true, "--ticket": true]
    /// Options (of any subcommand) that take a value, so a negative number after them is their value. An array,
    /// not a `Set`: every start reads it, and making the first `Set<String>` has the Swift runtime look through all
    /// of the binary's 11,000 protocol conformances (a fifth of `triage --version`); 24 comparisons cost nothing.
    static let valueOptions = ["--catalog", "--host", "--timeout", "--vendor", "--category", "--limit", "--query", "--answer", "--from",
                                            "--transcript", "--tree", "--db", "--ticket", "--since",
                                            "--user", "--format", "--into", "--map", "--code-pattern", "--items", "--name",
                                            "--source", "--date", "--reason"]

    /// `nested` names the subcommands of a subcommand (`sessions` -> `list`, `show`, ...): global options go after
    /// the whole path (`triage --db F sessions list` -> `triage sessions list --db F`).
    static func normalize(_ arguments: [String], subcommands: Set<String>,
                          nested: [String: Set<String>] = [:]) -> [String] {
        moveNegativeNumbers(reorderGlobalOptions(arguments, subcommands: subcommands, nested: nested))
    }

    private static func isNegativeNumber(_ argument: String) -> Bool {
        argument.count > 1 && argument.hasPrefix("-") && argument.dropFirst().allSatisfy(\.isNumber)
    }

    private static func moveNegativeNumbers(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var numbers: [String] = []
        var trailing: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { trailing = Array(arguments[(index + 1)...]); break }
            if isNegativeNumber(argument), index > 0, valueOptions.contains(arguments[index - 1]) {
                // `--limit -1` -> `--limit=-1`, so the option gets its value (and validation its say).
                kept[kept.count - 1] += "=" + argument
            } else if isNegativeNumber(argument) {
                numbers.append(argument)
            } else {
                kept.append(argument)
            }
        }
        guard !numbers.isEmpty || !trailing.isEmpty else { return kept }
        return kept + ["--"] + numbers + trailing
    }

    private static func reorderGlobalOptions(_ arguments: [String], subcommands: Set<String>,
                                             nested: [String: Set<String>]) -> [String] {
        var moved: [String] = []
        var rest: [String] = []
        var index = 0
        var seenSubcommand = false
        // The subcommand whose own subcommands may still follow (`sessions` until `list`).
        var parent: String?
        var pathEnd = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { rest += arguments[index...]; break }
            if !seenSubcommand, subcommands.contains(argument) {
                seenSubcommand = true
                rest.append(argument)
                pathEnd = rest.count
                parent = nested[argument] == nil ? nil : argument
            } else if let current = parent, nested[current]?.contains(argument) == true {
                rest.append(argument)
                pathEnd = rest.count
                parent = nil
            } else if parent != nil || !seenSubcommand, let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init),
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
        // Insert the moved options right after the subcommand path.
        return Array(rest[..<pathEnd]) + moved + Array(rest[pathEnd...])
    }
}
