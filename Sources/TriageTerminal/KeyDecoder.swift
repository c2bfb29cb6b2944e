import CNcurses
import TriageUI

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
