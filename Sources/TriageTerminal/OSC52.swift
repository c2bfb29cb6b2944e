import Foundation
import TerminalKit

/// The OSC 52 "set clipboard" escape sequence, wrapped for the multiplexer Triage runs in: plain
/// (`ESC ] 52 ; c ; BASE64 BEL`), tmux (DCS passthrough `ESC P tmux; ... ESC \` with every ESC inside doubled)
/// or GNU screen (the sequence cut into DCS pieces `ESC P ... ESC \`, which screen passes on). Pure: the caller
/// writes the bytes to the terminal. It takes only a `ClipboardText`, so every copy is encoded the one way.
///
/// ```swift
/// let bytes = try OSC52.sequence(for: .line("text"), environment: ["TERM": "xterm-256color"]).get()
/// ```
public enum OSC52 {
    /// The largest base64 payload sent: terminals refuse (or truncate) OSC 52 payloads over about 100 KB.
    public static let maximumPayload = 100_000
    /// GNU screen passes a DCS string of at most this many bytes on; longer sequences are sent in pieces.
    static let screenPiece = 76

    /// Why the clipboard cannot be set here.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The terminal (`TERM`) has no clipboard escape (the Linux console, vt100, dumb).
        case unsupported(term: String)
        /// The base64 payload would be `bytes` long, over `limit`.
        case tooLarge(bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case let .unsupported(term):
                return "this terminal (TERM=\(term.isEmpty ? "unset" : term)) cannot set the clipboard"
            case let .tooLarge(bytes, limit):
                return "too large for the clipboard escape (\(bytes / 1000) KB encoded; terminals refuse more than \(limit / 1000) KB)"
            }
        }
    }

    /// Where the sequence goes through, from `TMUX` and `TERM`.
    public enum Wrapping: Hashable, Sendable {
        case plain, tmux, screen
    }

    /// The wrapping for this environment, or nil when the terminal cannot set the clipboard.
    public static func wrapping(environment: [String: String]) -> Wrapping? {
        let term = environment["TERM"] ?? ""
        if let tmux = environment["TMUX"], !tmux.isEmpty { return .tmux }
        if term.hasPrefix("screen") { return .screen }
        let unsupported = ["", "dumb", "linux", "vt100", "vt102", "vt220", "cons25", "ansi"]
        if unsupported.contains(term) { return nil }
        return .plain
    }

    /// The bytes that put `text` on the clipboard here.
    public static func sequence(for text: ClipboardText, environment: [String: String]) -> Result<[UInt8], Failure> {
        guard let wrapping = wrapping(environment: environment) else {
            return .failure(.unsupported(term: environment["TERM"] ?? ""))
        }
        return sequence(for: text, wrapping: wrapping)
    }

    /// The bytes that put `text` on the clipboard through `wrapping`.
    public static func sequence(for text: ClipboardText, wrapping: Wrapping) -> Result<[UInt8], Failure> {
        let payload = Data(text.text.utf8).base64EncodedString()
        guard payload.utf8.count <= maximumPayload else {
            return .failure(.tooLarge(bytes: payload.utf8.count, limit: maximumPayload))
        }
        let osc = "\u{1B}]52;c;\(payload)\u{07}"
        switch wrapping {
        case .plain:
            return .success(Array(osc.utf8))
        case .tmux:
            let doubled = osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
            return .success(Array("\u{1B}Ptmux;\(doubled)\u{1B}\\".utf8))
        case .screen:
            var bytes: [UInt8] = []
            var rest = Substring(osc)
            while !rest.isEmpty {
                let piece = rest.prefix(screenPiece)
                rest = rest.dropFirst(piece.count)
                bytes += Array("\u{1B}P\(piece)\u{1B}\\".utf8)
            }
            return .success(bytes)
        }
    }
}
