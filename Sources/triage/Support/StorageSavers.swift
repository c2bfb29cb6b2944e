import TriageStorage
import TriageUI

// The UI hands its files over as values (a `TranscriptDraft`, a `BrowserMemory`); TriageStorage writes plain values
// and knows nothing of the UI. These join the two.

extension TranscriptSaver {
    /// Saves each draft into `folder` under the draft's file name (see `TranscriptFolder.save`).
    static func folder(_ folder: TranscriptFolder) -> TranscriptSaver {
        TranscriptSaver { draft in try folder.save(draft.markdown, as: draft.fileName) }
    }

    /// The saver into the standard transcripts folder, or nil when there is none (no HOME, no XDG_STATE_HOME).
    static func standard(environment: [String: String]) -> TranscriptSaver? {
        TranscriptFolder.standard(environment: environment).map(folder)
    }
}

extension MemorySaver {
    /// Saves the memory to the state file at `path`.
    static func file(_ path: String) -> MemorySaver {
        MemorySaver { memory in try StateFile.save(memory, to: path) }
    }
}

extension BrowserMemory {
    /// The memory saved at `path`, or nil when the file is missing or damaged.
    static func load(from path: String) -> BrowserMemory? { StateFile.load(BrowserMemory.self, from: path) }
}
