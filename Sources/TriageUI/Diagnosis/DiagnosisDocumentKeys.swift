import TriageCore

/// What a step document depends on (the key of `DiagnosisScreen.stepDocuments`).
struct StepDocumentKey: Hashable {
    var session: DiagnosisSession
    var typing: Bool
    var width: Int
    var unicode: Bool
    var savedPath: String?
    var reply = false
}

/// What a path document depends on (the key of `DiagnosisScreen.pathDocuments`).
struct PathDocumentKey: Hashable {
    var session: DiagnosisSession
    var width: Int
    var compact: Bool
    var expanded: Int?
    var unicode: Bool
}
