import Foundation

/// Times as the sessions commands write and read them: ISO 8601 in JSON, and the `--since` day or time.
/// (Lists and prompts show `UTCTime.short`.)
enum SessionTime {
    static func iso(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    /// `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }
}
