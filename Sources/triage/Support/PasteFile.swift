import Foundation
import TriageCore

/// Reading a paste from a file the user names, or standard input for '-'.
enum PasteFile {
    /// Whether `file` names standard input: the paste is read from it to its end, so answers must come from the
    /// terminal (`AnswerInput.terminal()`) instead.
    static func isStandardInput(_ file: String?) -> Bool { file == nil || file == "-" }

    /// The paste, at most `PasteInput.defaultLimit` bytes of it; a file that cannot be read (a folder,
    /// `/proc/self/mem`: EIO) is a `TriageError` naming it and the system's reason, exit 2.
    static func read(_ file: String?) throws -> PasteInput {
        try withHandle(file) { try PasteInput.read(from: $0) }
    }

    /// The paste as `read` keeps it, while the whole input is read in a stream and every byte of it goes
    /// through `scan` (`explain`: the codes of a log of any size).
    static func read(_ file: String?, scanning scan: inout LogScan) throws -> PasteInput {
        var local = scan
        let input = try withHandle(file) { try PasteInput.read(from: $0, scanning: &local) }
        scan = local
        return input
    }

    private static func withHandle(_ file: String?, _ body: (FileHandle) throws -> PasteInput) throws -> PasteInput {
        guard let file, !isStandardInput(file) else {
            do { return try body(FileHandle.standardInput) } catch {
                throw TriageError("cannot read standard input: \(TerminalSafe.sanitize(String(describing: error)))", exitCode: 2)
            }
        }
        let name = TerminalSafe.sanitize(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: file) else {
            throw TriageError("cannot read '\(name)': no such file, or not a readable file", exitCode: 2)
        }
        defer { try? handle.close() }
        do { return try body(handle) } catch {
            throw TriageError("cannot read '\(name)': \(TerminalSafe.sanitize(String(describing: error)))", exitCode: 2)
        }
    }
}
