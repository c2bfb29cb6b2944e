/// Recognises the end of an escape sequence that ncurses did not decode (a mouse report while the mouse is off,
/// a key the terminfo entry does not list, a terminal's answer), so the whole sequence is dropped instead of its
/// tail arriving as keys: `ESC [ M q ! !` (an X10 mouse report) must not be read as `q`, quit. Pure: fed the
/// characters after ESC one at a time.
struct EscapeSequenceSwallower {
    enum Verdict: Equatable {
        /// Not a sequence (`ESC x` is Alt-x): the character is a key of its own, after Escape.
        case notASequence
        /// Part of the sequence; feed the next character.
        case needMore
        /// The sequence ended with this character; drop it all.
        case complete
    }

    private enum State {
        case start
        case csi(first: Bool)
        case x10(remaining: Int)
        case ss3
        case string(sawEscape: Bool)
        case done
    }

    private var state = State.start

    mutating func feed(_ value: UInt32) -> Verdict {
        switch state {
        case .start:
            switch value {
            case 0x5B: state = .csi(first: true); return .needMore                  // [
            case 0x4F: state = .ss3; return .needMore                                // O
            case 0x5D, 0x50, 0x5F, 0x5E, 0x58: state = .string(sawEscape: false); return .needMore  // ] P _ ^ X
            default: state = .done; return .notASequence
            }
        case let .csi(first):
            if first, value == 0x4D { state = .x10(remaining: 3); return .needMore }  // ESC [ M b x y
            switch value {
            case 0x20...0x3F: state = .csi(first: false); return .needMore          // parameters, intermediates
            default: state = .done; return .complete                                // the final byte (or garbage)
            }
        case let .x10(remaining):
            if remaining <= 1 { state = .done; return .complete }
            state = .x10(remaining: remaining - 1)
            return .needMore
        case .ss3:
            state = .done
            return .complete
        case let .string(sawEscape):
            // OSC, DCS, APC, PM, SOS: up to BEL or ST (ESC \).
            if value == 0x07 || (sawEscape && value == 0x5C) { state = .done; return .complete }
            state = .string(sawEscape: value == 0x1B)
            return .needMore
        case .done:
            return .complete
        }
    }
}
