/// Finding text in a `Document`, as less's `/`, `n` and `N` do (with vim's wrap-around): `first` goes to the
/// first match at or after a line (the top of the pane), `next` and `previous` step from the current match and
/// wrap at the ends, saying so. The document is passed in each time (re-wrapped, it has other matches), and the
/// current match is a position, so a step after a re-wrap still goes on from about the same place.
///
/// ```swift
/// var find = DocumentFind(pattern: "token")
/// if find.first(in: document, atOrAfter: scroll.scroll) != .notFound { scroll.show(line: find.current!.line) }
/// find.next(in: document)  // .found, .wrapped (search hit BOTTOM), .alone or .notFound
/// ```
public struct DocumentFind: Hashable, Sendable {
    /// How a step went.
    public enum Outcome: Hashable, Sendable {
        /// The next (or previous) match.
        case found
        /// Past the last match, back at the first (or before the first, at the last).
        case wrapped
        /// The current match is the only one.
        case alone
        /// The pattern is nowhere in the document.
        case notFound
    }

    /// What is looked for (case is ignored).
    public let pattern: String
    /// The match the last step went to.
    public private(set) var current: TextMatch?

    public init(pattern: String) {
        self.pattern = pattern
    }

    /// Every match in `document` (in `lines` only, when given: the visible ones).
    public func matches<Target>(in document: Document<Target>, lines: Range<Int>? = nil) -> [TextMatch] {
        document.matches(of: pattern, lines: lines)
    }

    /// Goes to the first match on `line` or after it; wraps to the first of all when there is none after.
    @discardableResult
    public mutating func first<Target>(in document: Document<Target>, atOrAfter line: Int) -> Outcome {
        let all = matches(in: document)
        guard let first = all.first else { return notFound() }
        if let match = all.first(where: { $0.line >= line }) {
            current = match
            return .found
        }
        current = first
        return .wrapped
    }

    /// The match after the current one (the first when there is none yet), wrapping to the first.
    @discardableResult
    public mutating func next<Target>(in document: Document<Target>) -> Outcome {
        step(in: document, forward: true)
    }

    /// The match before the current one (the last when there is none yet), wrapping to the last.
    @discardableResult
    public mutating func previous<Target>(in document: Document<Target>) -> Outcome {
        step(in: document, forward: false)
    }

    private mutating func step<Target>(in document: Document<Target>, forward: Bool) -> Outcome {
        let all = matches(in: document)
        guard let first = all.first, let last = all.last else { return notFound() }
        guard let from = current else {
            current = forward ? first : last
            return .found
        }
        if let match = forward ? all.first(where: { $0 > from }) : all.last(where: { $0 < from }) {
            current = match
            return .found
        }
        let wrapped = forward ? first : last
        defer { current = wrapped }
        return all.count == 1 && wrapped == from ? .alone : .wrapped
    }

    private mutating func notFound() -> Outcome {
        current = nil
        return .notFound
    }
}
