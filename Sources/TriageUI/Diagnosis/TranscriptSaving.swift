import TriageCore

/// Where the diagnosis screen's `s` writes transcripts: the one side effect of the diagnosis, injected so tests
/// can capture it. `save` writes the draft and returns the path to show ("Transcript saved to PATH").
public struct TranscriptSaver: Sendable {
    public var save: @Sendable (TranscriptDraft) throws -> String

    public init(_ save: @escaping @Sendable (TranscriptDraft) throws -> String) {
        self.save = save
    }
}
