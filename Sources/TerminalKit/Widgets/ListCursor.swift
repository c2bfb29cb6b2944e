/// A selected row and a scroll offset in a list of `count` rows of which `visible` are shown.
/// `settle` keeps both valid: the index inside the list, the selection on screen, no empty space scrolled in.
public struct ListCursor: Hashable, Sendable {
    public var index = 0
    public var scroll = 0

    public init(index: Int = 0, scroll: Int = 0) {
        self.index = index
        self.scroll = scroll
    }

    public mutating func settle(count: Int, visible: Int) {
        guard count > 0 else {
            index = 0
            scroll = 0
            return
        }
        let visible = max(1, visible)
        index = min(max(index, 0), count - 1)
        if index < scroll { scroll = index }
        if index >= scroll + visible { scroll = index - visible + 1 }
        scroll = min(max(scroll, 0), max(0, count - visible))
    }

    public mutating func move(by delta: Int, count: Int, visible: Int) {
        index += delta
        settle(count: count, visible: visible)
    }

    public mutating func move(to newIndex: Int, count: Int, visible: Int) {
        index = newIndex
        settle(count: count, visible: visible)
    }
}
