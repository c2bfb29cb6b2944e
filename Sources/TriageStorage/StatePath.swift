/// Where the browser keeps its state, following the XDG base directory spec.
public enum StatePath {
    /// `$XDG_STATE_HOME/triage/state.json` when XDG_STATE_HOME is an absolute path, else
    /// `$HOME/.local/state/triage/state.json`; nil when neither is set. A pure function of `environment`.
    public static func resolve(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "triage/state.json")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(home, ".local/state/triage/state.json")
        }
        return nil
    }

    private static func join(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }
}
