/// Appends wrapped, styled lines to a `Document`: plain lines, gaps, wrapped text with a hanging prefix,
/// paragraphs, headings, bullets, selectable regions and a text-field row. The one way to lay out text with
/// selectable parts.
public struct DocumentBuilder<Target: Hashable & Sendable> {
    public let width: Int
    /// Ends a line that was cut (`limit:` in `text`).
    public let ellipsis: String
    public private(set) var document = Document<Target>()

    public init(width: Int, ellipsis: String) {
        self.width = max(1, width)
        self.ellipsis = ellipsis
    }

    /// The document with its title; trailing empty lines dropped (except a field row).
    public func finish(title: String = "") -> Document<Target> {
        var result = document
        result.title = title
        while result.lines.last?.plain.isEmpty == true, result.lines.count - 1 != result.fieldLine {
            result.lines.removeLast()
        }
        return result
    }

    public var lineCount: Int { document.lines.count }

    public mutating func line(_ text: StyledLine) { document.lines.append(text) }

    /// One empty line, never two in a row or at the top (a field row counts as text).
    public mutating func gap() {
        if let last = document.lines.last, !last.plain.isEmpty || document.fieldLine == document.lines.count - 1 {
            line(StyledLine())
        }
    }

    /// Wrapped text; `prefix` starts the first line (in `prefixStyle`, else `style`) and its width in spaces
    /// indents the others. With `limit`, at most that many lines, the last one ending in the ellipsis.
    public mutating func text(_ text: String, _ style: Style = .plain, prefix: String = "", prefixStyle: Style? = nil,
                              limit: Int? = nil) {
        var wrapped = WordWrap.styled(text, width: width, style: style, prefix: prefix, prefixStyle: prefixStyle)
        if let limit, limit > 0, wrapped.count > limit {
            wrapped = Array(wrapped.prefix(limit))
            let last = wrapped[limit - 1] + StyledLine(" " + ellipsis, style)
            wrapped[limit - 1] = last.width > width ? last.fitted(to: width, ellipsis: ellipsis) : last
        }
        for piece in wrapped { line(piece) }
    }

    /// `label` then `url` on one line, the URL's cells a `Document.Link` (an OSC 8 hyperlink where the terminal
    /// shows them); wrapped as plain text, without a link, when it does not fit the width. `Hyperlink` refuses
    /// any URL that is not plain http(s) ASCII when the view draws it, so catalog text cannot smuggle a sequence.
    public mutating func hyperlink(_ label: String, url: String, _ style: Style = .plain) {
        let line = StyledLine(label + url, style)
        guard line.width <= width else { return text(label + url, style) }
        let start = StyledLine(label).width
        document.links.append(.init(line: document.lines.count, columns: start..<line.width, url: url))
        self.line(line)
    }

    /// Paragraphs (split at line breaks, trimmed) separated by one empty line.
    public mutating func paragraphs(_ text: String, _ style: Style = .plain) {
        let parts = text.split(separator: "\n").map(Self.trimmed).filter { !$0.isEmpty }
        for (number, part) in parts.enumerated() {
            if number > 0 { line(StyledLine()) }
            self.text(part, style)
        }
    }

    /// A gap, then the title.
    public mutating func heading(_ title: String, _ style: Style) {
        gap()
        text(title, style)
    }

    /// Each item wrapped after `bullet` and a space, continuation lines hanging under the text.
    public mutating func bullets(_ items: [String], bullet: String) {
        for item in items { text(item, prefix: bullet + " ") }
    }

    /// A heading over bulleted items; nothing at all when there are no items.
    public mutating func bulletSection(_ title: String, _ style: Style, _ items: [String], bullet: String) {
        guard !items.isEmpty else { return }
        heading(title, style)
        bullets(items, bullet: bullet)
    }

    /// The lines `body` appends form one selectable region pointing at `target`.
    public mutating func region(_ target: Target, _ body: (inout DocumentBuilder) -> Void) {
        let start = document.lines.count
        body(&self)
        document.regions.append(.init(target: target, lines: start..<document.lines.count))
    }

    /// An empty row that the view fills with a text field.
    public mutating func field() {
        document.fieldLine = document.lines.count
        line(StyledLine())
    }

    /// Spaces and tabs removed from both ends (what Foundation calls `.whitespaces`).
    private static func trimmed(_ text: Substring) -> String {
        func isBlank(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
