/// A key, as the terminal backend decodes it.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("c")` for Ctrl-C (raw mode delivers it as a key).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    case function(Int)
}

/// What the backend feeds the program.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size (also sent once at start).
    case resize(width: Int, height: Int)
    /// A mouse click (button 1) or wheel at a cell; a bonus, never required.
    case mouse(MouseEvent)
    /// Text pasted in one go (bracketed paste): never keys, so a pasted newline does not answer anything.
    case paste(String)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
