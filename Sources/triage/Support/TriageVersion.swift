/// The version `triage --version` prints.
enum TriageVersion {
    static let current = "0.2.0"
}
