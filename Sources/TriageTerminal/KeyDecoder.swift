import CNcurses
import TerminalKit

/// What `get_wch` returned: a key code (`KEY_CODE_YES`) or a character (`OK`). The two number ranges overlap
/// (`KEY_DOWN` is also U+0102), so they are kept apart from the start.
enum RawInput: Hashable, Sendable {
    case keyCode(Int32)
    case character(UInt32)
}

/// What to do with one raw input.
enum KeyAction: Hashable, Sendable {
    case key(Key)
    /// `KEY_RESIZE`: read the new size from ncurses and repaint everything.
    case resize
    /// `KEY_MOUSE`: read the event with `getmouse`.
    case mouse
    /// A bracketed paste and its text (see `PasteCollector`).
    case paste(String)
    /// Nothing the program understands (unknown key codes, stray control bytes).
    case ignore
}

/// Maps `get_wch` results to keys. Pure: the table is tested without a terminal.
enum KeyDecoder {
    static func decode(_ raw: RawInput) -> KeyAction {
        switch raw {
        case .keyCode(let code): return decode(keyCode: code)
        case .character(let value): return decode(character: value)
        }
    }

    static func decode(keyCode code: Int32) -> KeyAction {
        switch code {
        case KEY_UP, KEY_SR: return .key(.up)
        case KEY_DOWN, KEY_SF: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1, KEY_LL: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        default:
            let function = code - shim_key_f(0)
            if function >= 1, function <= 63 { return .key(.function(Int(function))) }
            return .ignore
        }
    }

    static func decode(character value: UInt32) -> KeyAction {
        switch value {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 0: return .key(.control("@"))
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 0x60)!)))
        case 28...31: return .key(.control(Character(Unicode.Scalar(value + 0x40)!)))
        case 0x80..<0xA0: return .ignore
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignore }
            return .key(.character(Character(scalar)))
        }
    }
}

/// Maps a `getmouse` report to a mouse event (button 1 and the wheel only).
enum MouseDecoder {
    static func decode(buttons: UInt32, x: Int32, y: Int32) -> MouseEvent? {
        let kind: MouseEvent.Kind
        if buttons & UInt32(shim_mouse_wheel_up()) != 0 {
            kind = .wheelUp
        } else if buttons & UInt32(shim_mouse_wheel_down()) != 0 {
            kind = .wheelDown
        } else if buttons & UInt32(shim_mouse_button1()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return MouseEvent(kind: kind, x: Int(x), y: Int(y))
    }
}

/// Escape sequences that terminals send whether or not their terminfo entry lists them (xterm, VT220, rxvt and
/// tmux spellings). A `TERM` that does not match the terminal (TERM=vt100 in tmux, xterm-256color inside tmux)
/// would otherwise turn Home, PgDn or F5 into Esc followed by letters. Each is bound only if unbound.
enum ExtraKeySequences {
    static let all: [(sequence: String, code: Int32)] = {
        var table: [(String, Int32)] = []
        let csi = "\u{1B}[", ss3 = "\u{1B}O"
        for (letter, code) in [("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT),
                               ("H", KEY_HOME), ("F", KEY_END)] {
            table.append((csi + letter, code))
            table.append((ss3 + letter, code))
        }
        for (number, code) in [(1, KEY_HOME), (7, KEY_HOME), (4, KEY_END), (8, KEY_END), (3, KEY_DC),
                               (5, KEY_PPAGE), (6, KEY_NPAGE)] {
            table.append((csi + "\(number)~", code))
        }
        table.append((csi + "Z", KEY_BTAB))
        for (index, letter) in ["P", "Q", "R", "S"].enumerated() {
            table.append((ss3 + letter, shim_key_f(Int32(index + 1))))
        }
        // F1-F12 as VT220 numbers (note the gaps at 16 and 22).
        for (index, number) in [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24].enumerated() {
            table.append((csi + "\(number)~", shim_key_f(Int32(index + 1))))
        }
        return table
    }()
}
