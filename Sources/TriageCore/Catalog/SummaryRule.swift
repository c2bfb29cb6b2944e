/// When a code needs a `summary:`: lists show one line per code, and a vendor's boilerplate ("This error code
/// will be returned when…") makes every line of a list start the same.
public enum SummaryRule {
    /// Openings that say nothing about the code.
    static let boilerplate = ["this error code will be returned", "this error code is returned",
                              "this error will be returned", "this error is returned"]

    static let longestBoilerplate = boilerplate.map(\.count).max() ?? 0

    /// Whether `text` opens with boilerplate (lowercase, runs of whitespace as one space). Only the opening
    /// words are looked at: this runs for every code of a catalog when it is compiled.
    public static func isBoilerplate(_ text: String) -> Bool {
        var start = ""
        var space = false
        for character in text {
            if character.isWhitespace {
                space = !start.isEmpty
                continue
            }
            if space {
                start.append(" ")
                space = false
            }
            start += character.lowercased()
            // Most texts are told apart in a character or two.
            guard boilerplate.contains(where: { $0.hasPrefix(start) || start.hasPrefix($0) }) else { return false }
            if start.count > longestBoilerplate { break }
        }
        return boilerplate.contains { start.hasPrefix($0) }
    }

    /// The lint finding for `entry`, or nil when its list line is fine.
    static func problem(for entry: CatalogEntry) -> String? {
        guard entry.summary == nil else {
            if entry.summary?.allSatisfy(\.isWhitespace) == true {
                return "code '\(entry.code)' has an empty summary"
            }
            return nil
        }
        if let message = entry.message {
            guard isBoilerplate(message) else { return nil }
            return "code '\(entry.code)' has a boilerplate message; add a short 'summary:' for lists"
        }
        guard isBoilerplate(entry.description) else { return nil }
        return "code '\(entry.code)' has no message and its description starts with boilerplate (\"\(entry.description.prefix(32))…\"); add a short 'summary:' for lists"
    }
}
