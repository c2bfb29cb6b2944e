/// An id of one kind of thing, typed so that a tree id is never passed where a node id, a vendor id or free
/// text is meant. Written and read as a plain string (YAML, JSON, SQLite, the compiled catalog), and written
/// as one in code (`let tree: TreeID = "acme-keys"`).
public struct TypedID<Kind>: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    /// True for the empty id (what a missing YAML value reads as).
    public var isEmpty: Bool { rawValue.isEmpty }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a `TreeID` names: a decision tree (`sentiance-wrong-environment`).
public enum TreeKind {}
/// What a `NodeID` names: a node inside its tree (`app-id`).
public enum NodeKind {}

/// A decision tree's id.
public typealias TreeID = TypedID<TreeKind>
/// A node's id inside its tree.
public typealias NodeID = TypedID<NodeKind>

/// As a dictionary key an id encodes as the plain string it is (`{"app-id": ...}`), as when ids were strings.
extension TypedID: CodingKeyRepresentable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public var codingKey: any CodingKey { Key(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }
}
