/// A position in a catalog file, 1-based, as printed in `file:line:column: message`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong with a catalog file. Loading collects every problem rather than stopping at the first.
public struct CatalogProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:column: message`, the form compilers and editors understand.
    public var description: String { "\(location): \(message)" }
}

/// Collects problems in the order they are found.
public struct ProblemList: Sendable {
    public private(set) var problems: [CatalogProblem] = []
    public init() {}
    public mutating func add(_ location: SourceLocation, _ message: String) {
        problems.append(CatalogProblem(location, message))
    }
    public mutating func append(contentsOf other: [CatalogProblem]) { problems.append(contentsOf: other) }
    public var isEmpty: Bool { problems.isEmpty }
}
