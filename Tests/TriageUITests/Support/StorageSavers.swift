import TriageStorage
import TriageUI

// The command line joins the UI's savers to TriageStorage (Sources/triage/Support/StorageSavers.swift); a test target
// cannot import an executable, so the same joins are made here. What they call, and what these tests check, is
// TriageStorage itself.

extension TranscriptSaver {
    static func folder(_ path: String) -> TranscriptSaver {
        TranscriptSaver { draft in try TranscriptFolder(path).save(draft.markdown, as: draft.fileName) }
    }

    static func standardFolder(environment: [String: String]) -> String? {
        TranscriptFolder.standard(environment: environment)?.path
    }

    static func standard(environment: [String: String]) -> TranscriptSaver? {
        standardFolder(environment: environment).map(folder)
    }
}

extension MemorySaver {
    static func file(_ path: String) -> MemorySaver { MemorySaver { try StateFile.save($0, to: path) } }
}

extension BrowserMemory {
    static func load(from path: String) -> BrowserMemory? { StateFile.load(BrowserMemory.self, from: path) }

    func save(to path: String) throws { try StateFile.save(self, to: path) }
}
