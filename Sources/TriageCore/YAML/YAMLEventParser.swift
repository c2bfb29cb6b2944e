import CYaml

/// A YAML problem that stops reading a file: a syntax error, a duplicate key, an undefined alias, a second
/// document. Reported alone at its position, as the whole file is unusable.
struct YAMLSyntaxError: Error {
    var location: SourceLocation
    var message: String
}

/// Reads YAML text as libyaml's events (the libyaml Yams carries, module `CYaml`), and builds `YAMLValue`s from
/// them one node at a time: a caller can take a big list item by item (`VendorFileStream`) and never hold the
/// file's whole tree. Scalars are not resolved (every one is text; the accessors decide what is a number), so
/// there is no tag machinery. The rules are Yams's `compose`: duplicate keys (same text, same explicit tag) make
/// the mapping an error at the first of the smallest duplicated key, an alias is the node of its anchor, an
/// alias before its anchor's node is complete is undefined, and a file holds one document.
///
/// Use within `withParser`: the text's bytes and the parser live only there.
final class YAMLEventParser {
    let file: String
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event, in memory of its own (not a stored property, so reading it costs no exclusivity
    /// check); all zero (`YAML_NO_EVENT`, which deleting leaves alone) before the first and after a failure.
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var anchors: [String: YAMLValue] = [:]

    private static let nullTag = "tag:yaml.org,2002:null"

    private init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Runs `body` with a parser over `text`.
    static func withParser<Result>(_ text: String, file: String, _ body: (YAMLEventParser) throws -> Result) rethrows -> Result {
        var text = text
        return try text.withUTF8 { bytes in try body(YAMLEventParser(file: file, bytes: bytes)) }
    }

    // MARK: Events

    /// The type of the current event.
    var type: yaml_event_type_t { event.pointee.type }

    /// Where the current event starts, 1-based.
    var mark: SourceLocation { location(event.pointee.start_mark) }

    /// Moves to the next event.
    func next() throws {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else { throw syntaxError() }
    }

    /// The current event's scalar text (it must be a scalar event).
    var scalarText: String {
        String(decoding: UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: event.pointee.data.scalar.length), as: UTF8.self)
    }

