/// A command that cannot go on, as the engineer is told: a message for standard error and the exit status.
/// Commands throw it; `Triage.main` prints it once (through `Console`, so through the one sanitizer) and exits.
struct TriageError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, without the "triage: " every message starts with; it may span lines.
    var message: String
    /// 1: nothing found or ambiguous; 2: usage, catalog or I/O errors (see `triage --help`).
    var exitCode: Int32

    init(_ message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The line or lines written to standard error.
    var description: String { "triage: " + message }
}
