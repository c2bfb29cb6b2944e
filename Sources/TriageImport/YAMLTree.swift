import Foundation
import TriageCore
import Yams

/// A YAML document as the importer edits it: scalars (with whether they were written plain, so `http: 404`
/// stays a number and a quoted "404" stays text), lists and key-ordered mappings. Marks (1-based line and
/// column) are kept for the surgical editor; they take no part in comparisons.
indirect enum YAMLTree: Equatable {
    case scalar(String, plain: Bool)
    case sequence([YAMLTree], mark: Mark? = nil, flow: Bool = false)
    case mapping([Pair], mark: Mark? = nil, flow: Bool = false)

    struct Pair: Equatable {
        var key: String
        var value: YAMLTree
        var keyMark: Mark?

        init(_ key: String, _ value: YAMLTree, keyMark: Mark? = nil) {
            self.key = key
            self.value = value
            self.keyMark = keyMark
        }

        static func == (left: Pair, right: Pair) -> Bool { left.key == right.key && left.value == right.value }
    }

    struct Mark: Equatable {
        var line: Int
        var column: Int
        static func == (_: Mark, _: Mark) -> Bool { true }
    }

    /// Same content: scalars by text (not style), mappings by keys in order, lists by items.
    static func == (left: YAMLTree, right: YAMLTree) -> Bool {
        switch (left, right) {
        case let (.scalar(a, _), .scalar(b, _)): return a == b
        case let (.sequence(a, _, _), .sequence(b, _, _)): return a == b
        case let (.mapping(a, _, _), .mapping(b, _, _)): return a == b
        default: return false
        }
    }

    // MARK: Reading

    /// Parses YAML text (every scalar as text, as the catalog loader reads it). Errors carry `file:line:column`.
    static func parse(_ text: String, file: String) throws -> YAMLTree? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw ImportError(location(of: error, file: file), "cannot read the vendor file: \(error)")
        }
        return try node.map { try YAMLTree($0, file: file, depth: 0) }
    }

    private init(_ node: Node, file: String, depth: Int) throws {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) }
        guard depth < 64 else { throw ImportError(SourceLocation(file: file, line: mark?.line ?? 1, column: 1), "nested too deeply") }
        switch node {
        case let .scalar(scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case let .sequence(sequence):
            self = .sequence(try sequence.map { try YAMLTree($0, file: file, depth: depth + 1) }, mark: mark, flow: sequence.style == .flow)
        case let .mapping(mapping):
            var pairs: [Pair] = []
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw ImportError(SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                                      "a key that is not text")
                }
                pairs.append(Pair(name, try YAMLTree(value, file: file, depth: depth + 1),
                                  keyMark: key.mark.map { Mark(line: $0.line, column: $0.column) }))
            }
            self = .mapping(pairs, mark: mark, flow: mapping.style == .flow)
        case .alias:
            throw ImportError(SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                              "aliases (*name) are not supported in catalog files")
        }
    }

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    // MARK: Access

    var text: String? {
        if case let .scalar(text, _) = self { return text }
        return nil
    }

    var pairs: [Pair]? {
        if case let .mapping(pairs, _, _) = self { return pairs }
        return nil
    }

    var items: [YAMLTree]? {
        if case let .sequence(items, _, _) = self { return items }
        return nil
    }

    var mark: Mark? {
        switch self {
        case .scalar: return nil
        case let .sequence(_, mark, _), let .mapping(_, mark, _): return mark
        }
    }

    subscript(key: String) -> YAMLTree? { pairs?.first { $0.key == key }?.value }

    /// The mapping with `key` set to `value` (replaced in place, or added after the last of `after` present).
    func setting(_ key: String, _ value: YAMLTree, after order: [String]) -> YAMLTree {
        guard case .mapping(var pairs, let mark, let flow) = self else { return self }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.insert(Pair(key, value), at: Self.insertionIndex(of: key, in: pairs.map(\.key), order: order))
        }
        return .mapping(pairs, mark: mark, flow: flow)
    }

    func removing(_ key: String) -> YAMLTree {
        guard case .mapping(var pairs, let mark, let flow) = self else { return self }
        pairs.removeAll { $0.key == key }
        return .mapping(pairs, mark: mark, flow: flow)
    }

    /// Where a new key goes: after the last present key that `order` puts before it, else at the end.
    static func insertionIndex(of key: String, in keys: [String], order: [String]) -> Int {
        guard let rank = order.firstIndex(of: key) else { return keys.count }
        // The first present key that comes later in `order` (or is unknown to it and after a later key).
        for (index, present) in keys.enumerated() {
            if let presentRank = order.firstIndex(of: present), presentRank > rank { return index }
        }
        return keys.count
    }
}
