import TerminalKit
import TriageCore

/// A list of decision trees to start a diagnosis from: the trees of one code (most specific first, as
/// `DiagnosisSession.trees(for:in:)` sorts them) or every tree of the catalog (`t`). Drawn as a box over the
/// browser. Typing filters the list (fzf's type-to-filter: every word must appear in the tree's id, title or
/// codes; Backspace edits, Esc clears the filter, then closes); arrows select, Enter (or a digit for the first
/// nine rows) starts the selected tree.
public struct TreePicker: Sendable {
    public let catalog: Catalog
    /// The code the diagnosis is for: it starts every tree (skipping the questions it answers). nil for `t`.
    public let code: CodeReference?
    /// Every tree id the picker offers, in order.
    public let allTrees: [TreeID]
    /// The tree ids listed (those matching the filter), in order.
    public internal(set) var trees: [TreeID]
    /// What was typed to filter the list.
    public internal(set) var filter = TextField(limit: 100)
    public internal(set) var message: String?
    public internal(set) var width: Int
    public internal(set) var height: Int
    var cursor = ListCursor()

    /// The trees that diagnose `code`, most specific first; every tree when `code` is nil.
    public init(catalog: Catalog, code: CodeReference? = nil, width: Int = 80, height: Int = 24) {
        self.catalog = catalog
        self.code = code
        allTrees = code.map { DiagnosisSession.trees(for: $0, in: catalog).map(\.id) } ?? catalog.trees.map(\.id)
        trees = allTrees
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The selected tree's id.
    public var selectedTree: TreeID? { trees[safe: cursor.index] }
    public var selectedIndex: Int { cursor.index }

    /// The box title: "Trees for KEY_MISSING (2)" or "Decision trees (21)"; "(3/21)" while filtered.
    public var title: String {
        let count = filter.text.isEmpty ? "\(trees.count)" : "\(trees.count)/\(allTrees.count)"
        if let code { return "Trees for \(code.code) (\(count))" }
        return "Decision trees (\(count))"
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cursor.settle(count: trees.count, visible: visibleRows)
    }

    /// The tree list's key table (its hints; the box's footer names Enter and Esc). Printable keys other than
    /// the digits and `?` are filter text.
    static let keys = KeyMap<TreePicker, TreePickerAction>([
        .init("Trees", [
            .init("Enter", "Start the selected tree", [([.enter, .right], .start)],
                  hints: [.init("Enter", "start", order: 0, priority: 0)]),
            .init("1-9", "Start tree N (rows 1-9)", Key.digits { .number($0) }),
            .init("Esc", "Clear the filter, then close the list", [([.escape, .left], .close)],
                  hints: [.init("Esc", order: 1, priority: 1) { $0.filter.text.isEmpty ? "close" : "clear filter" }]),
            .init("Up Down  PgUp PgDn", "Move", [([.up, .control("p"), .control("k")], .up), ([.down, .control("n"), .control("j")], .down),
                                ([.pageUp], .pageUp), ([.pageDown], .pageDown),
                                ([.home], .first), ([.end], .last)]),
            .init("letters", "Filter: type; Backspace, Ctrl-U and Ctrl-W edit", [([.backspace, .control("u"), .control("w")], .edit)],
                  hints: [.init("type", "filter", order: 2, priority: 3)]),
            .init("?  F1", "This help; any other key closes it", [([.character("?"), .function(1)], .help)],
                  hints: [.init("?", "help", order: 3, priority: 2)]),
            .init("Ctrl-C", "Quit Triage", [([.control("c")], .quit)]),
        ]),
    ])

    /// One key: move, filter, start, close.
    public mutating func handle(_ key: Key) -> TreePickerOutcome {
        message = nil
        let visible = visibleRows
        switch Self.keys.action(for: key) {
        case .quit?: return .quit
        case .close?:
            guard filter.text.isEmpty else {
                filter = TextField(limit: filter.limit)
                applyFilter()
                return .stay
            }
            return .close
        case .up?: cursor.move(by: -1, count: trees.count, visible: visible)
        case .down?: cursor.move(by: 1, count: trees.count, visible: visible)
        case .pageUp?: cursor.move(by: -max(1, visible - 1), count: trees.count, visible: visible)
        case .pageDown?: cursor.move(by: max(1, visible - 1), count: trees.count, visible: visible)
        case .first?: cursor.move(to: 0, count: trees.count, visible: visible)
        case .last?: cursor.move(to: trees.count - 1, count: trees.count, visible: visible)
        case let .number(number)?:
            guard trees.indices.contains(number - 1) else {
                message = "There is no tree \(number)"
                return .stay
            }
            cursor.move(to: number - 1, count: trees.count, visible: visible)
            return start()
        case .start?: return start()
        case .help?: return .help
        case .edit?: editFilter(key)
        case nil: if case .character = key { editFilter(key) }
        }
        return .stay
    }

    /// Types into the filter and re-filters, keeping the selected tree when it still matches.
    mutating func editFilter(_ key: Key) {
        let before = filter.text
        guard filter.edit(key), filter.text != before else { return }
        applyFilter()
    }

    /// Lists the trees matching the filter: each of its words appears (ignoring case) in the id, the title or a
    /// code of the tree.
    mutating func applyFilter() {
        let selected = selectedTree
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        trees = words.isEmpty ? allTrees : allTrees.filter { id in
            guard let tree = catalog.tree(id: id) else { return false }
            let haystack = ([tree.id.rawValue, tree.title] + tree.codes.map(\.description)).joined(separator: " ").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
        let index = selected.flatMap { trees.firstIndex(of: $0) } ?? 0
        cursor = ListCursor()
        cursor.move(to: index, count: trees.count, visible: visibleRows)
        if trees.isEmpty { message = "No tree matches \"\(filter.text)\"; Esc clears the filter" }
    }

    /// Starts the selected tree (from the code, when the picker has one).
    mutating func start() -> TreePickerOutcome {
        guard let id = selectedTree else {
            message = "No decision tree to start"
            return .stay
        }
        do {
            return .start(try DiagnosisSession.start(tree: id, from: code, in: catalog))
        } catch {
            message = DiagnosisScreen.sentence(error)
            return .stay
        }
    }

    /// Rows of trees the box shows for the current size.
    var visibleRows: Int { TreePickerBox(picker: self, area: Rect(x: 0, y: 0, width: width, height: height)).listRows }
}

/// What a key does in the tree list.
enum TreePickerAction: Hashable, Sendable {
    case quit, close, up, down, pageUp, pageDown, first, last, number(Int), start, help, edit
}

/// What the host must do after the tree picker handled a key; its own request is a started diagnosis to show.
public typealias TreePickerOutcome = ChildOutcome<DiagnosisSession>

extension ChildOutcome where Request == DiagnosisSession {
    /// A tree was chosen and started: show the diagnosis screen for this session.
    static func start(_ session: DiagnosisSession) -> Self { .request(session) }
}

/// How a code starts a diagnosis (`d`): directly when one tree diagnoses it, with a choice when several do.
public enum DiagnosisLaunch: Sendable {
    /// One tree diagnoses the code: this session, started.
    case session(DiagnosisSession)
    case picker(TreePicker)
    /// No tree diagnoses the code (or it could not start): say this.
    case unavailable(String)

    /// The launch for `code` in an area of `width`x`height`.
    public static func forCode(_ code: CodeReference, catalog: Catalog, width: Int, height: Int) -> DiagnosisLaunch {
        let trees = DiagnosisSession.trees(for: code, in: catalog)
        switch trees.count {
        case 0:
            return .unavailable("No decision tree diagnoses \(code.code) yet; t lists every tree")
        case 1:
            do {
                return .session(try DiagnosisSession.start(tree: trees[0].id, from: code, in: catalog))
            } catch {
                return .unavailable(DiagnosisScreen.sentence(error))
            }
        default:
            return .picker(TreePicker(catalog: catalog, code: code, width: width, height: height))
        }
    }
}
