import TerminalKit

/// The browser's styles, in one place. Colours are hints (the backend drops them with NO_COLOR); everything
/// that matters is also told by bold, underline or reverse.
public enum Theme {
    public static let border = Style(foreground: .blue)
    public static let title = Style(bold: true)
    public static let focusedTitle = Style(foreground: .cyan, bold: true, reverse: true)
    public static let dim = Style(dim: true)
    public static let heading = Style(foreground: .cyan, bold: true)
    public static let code = Style(bold: true)
    public static let vendorRow = Style(bold: true)
    /// Characters of a code or message that the search query matched.
    public static let match = Style(foreground: .yellow, bold: true, underline: true)
    /// The current match of a find in the detail (the others are in `match`).
    public static let currentMatch = Style(foreground: .yellow, bold: true, reverse: true)
    public static let notice = Style(foreground: .yellow)
    public static let link = Style(foreground: .cyan, underline: true)
    public static let key = Style(foreground: .cyan, bold: true)
    public static let message = Style(foreground: .yellow, bold: true)
    public static let searchPrompt = Style(foreground: .yellow, bold: true)
    public static let warning = Style(foreground: .red, bold: true)
}
