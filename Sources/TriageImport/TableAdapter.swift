import Foundation
import TriageCore

/// `table`: a table of codes, as a Markdown pipe table (leading and trailing pipes optional, separator row
/// optional) or an HTML table. Columns are found from the header (`Code`, `API Message`, `HTTP Status`,
/// `Description`, `Category`, ...) or named with `--map field=Header` / `--map field=N`. A row with a single
/// filled cell, or a heading between rows, is a category row: it names the category of the rows under it.
enum TableAdapter {
    struct Row {
        var cells: [String]
        var line: Int
        /// An HTML row of `<th>` cells.
        var isHeader = false
        /// A heading between rows (`## Auth errors`, `<h3>`): a category.
        var heading: String?
    }

    static func read(_ text: String, file: String, options: ImportOptions) throws -> ImportedDocument {
        let rows = text.range(of: "<table", options: .caseInsensitive) != nil ? HTMLTable.rows(text) : PipeTable.rows(text)
        var document = ImportedDocument()
        var columns = numberedColumns(options.fieldMap)
        var category: String?
        for row in rows {
            if let heading = row.heading {
                category = document.category(named: heading)
                continue
            }
            if let header = try headerColumns(row, map: options.fieldMap, file: file) {
                columns = header
                continue
            }
            guard let columns else { continue }  // prose before the table
            let filled = row.cells.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !filled.isEmpty else { continue }
            let codeColumn = columns["code"] ?? 0
            let codeCell = codeColumn < row.cells.count ? TextCleaning.code(MarkdownText.inline(row.cells[codeColumn])) : nil
            if filled.count == 1, codeCell.map({ !CodeToken.isCode($0) }) ?? true {
                category = document.category(named: MarkdownText.inline(filled[0].element))
                continue
            }
            guard let code = codeCell, !code.contains(" ") || CodeToken.isCode(code) else {
                document.warnings.append(CatalogProblem(SourceLocation(file: file, line: row.line, column: 1),
                                                        "row without a code in column \(codeColumn + 1); skipped"))
                continue
            }
            var entry = ImportedCode(code: code, category: category, line: row.line)
            func cell(_ field: String) -> String? {
                guard let column = columns[field], column < row.cells.count else { return nil }
                // Cells past the header's last column belong to the last one (an unescaped | in a description).
                let text = column == columns.values.max() && row.cells.count > column + 1
                    ? row.cells[column...].joined(separator: " | ") : row.cells[column]
                let plain = MarkdownText.inline(text)
                return plain.trimmingCharacters(in: .whitespaces).isEmpty ? nil : plain
            }
            entry.message = cell("message").map { TextCleaning.line($0) }
            entry.summary = cell("summary").map { TextCleaning.line($0) }
            entry.description = cell("description").map { TextCleaning.prose($0) }
            entry.docs = cell("docs").map { TextCleaning.line($0) }
            if let status = cell("http") {
                entry.http = HTTPStatusText.parse(status)
                if entry.http == nil {
                    document.warnings.append(CatalogProblem(SourceLocation(file: file, line: row.line, column: 1),
                                                            "'\(TextCleaning.line(status, limit: 40))' is not an HTTP status; left out"))
                }
            }
            if let named = cell("category") { entry.category = document.category(named: named) }
            entry.causes = cell("causes").map { [TextCleaning.prose($0)] } ?? []
            entry.checks = cell("checks").map { [TextCleaning.prose($0)] } ?? []
            document.codes.append(entry)
        }
        if columns == nil {
            throw ImportError(SourceLocation(file: file, line: rows.first?.line ?? 1, column: 1),
                              "found no table header with a code column; name the columns, e.g. --map code=1 --map description=2")
        }
        return document
    }

    /// The field of each column when `row` is a header row: `<th>` cells, two or more cells that name fields, or
    /// a cell `--map` names. Columns `--map` gives override what the header says.
    static func headerColumns(_ row: Row, map: [String: String], file: String) throws -> [String: Int]? {
        let texts = row.cells.map { MarkdownText.inline($0).trimmingCharacters(in: .whitespaces) }
        let detected = texts.map { field(forHeader: $0) }
        let named = Set(map.values.filter { Int($0) == nil }.map { $0.lowercased() })
        guard row.isHeader || detected.compactMap({ $0 }).count >= 2 || texts.contains(where: { named.contains($0.lowercased()) })
        else { return nil }
        var columns: [String: Int] = [:]
        for (index, field) in detected.enumerated() where field != nil && columns[field!] == nil { columns[field!] = index }
        for (field, wanted) in map {
            if let number = Int(wanted) {
                guard number >= 1 else { throw ImportError("--map \(field)=\(wanted): columns are numbered from 1") }
                columns[field] = number - 1
            } else if let index = texts.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) {
                columns[field] = index
            } else {
                throw ImportError(SourceLocation(file: file, line: row.line, column: 1),
                                  "--map \(field)=\(wanted): the header has no column '\(wanted)' (it has: \(texts.filter { !$0.isEmpty }.joined(separator: ", ")))")
            }
        }
        guard let code = columns["code"], row.isHeader || code >= texts.count || !CodeToken.isNumeric(texts[code]) else { return nil }
        return columns
    }

    /// Columns given by number alone (`--map code=1 --map description=2`): a table without a header.
    static func numberedColumns(_ map: [String: String]) -> [String: Int]? {
        guard map["code"] != nil, map.values.allSatisfy({ (Int($0) ?? 0) >= 1 }) else { return nil }
        return map.mapValues { Int($0)! - 1 }
    }

    /// The catalog field a header names, from the words vendors use.
    static func field(forHeader header: String) -> String? {
        let words = header.lowercased()
        func has(_ any: String...) -> Bool { any.contains { words.contains($0) } }
        if words.isEmpty { return nil }
        if has("http", "status") { return "http" }
        if has("code") || ["error", "id", "key", "error id", "error name", "name"].contains(words) { return "code" }
        if has("message", "title") { return "message" }
        if has("description", "meaning", "detail", "explanation", "reason") { return "description" }
        if has("summary") { return "summary" }
        if has("category", "group", "type") { return "category" }
        if has("doc", "link", "url", "more info") { return "docs" }
        if has("cause") { return "causes" }
        if has("solution", "resolution", "fix", "what to do", "action") { return "checks" }
        return nil
    }
}

