import TriageUI

extension MemorySaver {
    /// Saves the memory to the state file at `path` (`BrowserMemory.save(to:)`).
    public static func file(_ path: String) -> MemorySaver {
        MemorySaver { memory in try memory.save(to: path) }
    }
}
