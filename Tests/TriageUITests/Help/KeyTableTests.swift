import Foundation
import TerminalKit
import Testing
@testable import TriageUI

/// The README's key tables and the program's key tables say the same thing: every key the README lists is
/// bound, and every key a listed row of a key table binds is in the README.
@Suite("Key tables and the README")
struct KeyTableTests {
    /// The keys of every feature's table, and those of the rows the help overlay lists.
    static var tables: (all: Set<Key>, listed: Set<Key>) {
        var all = Set<Key>()
        var listed = Set<Key>()
        func add<Model, Action>(_ keys: KeyMap<Model, Action>) {
            for row in keys.sections.flatMap(\.rows) {
                let bound = row.bindings.flatMap(\.keys)
                all.formUnion(bound)
                if row.keys != nil { listed.formUnion(bound) }
            }
        }
        add(BrowseModel.browseKeys)
        add(BrowseModel.searchKeys)
        add(BrowseModel.detailKeys)
        add(BrowseModel.findKeys)
        add(BrowserState.helpKeys)
        add(BrowserState.screenKeys)
        add(TreePicker.keys)
        add(DiagnosisScreen.stepKeys)
        add(DiagnosisScreen.pathKeys)
        add(DiagnosisScreen.fieldKeys)
        add(DiagnosisScreen.noteKeys)
        add(PasteBox.editKeys)
        add(PasteBox.resultKeys)
        add(SessionsScreen.keys)
        add(SessionsScreen.filterKeys)
        add(SessionsScreen.deleteKeys)
        add(SessionsScreen.outcomeKeys)
        add(DiagnosisScreen.restartKeys)
        add(Prompt.ticketKeys)
        add(Prompt.continueKeys)
        return (all, listed)
    }

    /// The rows of the README's "| Keys ... |" tables: the keys column and the description column.
    static func readmeRows() throws -> [(keys: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [(String, String)] = []
        var inKeyTable = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                inKeyTable = false
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first?.hasPrefix("Keys") == true {
                inKeyTable = true
            } else if inKeyTable, cells.count >= 2, !cells[0].hasPrefix("---") {
                rows.append((cells[0], cells[1]))
            }
        }
        return rows
    }

    /// The keys named in backticks in `text` (`Ctrl-U`, `PgUp`, `↑`, `q`, `1`-`9`); other code spans are skipped.
    static func keys(in text: String) -> [Key] {
        let spans = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        var keys: [Key] = []
        for span in spans {
            let named: [String: Key] = [
                "↑": .up, "↓": .down, "←": .left, "→": .right, "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home,
                "End": .end, "Tab": .tab, "Shift-Tab": .backTab, "Enter": .enter, "Esc": .escape,
                "Backspace": .backspace, "F1": .function(1), "Delete": .delete,
            ]
            if let key = named[span] {
                keys.append(key)
            } else if span.hasPrefix("Ctrl-"), span.count == 6, let letter = span.last {
                keys.append(.control(Character(letter.lowercased())))
            } else if span.count == 1, let character = span.first, character.isASCII, !character.isWhitespace {
                keys.append(.character(character))
            }
        }
        if text.contains("`1`-`9`") { keys += (1...9).map { .character(Character(String($0))) } }
        return keys
    }

    @Test("every key in the README's key column is bound by a key table")
    func readmeKeysAreBound() throws {
        let rows = try Self.readmeRows()
        #expect(rows.count > 20, "the README's key tables were not found")
        let bound = Self.tables.all
        for row in rows {
            for key in Self.keys(in: row.keys) {
                #expect(bound.contains(key), "README lists \(key) (\(row.keys)) but no key table binds it")
            }
        }
    }

    @Test("every key a listed row binds is in the README's key tables")
    func boundKeysAreInTheReadme() throws {
        let documented = Set(try Self.readmeRows().flatMap { Self.keys(in: $0.keys) + Self.keys(in: $0.text) })
        for key in Self.tables.listed.sorted(by: { "\($0)" < "\($1)" }) {
            #expect(documented.contains(key), "\(key) is bound and listed in the help but missing from the README")
        }
    }

    @Test("a key table dispatches the first binding of a key, and gives hints in their order")
    func dispatchAndHints() {
        #expect(BrowseModel.browseKeys.action(for: .character("j")) == .down)
        #expect(BrowseModel.browseKeys.action(for: .character("x")) == nil)
        #expect(DiagnosisScreen.pathKeys.action(for: .tab) == .returnToStep, "the path's own Tab comes first")
        #expect(DiagnosisScreen.stepKeys.action(for: .tab) == .focusPath)
        var program = BrowserProgram.sized(Fixtures.catalog())
        let hints = BrowseModel.browseKeys.hints(for: program.state.browse).map(\.key)
        #expect(hints == ["Enter", "t", "/", "Tab", "?", "q"])
        program.send(.down)
        #expect(BrowseModel.browseKeys.hints(for: program.state.browse).first?.text == "codes")
    }
}
