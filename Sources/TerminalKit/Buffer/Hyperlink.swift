/// A run of cells that is a link to `url` (OSC 8): the backend wraps those cells in the hyperlink sequence where
/// the terminal supports it; elsewhere the cells show the text alone. Built only through `init?`, which accepts
/// only an http(s) URL of printable ASCII, so catalog text can never smuggle a sequence in.
public struct Hyperlink: Hashable, Sendable {
    public let x: Int
    public let y: Int
    public let width: Int
    public let url: String

    public init?(x: Int, y: Int, width: Int, url: String) {
        guard width > 0, Self.isSafe(url) else { return nil }
        self.x = x
        self.y = y
        self.width = width
        self.url = url
    }

    /// http:// or https://, then printable ASCII without spaces, quotes, backslashes or angle brackets.
    public static func isSafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count <= 2000 else { return false }
        return url.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"\\\"'<>`".unicodeScalars.contains(scalar)
        }
    }
}
