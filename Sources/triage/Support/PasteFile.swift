import Foundation
import TriageCore

/// Reading a paste from a file the user names, or standard input for '-'.
enum PasteFile {
    static func read(_ file: String?) throws -> PasteInput {
        guard let file, file != "-" else { return try PasteInput.read(from: FileHandle.standardInput) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: file) else {
            throw TriageError("cannot read '\(TerminalSafe.sanitize(file))': no such file, or not a readable file", exitCode: 2)
        }
        defer { try? handle.close() }
        return try PasteInput.read(from: handle)
    }
}
