import Foundation

/// Where Triage keeps its files, by the XDG base directory spec (one rule for all of them): the state folder is
/// `$XDG_STATE_HOME/triage` when XDG_STATE_HOME is an absolute path, else `$HOME/.local/state/triage`; the cache
/// folder `$XDG_CACHE_HOME/triage`, else `$HOME/.cache/triage`. Each is nil when neither variable names a folder.
/// Pure functions of the environment (a relative `--db` or TRIAGE_DB is taken from the working directory).
public enum TriagePaths {
    /// The state file of `triage browse`: `STATE/state.json`.
    public static func state(environment: [String: String]) -> String? {
        stateFolder(environment).map { join($0, "state.json") }
    }

    /// The folder transcripts are saved in: `STATE/transcripts`.
    public static func transcripts(environment: [String: String]) -> String? {
        stateFolder(environment).map { join($0, "transcripts") }
    }

    /// The sessions database: `option` (`--db PATH`), else TRIAGE_DB (either with `~` expanded, made absolute
    /// and standardized), else `STATE/sessions.sqlite`.
    public static func sessionsDatabase(option: String?, environment: [String: String]) -> String? {
        if let option, !option.isEmpty { return absolute(option, environment: environment) }
        if let path = environment["TRIAGE_DB"], !path.isEmpty { return absolute(path, environment: environment) }
        return stateFolder(environment).map { join($0, "sessions.sqlite") }
    }

    /// The catalog cache folder: `$XDG_CACHE_HOME/triage`, else `$HOME/.cache/triage`.
    public static func cacheDirectory(environment: [String: String]) -> String? {
        folder(environment, variable: "XDG_CACHE_HOME", underHome: ".cache")
    }

    private static func stateFolder(_ environment: [String: String]) -> String? {
        folder(environment, variable: "XDG_STATE_HOME", underHome: ".local/state")
    }

    /// `$variable/triage` when the variable is an absolute path (the spec ignores a relative one), else
    /// `$HOME/underHome/triage`.
    private static func folder(_ environment: [String: String], variable: String, underHome: String) -> String? {
        if let base = environment[variable], base.hasPrefix("/") { return join(base, "triage") }
        if let home = environment["HOME"], !home.isEmpty { return join(home, underHome + "/triage") }
        return nil
    }

    private static func join(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }

    private static func absolute(_ path: String, environment: [String: String]) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] { path = home + path.dropFirst() }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
            .standardizedFileURL.path
    }
}
