import Foundation
import TriageCore

/// Writes a transcript into the file the user named with `--transcript` (see `FileWriter.writeUserFile`).
enum TranscriptFile {
    /// Returns the folders it had to create (missing folders are created, and the caller says so).
    @discardableResult
    static func write(_ text: String, to path: String, overwrite: Bool) throws -> [String] {
        try FileWriter.writeUserFile(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: path,
                                     overwrite: overwrite, createFolders: true)
    }
}
