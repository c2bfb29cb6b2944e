import Testing
import TerminalKit

/// The one-line field every prompt uses (search, typed values, notes): readline's cursor keys.
@Suite("Text field editing")
struct TextFieldTests {
    @Test("Left/Right, Home/End and Ctrl-A/Ctrl-E move the cursor; typing inserts there")
    func cursorMovesAndInserts() {
        var field = TextField()
        for character in "abcd" { _ = field.edit(.character(character)) }
        #expect(field.cursor == 4)
        _ = field.edit(.left)
        _ = field.edit(.left)
        _ = field.edit(.character("X"))
        #expect(field.text == "abXcd")
        #expect(field.cursor == 3)
        _ = field.edit(.home)
        _ = field.edit(.character("<"))
        #expect(field.text == "<abXcd")
        _ = field.edit(.end)
        _ = field.edit(.character(">"))
        #expect(field.text == "<abXcd>")
        _ = field.edit(.control("a"))
        #expect(field.cursor == 0)
        _ = field.edit(.left)
        #expect(field.cursor == 0, "Left at the start stays")
        _ = field.edit(.control("e"))
        #expect(field.cursor == 7)
        _ = field.edit(.right)
        #expect(field.cursor == 7, "Right at the end stays")
    }

    @Test("Backspace deletes before the cursor, Delete under it, Ctrl-W the word before it")
    func deletes() {
        var field = TextField("hello big world")
        _ = field.edit(.home)
        _ = field.edit(.delete)
        #expect(field.text == "ello big world")
        _ = field.edit(.backspace)
        #expect(field.text == "ello big world", "Backspace at the start does nothing")
        for _ in 0..<8 { _ = field.edit(.right) }  // after "ello big"
        _ = field.edit(.control("w"))
        #expect(field.text == "ello  world")
        #expect(field.cursor == 5)
        _ = field.edit(.backspace)
        #expect(field.text == "ello world")
        _ = field.edit(.end)
        _ = field.edit(.delete)
        #expect(field.text == "ello world", "Delete at the end does nothing")
        #expect(field.edit(.enter) == false)
        #expect(field.edit(.up) == false)
    }

    @Test("the limit holds when inserting in the middle; setting the text keeps the cursor inside it")
    func limits() {
        var field = TextField("abc", limit: 3)
        _ = field.edit(.home)
        _ = field.edit(.character("z"))
        #expect(field.text == "abc")
        #expect(field.cursor == 0)
        _ = field.edit(.end)
        field.text = "a"
        #expect(field.cursor == 1, "a shorter text pulls the cursor to its end")
        _ = field.edit(.character("\u{1B}"))
        #expect(field.text == "a", "control characters never get in")
    }

    @Test("a long text shows the window around the cursor, cut marks on the cut sides")
    func window() {
        var field = TextField("0123456789abcdefghij")
        var window = field.window(room: 10)
        #expect(window.cutBefore && !window.cutAfter)
        #expect(window.text.hasSuffix("ghij"))
        #expect(window.cursorColumn == window.text.count, "the cursor after the last character")
        _ = field.edit(.home)
        window = field.window(room: 10)
        #expect(!window.cutBefore && window.cutAfter)
        #expect(window.text.hasPrefix("0123"))
        #expect(window.cursorColumn == 0)
        #expect(window.text.count + 1 <= 10, "room for the ellipsis")
        for _ in 0..<10 { _ = field.edit(.right) }
        window = field.window(room: 10)
        #expect(window.cutBefore)
        #expect(Array(window.text)[window.cursorColumn] == "a", "the cursor is on the character after it")
        let whole = field.window(room: 30)
        #expect(whole.text == "0123456789abcdefghij" && whole.cursorColumn == 10 && !whole.cutBefore && !whole.cutAfter)
    }
}

