import TriageCore

/// Where the browser keeps its state: `TriagePaths.state`, under the name the state-file callers use.
public enum StatePath {
    public static func resolve(environment: [String: String]) -> String? { TriagePaths.state(environment: environment) }
}