    /// Whether the current scalar event is `text` (compared as bytes, without making a string).
    func scalarIs(_ text: StaticString) -> Bool {
        guard type == YAML_SCALAR_EVENT, event.pointee.data.scalar.length == text.utf8CodeUnitCount else { return false }
        let value = UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: event.pointee.data.scalar.length)
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        return value.elementsEqual(expected)
    }

    /// Whether the current event (the start of a list or mapping) names an anchor that aliases may refer to.
    var hasAnchor: Bool {
        switch type {
        case YAML_SEQUENCE_START_EVENT: return event.pointee.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: return event.pointee.data.mapping_start.anchor != nil
        case YAML_SCALAR_EVENT: return event.pointee.data.scalar.anchor != nil
        default: return false
        }
    }

    /// Reads up to the root node's first event; false for a file with no document.
    func startDocument() throws -> Bool {
        try next()  // stream start
        try next()
        guard type != YAML_STREAM_END_EVENT else { return false }
        try next()  // past document start
        return true
    }

    /// After the root node: the document's end, then the stream's (a second document is an error).
    func finishDocument() throws {
        try next()  // document end
        try next()
        guard type == YAML_STREAM_END_EVENT else {
            throw YAMLSyntaxError(location: mark,
                                  message: "YAML syntax: but found another document (expected a single document in the stream)")
        }
    }

    // MARK: Nodes

    /// The node that starts at the current event, read to its last event (which is then current).
    func value() throws -> YAMLValue {
        switch type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            let explicitTag = scalar.quoted_implicit == 1 ? nil : scalar.tag.map { String(cString: $0) }
            let value = YAMLValue(.scalar(scalarText, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                                          nullTag: explicitTag == Self.nullTag), at: mark)
            if let anchor = scalar.anchor { anchors[String(cString: anchor)] = value }
            return value
        case YAML_SEQUENCE_START_EVENT:
            let start = mark, anchor = event.pointee.data.sequence_start.anchor.map { String(cString: $0) }
            var items: [YAMLValue] = []
            items.reserveCapacity(8)  // most lists are short: one allocation, not one per doubling
            try next()
            while type != YAML_SEQUENCE_END_EVENT {
                items.append(try value())
                try next()
            }
            let value = YAMLValue(.sequence(items), at: start)
            if let anchor { anchors[anchor] = value }
            return value
        case YAML_MAPPING_START_EVENT:
            let start = mark, anchor = event.pointee.data.mapping_start.anchor.map { String(cString: $0) }
            try next()
            let value = YAMLValue(.mapping(try mappingBody(at: start)), at: start)
            if let anchor { anchors[anchor] = value }
            return value
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.pointee.data.alias.anchor)
            guard let value = anchors[name] else {
                throw YAMLSyntaxError(location: mark, message: "YAML syntax: found undefined alias")
            }
            return value
        default:
            throw YAMLSyntaxError(location: mark, message: "YAML syntax: unexpected event")
        }
    }

    /// The rest of a mapping whose first key (or end) is the current event; its end is then current.
    func mappingBody(at start: SourceLocation) throws -> YAMLMapping {
        var keys: [String] = [], keyLocations: [SourceLocation] = [], values: [YAMLValue] = []
        // A code entry has about ten keys: one allocation per array, not one per doubling.
        keys.reserveCapacity(16)
        keyLocations.reserveCapacity(16)
        values.reserveCapacity(16)
        var identities = KeyIdentities()
        while type != YAML_MAPPING_END_EVENT {
            identities.note(self, index: keys.count)
            let key = try value()
            try next()
            let item = try value()
            keys.append(key.scalarString ?? "")
            keyLocations.append(key.location)
            values.append(item)
            try next()
        }
        try identities.check(keys, keyLocations)
        return YAMLMapping(keys: keys, keyLocations: keyLocations, values: values, at: start)
    }

    /// What makes two keys the same for the duplicate check: their text and their explicit tag (nil: plain text).
    struct KeyIdentities {
        private static let stringTag = "tag:yaml.org,2002:str"
        private var tags: [Int: String] = [:]
        private var nonScalar = Set<Int>()

        /// Records the key that starts at the parser's current event, the `index`th of its mapping.
        mutating func note(_ parser: YAMLEventParser, index: Int) {
            switch parser.type {
            case YAML_SCALAR_EVENT:
                let scalar = parser.event.pointee.data.scalar
                if scalar.quoted_implicit != 1, let tag = scalar.tag.map({ String(cString: $0) }), tag != Self.stringTag {
                    tags[index] = tag
                }
            case YAML_ALIAS_EVENT: break
            default: nonScalar.insert(index)
            }
        }

        /// Throws Yams's duplicate-key error when two scalar keys are the same.
        func check(_ keys: [String], _ locations: [SourceLocation]) throws {
            // Nearly every mapping has a few keys, all different: compared pairwise, nothing is hashed.
            if keys.count <= 16, !Self.anyEqual(keys) { return }
            var first: [String: Int] = [:]
            var duplicated = Set<String>()
            var firstOfSmallest: (key: String, index: Int)?
            for (index, key) in keys.enumerated() where !nonScalar.contains(index) {
                let identity = (tags[index] ?? "") + "\u{0}" + key
                if let earlier = first[identity] {
                    duplicated.insert(key)
                    if firstOfSmallest == nil || key < firstOfSmallest!.key { firstOfSmallest = (key, earlier) }
                } else {
                    first[identity] = index
                }
            }
            guard let firstOfSmallest else { return }
            throw YAMLSyntaxError(location: locations[firstOfSmallest.index],
                                  message: "duplicate key \(duplicated.sorted().map { "'\($0)'" }.joined(separator: ", ")) in the same mapping")
        }

        /// Whether two of `keys` are the same text (then the keys' identities are looked at).
        private static func anyEqual(_ keys: [String]) -> Bool {
            for first in keys.indices {
                for second in (first + 1)..<keys.count where keys[first] == keys[second] { return true }
            }
            return false
        }
    }

    // MARK: Positions and errors

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    private func syntaxError() -> YAMLSyntaxError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = "YAML syntax: \(problem)"
            if let context = state.context { message += " (\(String(cString: context)))" }
            return YAMLSyntaxError(location: location(state.problem_mark), message: message)
        case YAML_READER_ERROR:
            return YAMLSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                                   message: "cannot read the file: \(problem)")
        default:
            return YAMLSyntaxError(location: SourceLocation(file: file, line: 1, column: 1), message: "YAML: \(problem)")
        }
    }
}

extension YAMLValue {
    /// The text of a scalar (null included), nil for a list or mapping: what a mapping's key is known by.
    var scalarString: String? {
        if case let .scalar(text, _, _) = kind { return text }
        return nil
    }
}

/// Parses YAML text into its root node, reporting syntax errors with their position.
enum YAMLParser {
    static func parse(_ text: String, file: String, _ problems: inout ProblemList) -> YAMLValue? {
        do {
            return try YAMLEventParser.withParser(text, file: file) { parser -> YAMLValue? in
                guard try parser.startDocument() else {
                    problems.add(SourceLocation(file: file, line: 1, column: 1), "file is empty")
                    return nil
                }
                let root = try parser.value()
                try parser.finishDocument()
                return root
            }
        } catch let error as YAMLSyntaxError {
            problems.add(error.location, error.message)
            return nil
        } catch {
            problems.add(SourceLocation(file: file, line: 1, column: 1), "cannot parse YAML: \(error)")
            return nil
        }
    }
}
