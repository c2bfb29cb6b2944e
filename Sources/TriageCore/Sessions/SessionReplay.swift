import Foundation

/// A session rebuilt from its events, in the order the team store received them (a handoff to another host):
/// each step event replaces the path from its `from` index and carries the rest of the session, so the latest
/// step wins; outcome, ticket and pause reason take their latest value.
public struct SessionReplay: Sendable {
    public private(set) var diagnosis: DiagnosisSession
    public private(set) var ticket: String?
    public private(set) var startCode: String?
    public private(set) var host: String?
    public private(set) var status: SessionStatus = .open
    public private(set) var conclusion: SessionConclusion?
    public private(set) var outcome: SessionOutcome?
    public private(set) var pausedReason: String?

    /// Why a session cannot be rebuilt.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case noOpening
        case redacted
        case unreadable

        public var description: String {
            switch self {
            case .noOpening: return "the team store has no start of this session"
            case .redacted: return "this session was deleted (redacted) in the team store"
            case .unreadable: return "this session's events cannot be read"
            }
        }
    }

    public init(_ events: [SessionEvent]) throws {
        if events.contains(where: { $0.kind == .redacted }) { throw Problem.redacted }
        guard let opening = events.first(where: { $0.kind == .opened }), let payload = opening.payload,
              let head = payload.head else { throw Problem.noOpening }
        var steps: [String] = []
        func applySteps(_ payload: SessionEvent.Payload) {
            if let from = payload.from, let new = payload.steps {
                steps.removeSubrange(min(max(0, from), steps.count)...)
                steps.append(contentsOf: new)
            }
        }
        applySteps(payload)
        var currentHead = head
        ticket = payload.ticket
        startCode = payload.startCode
        host = payload.host
        status = payload.status ?? .open
        conclusion = payload.conclusion
        for event in events where event.id != opening.id {
            guard let payload = event.payload else { continue }
            switch event.kind {
            case .answered, .noted, .jumped, .concluded:
                applySteps(payload)
                if let head = payload.head { currentHead = head }
                // A different conclusion clears an outcome given for the old one, as the local store does.
                if payload.conclusion != conclusion { outcome = nil }
                if let new = payload.status { status = new }
                conclusion = payload.conclusion
                pausedReason = nil
            case .outcome: outcome = payload.outcome
            case .ticket: ticket = payload.ticket
            case .paused: pausedReason = payload.reason
            case .abandoned: status = .abandoned
            case .opened, .claimed, .redacted, .flagged: break
            }
        }
        do {
            diagnosis = try DiagnosisSession(head: currentHead, steps: steps)
        } catch {
            throw Problem.unreadable
        }
    }
}
