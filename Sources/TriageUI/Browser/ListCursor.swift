/// A selected row and a scroll offset in a list of `count` rows of which `visible` are shown.
/// `settle` keeps both valid: the index inside the list, the selection on screen, no empty space scrolled in.
struct ListCursor: Hashable, Sendable {
    var index = 0
    var scroll = 0

    mutating func settle(count: Int, visible: Int) {
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

    mutating func move(by delta: Int, count: Int, visible: Int) {
        index += delta
        settle(count: count, visible: visible)
    }

    mutating func move(to newIndex: Int, count: Int, visible: Int) {
        index = newIndex
        settle(count: count, visible: visible)
    }
}
