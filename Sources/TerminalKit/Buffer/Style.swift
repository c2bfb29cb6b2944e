/// How a cell is drawn. Colours are hints: the terminal backend drops them on monochrome terminals and with
/// `NO_COLOR`, keeping bold, underline and reverse.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()
}

/// The eight ANSI colours; `nil` in a `Style` means the terminal's default.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}
