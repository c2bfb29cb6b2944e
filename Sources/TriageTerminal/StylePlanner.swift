import CNcurses
import TerminalKit

/// How colours are used on this terminal.
struct ColorMode: Hashable, Sendable {
    /// False with `NO_COLOR` or when `has_colors()` is false: only bold, underline, reverse and dim remain.
    var enabled: Bool
    /// `use_default_colors()` worked, so -1 means the terminal's own foreground or background.
    var defaultColors: Bool

    static let none = ColorMode(enabled: false, defaultColors: false)
}

/// A foreground/background pair as ncurses colour numbers (-1 = terminal default).
struct ColorKey: Hashable, Sendable {
    var foreground: Int16
    var background: Int16
}

/// What one `Style` becomes on this terminal.
struct AttributePlan: Hashable, Sendable {
    var bold = false
    var underline = false
    var reverse = false
    var dim = false
    /// nil: colour pair 0 (the terminal's colours).
    var colors: ColorKey?

    /// The ncurses attribute bits (`WA_*`), colour excluded.
    var attributes: attr_t {
        var bits = shim_attr_normal()
        if bold { bits |= shim_attr_bold() }
        if underline { bits |= shim_attr_underline() }
        if reverse { bits |= shim_attr_reverse() }
        if dim { bits |= shim_attr_dim() }
        return bits
    }
}

enum StylePlanner {
    static func plan(_ style: Style, mode: ColorMode) -> AttributePlan {
        var plan = AttributePlan(bold: style.bold, underline: style.underline, reverse: style.reverse, dim: style.dim)
        guard mode.enabled, style.foreground != nil || style.background != nil else { return plan }
        // Without default colours, "default" has to be spelled: white on black, as the terminal starts.
        let foreground = style.foreground.map { Int16($0.rawValue) } ?? (mode.defaultColors ? -1 : 7)
        let background = style.background.map { Int16($0.rawValue) } ?? (mode.defaultColors ? -1 : 0)
        plan.colors = ColorKey(foreground: foreground, background: background)
        return plan
    }
}

/// Colour pairs, allocated the first time a foreground/background combination is drawn.
struct ColorPairTable: Sendable {
    private var pairs: [ColorKey: Int16] = [:]
    /// The highest pair number the terminal supports (`COLOR_PAIRS - 1`); pair 0 is reserved.
    let limit: Int

    init(limit: Int) { self.limit = max(0, min(limit, Int(Int16.max))) }

    /// The pair for `key`, and whether it is new (the caller must then `init_pair` it). nil when the terminal
    /// has no pairs left: the text is drawn in the default colours.
    mutating func pair(for key: ColorKey) -> (number: Int16, isNew: Bool)? {
        if let number = pairs[key] { return (number, false) }
        guard pairs.count < limit else { return nil }
        let number = Int16(pairs.count + 1)
        pairs[key] = number
        return (number, true)
    }

    var count: Int { pairs.count }
}
