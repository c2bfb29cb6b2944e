/// The one command line that does not go through swift-argument-parser: a plain `triage search`, the command people
/// and scripts run most, answered in a few milliseconds.
///
/// Why: the parser builds each command from its property wrappers by reflection, and the Swift runtime answers the
/// first question about each (type, protocol) pair by scanning all of the binary's 11,000 protocol conformances.
/// That was 26 of the 48 million instructions of a built-in search. This reads only what needs no judgement:
/// `search` then words and `--vendor V`, `--limit N`, `--json`, `--catalog DIR`, `--db PATH`, `--ticket T` (also
/// `--name=value`), each at most once but `--catalog`. Anything else (help, a dash, `--`, an unknown or repeated
/// option, a value that is empty or starts with a dash, a failed validation) returns nil and goes to the parser,
/// which then answers with its usual messages. A test compares this with the parser on thousands of command lines.
enum SearchShortcut {
    /// The parsed and validated command, or nil when the parser should decide.
    /// `arguments` are the ones the parser would get (after `ArgumentOrder.normalize`).
    static func command(_ arguments: [String]) -> SearchCommand? {
        guard arguments.first == "search", let options = Options(arguments.dropFirst()) else { return nil }
        var global = GlobalOptions()
        global.catalogs = options.catalogs
        global.database = options.database
        global.ticket = options.ticket
        var command = SearchCommand()
        command.global = global
        command.query = options.words
        command.vendor = options.vendor
        command.limit = options.limit
        command.json = options.json
        do {
            try global.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    /// The command line read as plain words and options; nil for anything else.
    private struct Options {
        var words: [String] = []
        var catalogs: [String] = []
        var vendor: String?
        var limit = 20
        var json = false
        var database: String?
        var ticket: String?

        init?(_ arguments: ArraySlice<String>) {
            var rest = arguments[...]
            var limitGiven = false
            while let argument = rest.popFirst() {
                guard argument.hasPrefix("-") else {
                    words.append(argument)
                    continue
                }
                if argument == "--json" {
                    guard !json else { return nil }
                    json = true
                    continue
                }
                let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value: String
                if parts.count == 2 {
                    value = String(parts[1])
                } else if let next = rest.popFirst() {
                    value = next
                } else {
                    return nil
                }
                guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
                switch parts[0] {
                case "--catalog": catalogs.append(value)
                case "--vendor" where vendor == nil: vendor = value
                case "--db" where database == nil: database = value
                case "--ticket" where ticket == nil: ticket = value
                case "--limit" where !limitGiven:
                    guard let number = Int(value) else { return nil }
                    limit = number
                    limitGiven = true
                default: return nil
                }
            }
        }
    }
}
