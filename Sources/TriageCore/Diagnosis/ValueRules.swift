import Foundation

/// What a value typed at an `ask` step must look like: one of a few choices, a known format, or a regular
/// expression; never longer than `maxLength`. `optional` values may be left empty (that counts as "can't tell").
public struct ValueRules: Hashable, Sendable, Codable {
    /// The default and the bounds of `max_length`.
    public static let defaultMaxLength = 256
    public static let maxLengthRange = 1...4096

    /// The answer must be one of these (compared ignoring case; the choice is recorded as written here).
    public var choices: [String]
    public var format: ValueFormat?
    /// A regular expression (ICU syntax) the value must match; anchor it with `^` and `$`.
    public var pattern: String?
    /// Shown when the value does not match `pattern`, e.g. "letters, digits and dashes, 6 to 64 characters".
    public var patternHint: String?
    public var maxLength: Int
    /// An empty answer counts as "can't tell" (for values that only decorate text).
    public var optional: Bool

    public init(choices: [String] = [], format: ValueFormat? = nil, pattern: String? = nil,
                patternHint: String? = nil, maxLength: Int = ValueRules.defaultMaxLength, optional: Bool = false) {
        self.choices = choices
        self.format = format
        self.pattern = pattern
        self.patternHint = patternHint
        self.maxLength = maxLength
        self.optional = optional
    }

    /// The value to record (trimmed; a choice as written in the tree), or why it is refused. The message never
    /// repeats the value (it may be secret). An empty value is refused here; optional handling is the caller's.
    public func check(_ raw: String) -> Result<String, ValueProblem> {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return .failure(.empty) }
        guard value.count <= maxLength else { return .failure(.tooLong(maxLength)) }
        if !choices.isEmpty {
            guard let choice = choices.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) else {
                return .failure(.notAChoice(choices))
            }
            return .success(choice)
        }
        if let format, !format.matches(value) { return .failure(.badFormat(format)) }
        if let pattern {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return .failure(.badPattern(patternHint)) }
            let range = NSRange(value.startIndex..., in: value)
            if regex.firstMatch(in: value, range: range) == nil { return .failure(.badPattern(patternHint)) }
        }
        return .success(value)
    }

    /// A short description of what is expected, for prompts: "us, eu or in", "a GUID", the pattern hint.
    public var expected: String? {
        if !choices.isEmpty { return ValueProblem.list(choices) }
        if let format { return format.name }
        return patternHint
    }

    /// The reason a regular expression cannot be used, or nil when it compiles.
    public static func patternError(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "is not a valid regular expression"
        }
    }
}

/// Known shapes of typed values.
public enum ValueFormat: String, CaseIterable, Hashable, Sendable, Codable {
    /// 8-4-4-4-12 hexadecimal digits, optionally in braces.
    case guid
    /// 8-4-4-4-12 hexadecimal digits.
    case uuid
    /// Digits only.
    case numeric
    case email
    /// An http or https URL with a host.
    case url

    /// How the format is named in messages.
    public var name: String {
        switch self {
        case .guid: return "a GUID (8-4-4-4-12 hexadecimal digits, e.g. 3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b)"
        case .uuid: return "a UUID (8-4-4-4-12 hexadecimal digits, e.g. 3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b)"
        case .numeric: return "a number (digits only)"
        case .email: return "an email address (name@example.com)"
        case .url: return "a URL (https://...)"
        }
    }

    public func matches(_ value: String) -> Bool {
        switch self {
        case .guid:
            var text = Substring(value)
            if text.first == "{", text.last == "}" { text = text.dropFirst().dropLast() }
            return Self.isHexGroups(text)
        case .uuid:
            return Self.isHexGroups(Substring(value))
        case .numeric:
            return value.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        case .email:
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                  !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
            return !value.contains(where: \.isWhitespace)
        case .url:
            guard !value.contains(where: \.isWhitespace), let components = URLComponents(string: value),
                  let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  let host = components.host, !host.isEmpty else { return false }
            return true
        }
    }

    private static func isHexGroups(_ text: Substring) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

/// Why a typed value was refused; `description` is the message for the engineer.
public enum ValueProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case notAChoice([String])
    case badFormat(ValueFormat)
    case badPattern(String?)

    public var description: String {
        switch self {
        case .empty: return "the value is empty; type the value the question asks for, or ? if you can't tell"
        case let .tooLong(limit): return "the value is longer than \(limit) characters"
        case let .notAChoice(choices): return "answer one of \(Self.list(choices))"
        case let .badFormat(format): return "that is not \(format.name)"
        case let .badPattern(hint): return "that does not have the expected form" + (hint.map { ": \($0)" } ?? "")
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }
}
