import Foundation
import TriageCore

/// Reading a paste from a file the user names, or standard input for '-'.
enum PasteFile {
    /// Whether `file` names standard input: the paste is read from it to its end, so answers must come from the
    /// terminal (`AnswerInput.terminal()`) instead.
    static func isStandardInput(_ file: String?) -> Bool { file == nil || file == "-" }

    static func read(_ file: String?) throws -> PasteInput {
        guard let file, !isStandardInput(file) else { return try PasteInput.read(from: FileHandle.standardInput) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: file) else {
            throw TriageError("cannot read '\(TerminalSafe.sanitize(file))': no such file, or not a readable file", exitCode: 2)
        }
        defer { try? handle.close() }
        return try PasteInput.read(from: handle)
    }
}
