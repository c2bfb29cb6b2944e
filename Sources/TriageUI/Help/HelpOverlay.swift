import TerminalKit

/// The `?` overlay: a centred box listing every key (the browser's fit 80x24), scrollable when the terminal is
/// short; the bottom border then says there is more below (or above) and that j/k scroll.
struct HelpOverlay {
    let frame: Rect
    let document: Document<Never>

    var visibleRows: Int { max(0, frame.height - 2) }
    var maxScroll: Int { max(0, document.lines.count - visibleRows) }

    init(width: Int, height: Int, glyphs: BoxGlyphs, context: KeyHelp.Context = .browser) {
        let boxWidth = min(max(0, width - 4), 76)
        let inner = max(1, boxWidth - 4)
        let sections = KeyHelp.sections(for: context)
        var lines = Self.lines(sections, width: inner, glyphs: glyphs, compact: false)
        if lines.count + 2 > height - 1 { lines = Self.lines(sections, width: inner, glyphs: glyphs, compact: true) }
        let boxHeight = min(max(0, height - 1), lines.count + 2)
        frame = Rect(x: (width - boxWidth) / 2, y: max(0, (height - 1 - boxHeight) / 2), width: boxWidth, height: boxHeight)
        document = Document(title: "Keys", lines: lines)
    }

    /// The help text for `width` columns: keys and actions side by side, or keys above actions when narrow;
    /// `compact` leaves out the empty lines between sections.
    static func lines(_ sections: [KeyHelp.Section], width: Int, glyphs: BoxGlyphs, compact: Bool) -> [StyledLine] {
        var lines: [StyledLine] = []
        let sideBySide = width >= 44
        let keyColumn = 20
        for section in sections {
            if !lines.isEmpty, !compact { lines.append(StyledLine()) }
            lines.append(StyledLine(section.title, Theme.heading))
            for binding in section.bindings {
                if sideBySide {
                    let action = WordWrap.lines(binding.action, width: width - keyColumn)
                    for (number, piece) in action.enumerated() {
                        let keys = number == 0 ? binding.keys : ""
                        lines.append(StyledLine(keys, Theme.key).fitted(to: keyColumn, ellipsis: glyphs.ellipsis)
                            + StyledLine(piece))
                    }
                } else {
                    lines.append(StyledLine(binding.keys, Theme.key))
                    for piece in WordWrap.lines(binding.action, width: width - 2) { lines.append(StyledLine("  " + piece)) }
                }
            }
        }
        return lines
    }

    func draw(into screen: inout Buffer, scroll: Int, glyphs: BoxGlyphs) {
        guard frame.width >= 4, frame.height >= 3 else { return }
        let scroll = min(max(0, scroll), maxScroll)
        let inside = Modal.draw(into: &screen, frame: frame, title: document.title, titleStyle: Theme.focusedTitle,
                                footer: Self.footer(scroll: scroll, maxScroll: maxScroll), footerStyle: Theme.dim,
                                border: Theme.border, glyphs: glyphs)
        DocumentView.render(document, scroll: scroll, selection: nil, in: inside, into: &screen,
                            ellipsis: glyphs.ellipsis)
    }

    /// What the bottom border says: how to close the help, or that more is below or above and how to get there.
    static func footer(scroll: Int, maxScroll: Int) -> String {
        if maxScroll == 0 { return "any key closes" }
        return scroll < maxScroll ? "more below: j/k scroll" : "more above: k scrolls back"
    }
}

/// What a help overlay depends on (the key of `BrowserState.helpOverlays`).
struct HelpOverlayKey: Hashable {
    var width: Int
    var height: Int
    var unicode: Bool
    var context: KeyHelp.Context
}
