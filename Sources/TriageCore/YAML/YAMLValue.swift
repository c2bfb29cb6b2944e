import Yams

/// A YAML node with its position, and typed accessors that report `file:line:column` problems instead of
/// throwing, so one pass over a file finds every problem in it.
struct YAMLValue {
    let node: Node
    let location: SourceLocation

    init(_ node: Node, file: String, fallback: SourceLocation? = nil) {
        self.node = node
        if let mark = node.mark {
            location = SourceLocation(file: file, line: mark.line, column: mark.column)
        } else {
            location = fallback ?? SourceLocation(file: file, line: 1, column: 1)
        }
    }

    var file: String { location.file }

    /// True for `key:` with no value, `~` and `null`.
    var isNull: Bool {
        guard case let .scalar(scalar) = node else { return false }
        return scalar.tag.description == Tag.Name.null.rawValue
            || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
    }

    private var kindName: String {
        switch node {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Non-empty text. Numbers and booleans are taken as the text they were written as.
    func text(_ what: String, _ problems: inout ProblemList) -> String? {
        guard case let .scalar(scalar) = node, !isNull else {
            problems.add(location, "\(what) must be text, found \(kindName)")
            return nil
        }
        let value = CatalogText.trimmed(scalar.string)
        guard !value.isEmpty else {
            problems.add(location, "\(what) must not be empty")
            return nil
        }
        return value
    }

    /// A whole number, optionally within `range`.
    func integer(_ what: String, in range: ClosedRange<Int>? = nil, _ problems: inout ProblemList) -> Int? {
        guard case let .scalar(scalar) = node, !isNull, let value = Int(scalar.string) else {
            problems.add(location, "\(what) must be a whole number, found \(describeScalar)")
            return nil
        }
        if let range, !range.contains(value) {
            problems.add(location, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    func boolean(_ what: String, _ problems: inout ProblemList) -> Bool? {
        guard case let .scalar(scalar) = node else {
            problems.add(location, "\(what) must be true or false, found \(kindName)")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problems.add(location, "\(what) must be true or false, found \(describeScalar)")
            return nil
        }
    }

    private var describeScalar: String {
        if case let .scalar(scalar) = node, !isNull { return "'\(scalar.string.prefix(40))'" }
        return kindName
    }

    /// The items of a list.
    func list(_ what: String, _ problems: inout ProblemList) -> [YAMLValue]? {
        guard case let .sequence(sequence) = node else {
            problems.add(location, "\(what) must be a list, found \(kindName)")
            return nil
        }
        return sequence.map { YAMLValue($0, file: file, fallback: location) }
    }

    /// A list of non-empty texts; items that are not text are reported and left out.
    func textList(_ what: String, _ problems: inout ProblemList) -> [String]? {
        guard let items = list(what, &problems) else { return nil }
        return items.compactMap { $0.text("each item of \(what)", &problems) }
    }

    func mapping(_ what: String, _ problems: inout ProblemList) -> YAMLMapping? {
        guard case let .mapping(mapping) = node else {
            problems.add(location, "\(what) must be a mapping (key: value lines), found \(kindName)")
            return nil
        }
        return YAMLMapping(mapping, at: location)
    }
}

/// A YAML mapping whose keys are plain text, in file order.
struct YAMLMapping {
    /// Keys, their positions and values, in file order (three arrays: a lookup compares keys only).
    let keys: [String]
    let keyLocations: [SourceLocation]
    let values: [YAMLValue]
    let location: SourceLocation

    init(_ mapping: Node.Mapping, at location: SourceLocation) {
        self.location = location
        var keys: [String] = [], keyLocations: [SourceLocation] = [], values: [YAMLValue] = []
        keys.reserveCapacity(mapping.count)
        keyLocations.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let keyValue = YAMLValue(key, file: location.file, fallback: location)
            keys.append(key.string ?? "")
            keyLocations.append(keyValue.location)
            values.append(YAMLValue(value, file: location.file, fallback: keyValue.location))
        }
        self.keys = keys
        self.keyLocations = keyLocations
        self.values = values
    }

    /// Every key with its position and value, in file order.
    var entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
        keys.indices.map { (keys[$0], keyLocations[$0], values[$0]) }
    }

    subscript(key: String) -> YAMLValue? { keys.firstIndex(of: key).map { values[$0] } }

    func has(_ key: String) -> Bool { keys.contains(key) }

    /// The value of a key that must be present.
    func required(_ key: String, in what: String, _ problems: inout ProblemList) -> YAMLValue? {
        guard let value = self[key] else {
            problems.add(location, "\(what) is missing required key '\(key)'")
            return nil
        }
        return value
    }

    /// Reports every key that is not in `allowed`, with a suggestion when one is close (a typo).
    func rejectUnknownKeys(allowed: [String], in what: String, _ problems: inout ProblemList) {
        for (key, keyLocation) in zip(keys, keyLocations) where !allowed.contains(key) {
            var message = "unknown key '\(key)' in \(what)"
            if let guess = Suggestions.closest(to: key, among: allowed, limit: 1).first {
                message += "; did you mean '\(guess)'?"
            } else {
                message += " (allowed: \(allowed.joined(separator: ", ")))"
            }
            problems.add(keyLocation, message)
        }
    }
}

/// Parses YAML text into its root node, reporting syntax errors with their position.
enum YAMLParser {
    static func parse(_ text: String, file: String, _ problems: inout ProblemList) -> YAMLValue? {
        do {
            // The basic resolver: every scalar is text to Yams (the accessors above decide what is a number, a
            // boolean or null), so its duplicate-key check compares keys without running the tag regexes.
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                problems.add(SourceLocation(file: file, line: 1, column: 1), "file is empty")
                return nil
            }
            return YAMLValue(node, file: file)
        } catch let error as YamlError {
            problems.add(location(of: error, file: file), message(of: error))
            return nil
        } catch {
            problems.add(SourceLocation(file: file, line: 1, column: 1), "cannot parse YAML: \(error)")
            return nil
        }
    }

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
             let .composer(context, problem, _, _):
            if let context { return "YAML syntax: \(problem) (\(context.text))" }
            return "YAML syntax: \(problem)"
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping"
        case let .reader(problem, _, _, _):
            return "cannot read the file: \(problem)"
        default:
            return "YAML: \(error)"
        }
    }
}
