/// A YAML node with its position, and typed accessors that report `file:line:column` problems instead of
/// throwing, so one pass over a file finds every problem in it. Built from libyaml's events (`YAMLEventParser`):
/// scalars are kept as the text they were written as; what is a number, a boolean or null is the accessors' call.
struct YAMLValue {
    enum Kind {
        /// `plain`: written without quotes or block indicators; `nullTag`: tagged `!!null` explicitly.
        case scalar(String, plain: Bool, nullTag: Bool)
        case mapping(YAMLMapping)
        case sequence([YAMLValue])
    }

    let kind: Kind
    let location: SourceLocation

    init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    var file: String { location.file }

    /// True for `key:` with no value, `~` and `null`.
    var isNull: Bool {
        guard case let .scalar(text, plain, nullTag) = kind else { return false }
        if nullTag { return true }
        // Longer text cannot be one of these (nothing else is canonically equivalent to them).
        guard plain, text.utf8.count <= 4 else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The text of a scalar that is not null.
    private var scalarText: String? {
        guard case let .scalar(text, _, _) = kind, !isNull else { return nil }
        return text
    }

    private var kindName: String {
        switch kind {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        }
    }

    /// Non-empty text. Numbers and booleans are taken as the text they were written as.
    func text(_ what: @autoclosure () -> String, _ problems: inout ProblemList) -> String? {
        guard let text = scalarText else {
            problems.add(location, "\(what()) must be text, found \(kindName)")
            return nil
        }
        let value = CatalogText.trimmed(text)
        guard !value.isEmpty else {
            problems.add(location, "\(what()) must not be empty")
            return nil
        }
        return value
    }

    /// A whole number, optionally within `range`.
    func integer(_ what: @autoclosure () -> String, in range: ClosedRange<Int>? = nil, _ problems: inout ProblemList) -> Int? {
        guard let text = scalarText, let value = Int(text) else {
            problems.add(location, "\(what()) must be a whole number, found \(describeScalar)")
            return nil
        }
        if let range, !range.contains(value) {
            problems.add(location, "\(what()) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    func boolean(_ what: @autoclosure () -> String, _ problems: inout ProblemList) -> Bool? {
        guard case let .scalar(text, _, _) = kind else {
            problems.add(location, "\(what()) must be true or false, found \(kindName)")
            return nil
        }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problems.add(location, "\(what()) must be true or false, found \(describeScalar)")
            return nil
        }
    }

    private var describeScalar: String {
        if let text = scalarText { return "'\(text.prefix(40))'" }
        return kindName
    }

    /// The items of a list.
    func list(_ what: @autoclosure () -> String, _ problems: inout ProblemList) -> [YAMLValue]? {
        guard case let .sequence(items) = kind else {
            problems.add(location, "\(what()) must be a list, found \(kindName)")
            return nil
        }
        return items
    }

    /// A list of non-empty texts; items that are not text are reported and left out.
    func textList(_ what: @autoclosure () -> String, _ problems: inout ProblemList) -> [String]? {
        guard let items = list(what(), &problems) else { return nil }
        return items.compactMap { $0.text("each item of \(what())", &problems) }
    }

    func mapping(_ what: @autoclosure () -> String, _ problems: inout ProblemList) -> YAMLMapping? {
        guard case let .mapping(mapping) = kind else {
            problems.add(location, "\(what()) must be a mapping (key: value lines), found \(kindName)")
            return nil
        }
        return mapping
    }
}

/// A YAML mapping whose keys are plain text, in file order.
struct YAMLMapping {
    /// Keys, their positions and values, in file order (three arrays: a lookup compares keys only).
    let keys: [String]
    let keyLocations: [SourceLocation]
    let values: [YAMLValue]
    let location: SourceLocation

    init(keys: [String], keyLocations: [SourceLocation], values: [YAMLValue], at location: SourceLocation) {
        self.keys = keys
        self.keyLocations = keyLocations
        self.values = values
        self.location = location
    }

    /// Every key with its position and value, in file order.
    var entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
        keys.indices.map { (keys[$0], keyLocations[$0], values[$0]) }
    }

    subscript(key: String) -> YAMLValue? { keys.firstIndex(of: key).map { values[$0] } }

    func has(_ key: String) -> Bool { keys.contains(key) }

    /// The value of a key that must be present.
    func required(_ key: String, in what: @autoclosure () -> String, _ problems: inout ProblemList) -> YAMLValue? {
        guard let value = self[key] else {
            problems.add(location, "\(what()) is missing required key '\(key)'")
            return nil
        }
        return value
    }

    /// Reports every key that is not in `allowed`, with a suggestion when one is close (a typo).
    func rejectUnknownKeys(allowed: [String], in what: String, _ problems: inout ProblemList) {
        Self.rejectUnknownKeys(keys, at: keyLocations, allowed: allowed, in: what, &problems)
    }

    /// The same for keys read one at a time (a file read as it streams).
    static func rejectUnknownKeys(_ keys: [String], at keyLocations: [SourceLocation], allowed: [String], in what: String,
                                  _ problems: inout ProblemList) {
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

