import Foundation
import TriageCore
import TriageUI

/// Where transcripts are written: a folder (the standard one under the XDG state folder, by default).
extension TranscriptSaver {
    /// Writes each transcript into `folder` (created when missing) as `draft.fileName`, atomically (a temporary
    /// file, then a rename); never overwrites: a name already taken gets `-2`, `-3`, ... before `.md`.
    public static func folder(_ folder: String) -> TranscriptSaver {
        TranscriptSaver { draft in
            let manager = FileManager.default
            try FileWriter.makePrivateFolder(folder)
            let base = URL(fileURLWithPath: folder)
            let name = draft.fileName
            var url = base.appendingPathComponent(name)
            var number = 2
            while manager.fileExists(atPath: url.path) {
                url = base.appendingPathComponent("\(name.dropLast(3))-\(number).md")
                number += 1
            }
            let text = draft.markdown.hasSuffix("\n") ? draft.markdown : draft.markdown + "\n"
            try FileWriter.replacePrivateFile(Data(text.utf8), at: url.path)
            return url.path
        }
    }

    /// The standard transcripts folder: `TriagePaths.transcripts`.
    public static func standardFolder(environment: [String: String]) -> String? {
        TriagePaths.transcripts(environment: environment)
    }

    /// The default saver: `folder(TriagePaths.transcripts(environment:))`, or nil when there is no such folder.
    public static func standard(environment: [String: String]) -> TranscriptSaver? {
        TriagePaths.transcripts(environment: environment).map(folder)
    }
}
