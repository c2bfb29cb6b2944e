import Foundation
import TerminalKit
import TriageCore

/// Remembers the last few step and path documents laid out, so moving and typing do not wrap the text again on every
/// key (as the browser's `DocumentCache` does for the detail pane). Copies of a screen share it, which is
/// harmless: the keys hold everything a document depends on (the catalog never changes for a screen).
final class DiagnosisDocumentCache: @unchecked Sendable {
    struct StepKey: Hashable {
        var session: DiagnosisSession
        var typing: Bool
        var width: Int
        var unicode: Bool
        var savedPath: String?
    }

    struct PathKey: Hashable {
        var session: DiagnosisSession
        var width: Int
        var compact: Bool
        var expanded: Int?
        var unicode: Bool
    }

    /// Few entries: the current step at one or two widths, the path in the forms the layout measures.
    static let limit = 8

    private let lock = NSLock()
    private var steps: [StepKey: StepDocument] = [:]
    private var paths: [PathKey: PathDocument] = [:]

    func step(_ key: StepKey, build: () -> StepDocument) -> StepDocument {
        if let hit = lock.withLock({ steps[key] }) { return hit }
        let built = build()
        lock.withLock {
            if steps.count >= Self.limit { steps.removeAll(keepingCapacity: true) }
            steps[key] = built
        }
        return built
    }

    func path(_ key: PathKey, build: () -> PathDocument) -> PathDocument {
        if let hit = lock.withLock({ paths[key] }) { return hit }
        let built = build()
        lock.withLock {
            if paths.count >= Self.limit { paths.removeAll(keepingCapacity: true) }
            paths[key] = built
        }
        return built
    }
}
