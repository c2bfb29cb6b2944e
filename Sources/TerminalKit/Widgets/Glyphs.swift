/// The characters used for frames, markers and truncation: Unicode line drawing, or plain ASCII for terminals
/// without UTF-8 (`RenderContext.unicode == false`).
public struct BoxGlyphs: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeDown: String
    public var teeUp: String
    /// Where a divider meets the left and the right border.
    public var teeRight: String
    public var teeLeft: String
    /// Marks the selected row of a list.
    public var marker: String
    /// Ends a line that was cut.
    public var ellipsis: String
    public var bullet: String
    /// Between the parts of a breadcrumb ("Sentiance › User Linking").
    public var separator: String
    /// Before a link (a related code, a decision tree).
    public var link: String
    /// Around quoted text (a vendor's message, the search query).
    public var openQuote: String
    public var closeQuote: String
    /// Between facts on one line ("HTTP 403 · message").
    public var dot: String

    public static let unicode = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", marker: "▸", ellipsis: "…", bullet: "•", separator: "›", link: "→",
        openQuote: "\u{201C}", closeQuote: "\u{201D}", dot: "\u{00B7}")

    public static let ascii = BoxGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", marker: ">", ellipsis: "~", bullet: "*", separator: ">", link: "->",
        openQuote: "\"", closeQuote: "\"", dot: "-")

    public static func forContext(_ context: RenderContext) -> BoxGlyphs { context.unicode ? .unicode : .ascii }
}
