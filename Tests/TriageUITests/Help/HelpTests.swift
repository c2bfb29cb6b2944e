import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

@Suite("Help overlay")
struct HelpTests {
    @Test("? opens the help over the browser; any other key closes it; q closes it without quitting")
    func opensAndCloses() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("?"))
        #expect(program.state.mode == .help)
        #expect(program.render().text.contains("Keys"))
        #expect(program.send(.character("q")) == .continue)
        #expect(program.state.mode == .browse)
        program.send(.function(1))
        #expect(program.state.mode == .help)
        program.send(.escape)
        #expect(program.state.mode == .browse)
        program.send(.character("?"))
        #expect(program.send(.control("c")) == .quit)
    }

    @Test("the help lists every key the browser handles")
    func listsEveryKey() {
        let keys = KeyHelp.sections.flatMap(\.bindings).map(\.keys).joined(separator: " ")
        for name in ["Up", "Down", "k", "j", "PgUp", "PgDn", "g", "G", "Home", "End", "Tab", "Shift-Tab", "Enter", "l",
                     "Right", "Esc", "h", "Left", "Bksp", "/", "Ctrl-U", "Ctrl-W", "Ctrl-V", "?", "F1", "q", "Ctrl-C", "Mouse"] {
            #expect(keys.split(separator: " ").contains(Substring(name)), "\(name) missing from the help")
        }
        for name in ["d", "t", "D", "1-9", "b", "n", "r", "s", "i", "Ctrl-R", "letters"] {
            #expect(keys.split(separator: " ").contains(Substring(name)), "\(name) missing from the help")
        }
        var program = BrowserProgram.sized(Fixtures.catalog(), width: 120, height: 40)
        program.send(.character("?"))
        let text = program.render().text
        for binding in KeyHelp.sections(for: .browser).flatMap(\.bindings) { #expect(text.contains(binding.keys)) }
    }

    @Test("over a diagnosis the help lists the diagnosis keys, and closing it returns to the diagnosis")
    func diagnosisHelp() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter, .character("d"))
        #expect(program.state.mode == .diagnosis)
        program.send(.character("?"))
        #expect(program.state.mode == .help)
        let screen = program.render()
        // The help scrolls when it is taller than the screen: every key is on the first page or the last.
        var scrolled = program
        scrolled.send(.character("G"))
        let shown = screen.text + scrolled.render().text
        for binding in KeyHelp.sections(for: .diagnosis).flatMap(\.bindings) {
            #expect(shown.contains(binding.keys), "\(binding.keys)")
        }
        #expect(!screen.text.contains("Scope: all vendors"))
        #expect(screen.lines[23].hasPrefix(" Help"))
        program.send(.character("x"))
        #expect(program.state.mode == .diagnosis)
        #expect(program.render().text.contains("Question 1"))
    }

    @Test("at 80x24 the browser help fits: it does not scroll and every key is on screen")
    func fitsAt80x24() {
        let overlay = HelpOverlay(width: 80, height: 24, glyphs: .unicode)
        #expect(overlay.maxScroll == 0, "\(overlay.document.lines.count) lines in \(overlay.visibleRows) rows")
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("?"))
        let text = program.render().text
        for binding in KeyHelp.sections(for: .browser).flatMap(\.bindings) {
            #expect(text.contains(binding.keys), "\(binding.keys)")
        }
        #expect(text.contains("any key closes") && !text.contains("more below"))
        program.send(.character("j"))
        #expect(program.state.helpScroll.scroll == 0)
    }

    @Test("the diagnosis help lists Ctrl-L and Ctrl-Z; at 80x24 it scrolls and its border says more is below")
    func diagnosisHelpScrolls() {
        let keys = KeyHelp.sections(for: .diagnosis).flatMap(\.bindings).map(\.keys)
        #expect(keys.contains("Ctrl-L/Z/O"))
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter, .character("d"), .character("?"))
        #expect(program.state.mode == .help)
        // The diagnosis has more keys than fit 80x24 (the value field's too): the help scrolls, and says so.
        let overlay = HelpOverlay(width: 80, height: 24, glyphs: .unicode, context: .diagnosis)
        #expect(overlay.maxScroll > 0)
        let top = program.render().text
        #expect(top.contains("more below: j/k scroll") && !top.contains("more above"))
        program.send(.character("j"))
        #expect(program.state.helpScroll.scroll == 1, "j scrolls")
        program.send(.character("G"))
        let bottom = program.render().text
        #expect(bottom.contains("more above: k scrolls back"))
        #expect(bottom.contains("Ctrl-L/Z/O"), "the last section is Other")
    }

    @Test("a short terminal scrolls the help with j and k; the border says which way there is more")
    func scrolls() {
        var program = BrowserProgram.sized(Fixtures.catalog(), width: 40, height: 12)
        program.send(.character("?"))
        let first = program.render().text
        #expect(first.contains("more below: j/k"))
        program.send(.character("j"), .character("j"))
        #expect(program.state.helpScroll.scroll == 2)
        #expect(program.render().text != first)
        program.send(.character("G"))
        let overlay = HelpOverlay(width: 40, height: 12, glyphs: .unicode)
        #expect(program.state.helpScroll.scroll == overlay.maxScroll)
        #expect(program.render().text.contains("Ctrl-L/Z/O"), "the last row of the help")
        #expect(program.render().text.contains("more above"))
        program.send(.character("k"))
        #expect(program.state.helpScroll.scroll == overlay.maxScroll - 1)
        #expect(program.state.mode == .help)
    }
}
