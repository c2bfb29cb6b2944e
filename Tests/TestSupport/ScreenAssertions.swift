import TerminalKit
import Testing

/// Compares a rendered buffer with the expected rows and, on a difference, records one issue with a row diff:
/// every differing row as `got` / `want`, plus rows missing or extra (the swift-argument-parser
/// `AssertEqualStrings` idea, for screens).
public func expectLines(_ buffer: Buffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.lines
    guard actual != expected else { return }
    var diff: [String] = []
    for row in 0..<max(actual.count, expected.count) {
        let got = row < actual.count ? "\"\(actual[row])\"" : "(no row)"
        let want = row < expected.count ? "\"\(expected[row])\"" : "(no row)"
        if got != want { diff.append("row \(row):\n  got  \(got)\n  want \(want)") }
    }
    Issue.record(Comment(rawValue: diff.joined(separator: "\n")), sourceLocation: sourceLocation)
}

/// Checks the style of every cell of `rect` in `buffer` with `check`; records the first cell that fails.
public func expectStyle(_ buffer: Buffer, in rect: Rect, _ description: String,
                        sourceLocation: SourceLocation = #_sourceLocation, _ check: (Style) -> Bool) {
    for y in rect.y..<rect.y + rect.height {
        for x in rect.x..<rect.x + rect.width where !check(buffer[x, y].style) {
            Issue.record("cell (\(x), \(y)) \"\(buffer[x, y].text)\" is not \(description): \(buffer[x, y].style)",
                         sourceLocation: sourceLocation)
            return
        }
    }
}
