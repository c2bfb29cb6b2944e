/// A feature's key table: rows of help grouped in sections, each row binding keys to actions and offering
/// status-line hints. The one table drives the dispatch (`action(for:)`), the help overlay (`sections`) and the
/// hints (`hints(for:)`), so the three cannot drift apart (the Bubbles `key.Binding` + `help.KeyMap` shape).
///
/// ```swift
/// enum Move { case up, down }
/// let keys = KeyMap<Void, Move>([.init("Move", [
///     .init("Up Down", "Move the selection", [([.up], .up), ([.down], .down)]),
/// ])])
/// keys.action(for: .down)  // .down
/// ```
public struct KeyMap<Model, Action: Sendable>: Sendable {
    /// A status-line hint: `key` in the key style, then the text the model gives (nil hides it). Hints are shown
    /// by `order`; when the row is too narrow, the highest `priority` numbers go first.
    public struct Hint: Sendable {
        public var order: Int
        public var priority: Int
        /// The key and the text for the model, or nil to hide the hint.
        public var content: @Sendable (Model) -> (key: String, text: String)?

        public init(order: Int, priority: Int, _ content: @escaping @Sendable (Model) -> (key: String, text: String)?) {
            self.order = order
            self.priority = priority
            self.content = content
        }

        /// `key` with the text the model gives (nil hides it).
        public init(_ key: String, order: Int, priority: Int, _ text: @escaping @Sendable (Model) -> String?) {
            self.init(order: order, priority: priority) { model in text(model).map { (key, $0) } }
        }

        /// A hint that is always shown.
        public init(_ key: String, _ text: String, order: Int, priority: Int) {
            self.init(order: order, priority: priority) { _ in (key, text) }
        }
    }

    /// Keys and the action they trigger.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action

        public init(_ keys: [Key], _ action: Action) {
            self.keys = keys
            self.action = action
        }
    }

    /// One line of help and the bindings it describes.
    public struct Row: Sendable {
        /// The keys as the help lists them ("Up Down  k j"); nil for a binding the help lists elsewhere.
        public var keys: String?
        public var help: String
        public var bindings: [Binding]
        public var hints: [Hint]

        public init(_ keys: String?, _ help: String, _ bindings: [([Key], Action)] = [], hints: [Hint] = []) {
            self.keys = keys
            self.help = help
            self.bindings = bindings.map { Binding($0.0, $0.1) }
            self.hints = hints
        }
    }

    public struct Section: Sendable {
        public var title: String
        public var rows: [Row]

        public init(_ title: String, _ rows: [Row]) {
            self.title = title
            self.rows = rows
        }
    }

    public var sections: [Section]

    public init(_ sections: [Section]) {
        self.sections = sections
    }

    /// The action bound to `key` (the first binding that has it), or nil.
    public func action(for key: Key) -> Action? {
        for section in sections {
            for row in section.rows {
                for binding in row.bindings where binding.keys.contains(key) { return binding.action }
            }
        }
        return nil
    }

    /// Every key this table binds.
    public var boundKeys: [Key] { sections.flatMap(\.rows).flatMap(\.bindings).flatMap(\.keys) }

    /// The hints for `model`, in display order, with their priorities.
    public func hints(for model: Model) -> [(key: String, text: String, priority: Int)] {
        let all = sections.flatMap(\.rows).flatMap(\.hints).enumerated()
            .sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        return all.compactMap { hint in hint.content(model).map { ($0.key, $0.text, hint.priority) } }
    }

    /// The same bindings and help without the hints (a shared part of a table whose hints another one gives).
    public var withoutHints: KeyMap {
        KeyMap(sections.map { section in
            Section(section.title, section.rows.map { row in
                var copy = row
                copy.hints = []
                return copy
            })
        })
    }

    /// The section called `title`, if any.
    public func section(_ title: String) -> Section? { sections.first { $0.title == title } }

    /// This table, then `other`'s sections (dispatch tries this table first).
    public static func + (lhs: KeyMap, rhs: KeyMap) -> KeyMap { KeyMap(lhs.sections + rhs.sections) }
}

extension Key {
    /// `.character` for each of "1"..."9" paired with its number, for "answer N" style bindings.
    public static func digits<Action>(_ action: (Int) -> Action) -> [([Key], Action)] {
        (1...9).map { ([.character(Character(String($0)))], action($0)) }
    }
}
