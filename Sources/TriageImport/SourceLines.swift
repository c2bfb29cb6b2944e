/// A text document as numbered lines, each cut at `ImportLimits.maximumSourceLine` (a gigantic line is not
/// scanned whole), with `file:line` problems.
struct SourceLines {
    let file: String
    let lines: [Substring]

    init(_ text: String, file: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.utf8.count > ImportLimits.maximumSourceLine ? line.prefix(ImportLimits.maximumSourceLine) : line
        }
    }

    /// 1-based line number of index `index`.
    func number(_ index: Int) -> Int { index + 1 }

    func location(_ index: Int, column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: index + 1, column: column) }
}

import TriageCore
