import Foundation
import TriageCore
import TerminalKit

/// The program that opens a URL in the desktop's browser, if there is one on the PATH.
enum Opener {
    static func find(environment: [String: String] = ProcessEnvironment.current) -> String? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        #if os(macOS)
        let names = ["open"]
        #else
        let names = ["xdg-open"]  // never `open`: on Linux that is openvt
        #endif
        for name in names {
            for folder in path {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Whether `url` may be handed to the opener: http(s) and printable ASCII only (`Hyperlink.isSafe`), so a
    /// `file:`, `javascript:` or option-like (`--help`) target never reaches it. That check is what keeps the
    /// URL from being read as an option: xdg-open (xdg-utils 1.1) rejects a `--` before its argument.
    static func mayOpen(_ url: String) -> Bool { TerminalKit.Hyperlink.isSafe(url) }

    /// Runs `opener` on `url`, its output discarded; whether it ran and exited 0. False without running it when
    /// `mayOpen(url)` is false.
    static func open(_ url: String, with opener: String) -> Bool {
        guard mayOpen(url) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
