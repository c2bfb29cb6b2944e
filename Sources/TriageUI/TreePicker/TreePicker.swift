import TerminalKit
import TriageCore

/// A list of decision trees to start a diagnosis from: the trees of one code (most specific first, as
/// `DiagnosisSession.trees(for:in:)` sorts them) or every tree of the catalog (`t`). Drawn as a box over the
/// browser. Enter (or a digit) starts the selected tree, Esc or `q` closes the list.
public struct TreePicker: Sendable {
    public let catalog: Catalog
    /// The code the diagnosis is for: it starts every tree (skipping the questions it answers). nil for `t`.
    public let code: CodeReference?
    /// The tree ids listed, in order.
    public let trees: [String]
    public internal(set) var message: String?
    public internal(set) var width: Int
    public internal(set) var height: Int
    var cursor = ListCursor()

    /// The trees that diagnose `code`, most specific first; every tree when `code` is nil.
    public init(catalog: Catalog, code: CodeReference? = nil, width: Int = 80, height: Int = 24) {
        self.catalog = catalog
        self.code = code
        trees = code.map { DiagnosisSession.trees(for: $0, in: catalog).map(\.id) } ?? catalog.trees.map(\.id)
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The selected tree's id.
    public var selectedTree: String? { trees[safe: cursor.index] }
    public var selectedIndex: Int { cursor.index }

    /// The box title: "Trees for KEY_MISSING (2)" or "Decision trees (21)".
    public var title: String {
        if let code { return "Trees for \(code.code) (\(trees.count))" }
        return "Decision trees (\(trees.count))"
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cursor.settle(count: trees.count, visible: visibleRows)
    }

    /// The tree list's key table (its hints; the box's footer names Enter and Esc).
    static let keys = KeyMap<TreePicker, TreePickerAction>([
        .init("Trees", [
            .init(nil, "Start the selected tree", [([.enter, .right, .character("l")], .start)],
                  hints: [.init("Enter", "start", order: 0, priority: 0)]),
            .init(nil, "Start tree N", Key.digits { .number($0) }),
            .init(nil, "Close the list", [([.escape, .character("q"), .left, .character("h")], .close)],
                  hints: [.init("Esc", "close", order: 1, priority: 1)]),
            .init(nil, "Move", [([.up, .character("k")], .up), ([.down, .character("j")], .down),
                                ([.pageUp], .pageUp), ([.pageDown], .pageDown),
                                ([.home, .character("g")], .first), ([.end, .character("G")], .last)]),
            .init(nil, "Help", [([.character("?"), .function(1)], .help)],
                  hints: [.init("?", "help", order: 2, priority: 2)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    /// One key: move, start, close.
    public mutating func handle(_ key: Key) -> TreePickerOutcome {
        message = nil
        let visible = visibleRows
        switch Self.keys.action(for: key) {
        case .quit?: return .quit
        case .close?: return .close
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
        case nil: break
        }
        return .stay
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
    case quit, close, up, down, pageUp, pageDown, first, last, number(Int), start, help
}

/// What the host must do after the tree picker handled a key.
public enum TreePickerOutcome: Hashable, Sendable {
    case stay
    /// Esc or `q`: close the list.
    case close
    case quit
    /// Show the key help.
    case help
    /// A tree was chosen and started: show the diagnosis screen for this session.
    case start(DiagnosisSession)
}

/// How a code starts a diagnosis (`d`): directly when one tree diagnoses it, with a choice when several do.
public enum DiagnosisLaunch: Sendable {
    case screen(DiagnosisScreen)
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
                return .screen(try DiagnosisScreen.start(tree: trees[0].id, from: code, catalog: catalog, width: width,
                                                         height: height))
            } catch {
                return .unavailable(DiagnosisScreen.sentence(error))
            }
        default:
            return .picker(TreePicker(catalog: catalog, code: code, width: width, height: height))
        }
    }
}
