import Foundation

/// Where the sessions database is: `--db PATH`, else `TRIAGE_DB`, else `$XDG_STATE_HOME/triage/sessions.sqlite`
/// (when XDG_STATE_HOME is an absolute path), else `$HOME/.local/state/triage/sessions.sqlite`.
public enum SessionDatabaseLocation {
    /// The path to use, or nil when neither an option, TRIAGE_DB, XDG_STATE_HOME nor HOME names one.
    /// A pure function of its arguments.
    public static func resolve(option: String?, environment: [String: String]) -> String? {
        if let option, !option.isEmpty { return absolute(option, environment: environment) }
        if let path = environment["TRIAGE_DB"], !path.isEmpty { return absolute(path, environment: environment) }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("triage/sessions.sqlite").path
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".local/state/triage/sessions.sqlite").path
        }
        return nil
    }

    /// The engineer: `$USER`, else `$LOGNAME`, else "unknown".
    public static func user(environment: [String: String]) -> String {
        for name in ["USER", "LOGNAME"] {
            if let user = environment[name]?.trimmingCharacters(in: .whitespaces), !user.isEmpty { return user }
        }
        return "unknown"
    }

    private static func absolute(_ path: String, environment: [String: String]) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] { path = home + path.dropFirst() }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
            .standardizedFileURL.path
    }
}