/// Rows of Markdown pipe tables, and the headings between them.
enum PipeTable {
    static func rows(_ text: String) -> [TableAdapter.Row] {
        let source = SourceLines(text, file: "")
        var rows: [TableAdapter.Row] = []
        for (index, raw) in source.lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#"), let heading = MarkdownAdapter.Heading(line), heading.level >= 2 {
                rows.append(TableAdapter.Row(cells: [], line: index + 1, heading: heading.text))
                continue
            }
            guard line.contains("|") else { continue }
            var cells = split(line)
            if line.hasPrefix("|"), cells.first?.isEmpty == true { cells.removeFirst() }
            if line.hasSuffix("|") && !line.hasSuffix("\\|"), cells.last?.isEmpty == true { cells.removeLast() }
            // The separator row under a header.
            if cells.allSatisfy({ cell in !cell.isEmpty && cell.allSatisfy { "-: ".contains($0) } && cell.contains("-") }) { continue }
            rows.append(TableAdapter.Row(cells: cells, line: index + 1))
        }
        return rows
    }

    /// Cells split at `|` that is neither escaped (`\|`) nor inside a code span.
    static func split(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        var inCode = false
        for character in line {
            if escaped {
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "`" {
                inCode.toggle()
                current.append(character)
            } else if character == "|", !inCode {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}

/// Rows of HTML tables (and headings between them), with a small bounded tokenizer: `<tr>` rows of `<td>`/`<th>`
/// cells, `colspan` cells repeated (so a category row spanning the table has one filled cell), nested tables
/// read as text of the outer cell, `<br>`/`<p>`/`<li>` inside a cell as line breaks.
enum HTMLTable {
    static func rows(_ html: String) -> [TableAdapter.Row] {
        var rows: [TableAdapter.Row] = []
        var depth = 0
        var row: TableAdapter.Row?
        var cell: String?
        var cellSpan = 1
        var cellIsHeader = false
        var heading: String?
        var skipping: String?
        var line = 1
        var index = html.startIndex
        func append(_ text: String) {
            if cell != nil { cell! += text } else if heading != nil { heading! += text }
        }
        func endCell() {
            guard let text = cell else { return }
            let plain = TextCleaning.decodeEntities(text)
            for position in 0..<cellSpan { row?.cells.append(position == 0 ? plain : "") }
            if !cellIsHeader { row?.isHeader = false }
            cell = nil
        }
        func endRow() {
            endCell()
            if let finished = row, !finished.cells.isEmpty { rows.append(finished) }
            row = nil
        }
        while index < html.endIndex {
            let character = html[index]
            if character == "\n" { line += 1 }
            guard character == "<", let tag = HTMLText.Tag.read(html, at: index) else {
                if skipping == nil { append(String(character)) }
                index = html.index(after: index)
                continue
            }
            line += html[index..<tag.end].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            index = tag.end
            if let skip = skipping {
                if tag.isClosing, tag.name == skip { skipping = nil }
                continue
            }
            switch tag.name {
            case "script", "style", "template":
                if !tag.isClosing { skipping = tag.name }
            case "table":
                if tag.isClosing { if depth == 1 { endRow() }; depth = max(0, depth - 1) } else {
                    if depth >= 1 { append(" ") }
                    depth += 1
                }
            case "tr" where depth == 1:
                endRow()
                if !tag.isClosing { row = TableAdapter.Row(cells: [], line: line, isHeader: true) }
            case "td", "th":
                guard depth == 1 else { continue }
                endCell()
                guard !tag.isClosing else { continue }
                if row == nil { row = TableAdapter.Row(cells: [], line: line, isHeader: true) }
                cell = ""
                cellIsHeader = tag.name == "th"
                cellSpan = min(max(1, Int(tag.attribute("colspan") ?? "1") ?? 1), 64)
            case "h1", "h2", "h3", "h4", "h5", "h6":
                guard depth == 0 else { continue }
                if tag.isClosing, let text = heading {
                    let plain = TextCleaning.line(TextCleaning.decodeEntities(text))
                    if !plain.isEmpty, tag.name != "h1" { rows.append(TableAdapter.Row(cells: [], line: line, heading: plain)) }
                    heading = nil
                } else if !tag.isClosing {
                    heading = ""
                }
            case "br": append("\n")
            case "p", "div", "li", "ul", "ol": append(tag.isClosing ? "\n" : (tag.name == "li" ? "\n- " : "\n"))
            default: break
            }
        }
        endRow()
        return rows
    }
}
