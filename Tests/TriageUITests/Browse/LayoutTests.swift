import Testing
@testable import TriageUI

@Suite("Browser layout")
struct LayoutTests {
    @Test("the layout switches from three panes to one pane to the too-small message")
    func layout() {
        #expect(BrowserLayout(width: 80, height: 24).kind == .wide)
        #expect(BrowserLayout(width: 79, height: 24).kind == .narrow)
        #expect(BrowserLayout(width: 30, height: 8).kind == .narrow)
        #expect(BrowserLayout(width: 29, height: 24).kind == .tooSmall)
        #expect(BrowserLayout(width: 200, height: 7).kind == .tooSmall)
        for width in stride(from: 80, through: 300, by: 7) {
            let layout = BrowserLayout(width: width, height: 30)
            #expect(layout.sidebar.width + layout.list.width + layout.detail.width + 4 == width)
            #expect(layout.detail.x + layout.detail.width == width - 1)
            #expect(layout.list.width >= 26 && layout.detail.width >= 26)
        }
    }
}
