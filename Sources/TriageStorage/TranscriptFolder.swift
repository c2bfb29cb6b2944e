import Foundation
import TriageCore

/// A folder of saved Markdown transcripts: by default `transcripts/` beside the state file (see `StatePath`).
public struct TranscriptFolder: Hashable, Sendable {
    public var path: String

    public init(_ path: String) { self.path = path }

    /// The standard folder, `TriagePaths.transcripts`; nil when neither XDG_STATE_HOME nor HOME names one.
    public static func standard(environment: [String: String]) -> TranscriptFolder? {
        TriagePaths.transcripts(environment: environment).map(TranscriptFolder.init)
    }

    /// Writes `markdown` (with a final newline) into the folder, created privately when missing, as `fileName`
    /// (which ends in `.md`), atomically (a temporary file, then a rename); never overwrites: a name already taken
    /// gets `-2`, `-3`, ... before `.md`. Returns the path written.
    public func save(_ markdown: String, as fileName: String) throws -> String {
        let manager = FileManager.default
        try FileWriter.makePrivateFolder(path)
        let base = URL(fileURLWithPath: path)
        var url = base.appendingPathComponent(fileName)
        var number = 2
        while manager.fileExists(atPath: url.path) {
            url = base.appendingPathComponent("\(fileName.dropLast(3))-\(number).md")
            number += 1
        }
        let text = markdown.hasSuffix("\n") ? markdown : markdown + "\n"
        try FileWriter.replacePrivateFile(Data(text.utf8), at: url.path)
        return url.path
    }
}
