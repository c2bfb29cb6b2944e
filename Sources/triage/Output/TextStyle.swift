import TerminalKit
import TriageCore
import TriageUI

/// ANSI styling for human output; a no-op when colour is off (not a terminal, or NO_COLOR).
struct TextStyle {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Applies bold to the highlighted character ranges of `text` (already sanitized).
    func highlight(_ text: String, _ ranges: [HighlightRange]) -> String {
        guard enabled, !ranges.isEmpty else { return text }
        let characters = Array(text)
        var marked = [Bool](repeating: false, count: characters.count)
        for range in ranges {
            for index in max(0, range.start)..<min(characters.count, range.end) { marked[index] = true }
        }
        var result = ""
        var index = 0
        while index < characters.count {
            var end = index
            while end < characters.count, marked[end] == marked[index] { end += 1 }
            let piece = String(characters[index..<end])
            result += marked[index] ? wrap(piece, "1;33") : piece
            index = end
        }
        return result
    }
}

/// Layout helpers for aligned, width-aware plain text.
enum TextLayout {
    /// `text` cut to `width` display columns with an ellipsis, or padded with spaces to exactly `width`
    /// columns (CJK and emoji take two).
    static func fit(_ text: String, _ width: Int, pad: Bool = true) -> String {
        guard width > 0 else { return "" }
        let textWidth = DisplayWidth.of(text)
        if textWidth > width {
            var kept = ""
            var used = 0
            for character in text {
                let columns = DisplayWidth.of(character)
                if used + columns > width - 1 { break }
                kept.append(character)
                used += columns
            }
            return kept + "…" + (pad ? String(repeating: " ", count: max(0, width - 1 - used)) : "")
        }
        return pad ? text + String(repeating: " ", count: width - textWidth) : text
    }

    /// Display columns of `text`.
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    /// `text` as one table cell: sanitized, with newlines and tabs as spaces so it cannot start a new row, and
    /// each character written as the full screen draws it (`CellPieces.flattened`), so its measured width is
    /// the width every terminal shows and columns stay aligned.
    static func cell(_ text: String) -> String {
        CellPieces.flattened(TerminalSafe.sanitize(text, keepNewlines: false))
    }

    /// Wrapped lines with a hanging indent.
    static func indented(_ text: String, indent: Int, width: Int, firstPrefix: String? = nil) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let lines = WordWrap.lines(text, width: max(10, width - indent))
        return lines.enumerated().map { index, line in
            if index == 0, let firstPrefix { return firstPrefix + line }
            return line.isEmpty ? "" : pad + line
        }
    }

    /// Collapses newlines and runs of spaces, for one-line summaries.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }
}
