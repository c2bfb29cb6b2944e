import Foundation

/// Times written in UTC from their calendar parts: the same text on every machine, whatever its time zone.
public enum UTCTime {
    /// "2026-12-02 03:10Z": to the minute, as lists and prompts show a session's times.
    public static func short(_ date: Date) -> String {
        let parts = components(of: date)
        return String(format: "%04d-%02d-%02d %02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "20261123T085111Z": ISO 8601's basic format to the second, for file names.
    public static func basic(_ date: Date) -> String {
        let parts = components(of: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private static func components(of date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }
}
