import Foundation

/// Special files for attack tests, always created inside a temporary folder (never the machine's /dev).
public enum SpecialFiles {
    /// Runs a tool (`mkfifo`, `mknod`, `chown`) and fails the caller if it does not succeed.
    public static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments) failed"])
        }
    }

    /// A FIFO at `folder/name`.
    public static func fifo(in folder: URL, _ name: String = "fifo") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try run("mkfifo", [url.path])
        return url
    }

    /// A character device behaving like /dev/full (writes fail with ENOSPC), made with `mknod` (needs root).
    public static func fullDevice(in folder: URL, _ name: String = "full") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try run("mknod", [url.path, "c", "1", "7"])
        return url
    }

    /// `lstat` facts: the file type bits, permission bits and owner.
    public static func info(_ url: URL) -> (type: mode_t, mode: mode_t, owner: uid_t)? {
        var buffer = stat()
        guard lstat(url.path, &buffer) == 0 else { return nil }
        return (buffer.st_mode & S_IFMT, buffer.st_mode & 0o7777, buffer.st_uid)
    }

    public static var isRoot: Bool { getuid() == 0 }
}
