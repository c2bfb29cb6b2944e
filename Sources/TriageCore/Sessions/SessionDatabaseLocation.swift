import Foundation

/// Who is recorded with each session (where the database is: `TriagePaths.sessionsDatabase`).
public enum SessionDatabaseLocation {
    /// The engineer: `$USER`, else `$LOGNAME`, else "unknown".
    public static func user(environment: [String: String]) -> String {
        for name in ["USER", "LOGNAME"] {
            if let user = environment[name]?.trimmingCharacters(in: .whitespaces), !user.isEmpty { return user }
        }
        return "unknown"
    }
}
