import Foundation
import TerminalKit

/// Times as the sessions commands write and read them: ISO 8601 in JSON, and the `--since` day or time.
/// (Lists and prompts show `UTCTime.short`.)
enum SessionTime {
    static func iso(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    /// `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }

    /// The value of a `--since` option: nil when absent; a day or an ISO 8601 time, else a usage error (exit 2).
    static func since(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = parse(text) else {
            throw TriageError("--since expects a day (2026-12-01) or an ISO 8601 time, not '\(TerminalSafe.sanitize(text))'", exitCode: 2)
        }
        return date
    }
}
