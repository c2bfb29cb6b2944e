import Foundation

/// Runs the real `triage` binary and captures what it prints.
public struct TriageRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum TriageProcess {
    /// Runs `triage arguments...` with a clean environment (plus `environment`), no terminal, and `input` on stdin.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                           directory: URL? = nil, executable: URL? = nil) throws -> TriageRun {
        let process = Process()
        process.executableURL = executable ?? TestPaths.triageBinary
        process.arguments = arguments
        var base = ["PATH": "/usr/bin:/bin", "HOME": TestPaths.temporaryDirectory("home").path, "LANG": "C.UTF-8"]
        for (key, value) in environment { base[key] = value }
        process.environment = base
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return TriageRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension TriageProcess {
    /// Runs a `/bin/sh` command line in which `$TRIAGE` is the binary, for redirections the Process API cannot
    /// express (`2>&-`, `> full-device`). What the command leaves on stdout and stderr is captured.
    public static func shell(_ command: String, directory: URL? = nil) throws -> TriageRun {
        try run(["-c", command], environment: ["TRIAGE": TestPaths.triageBinary.path], directory: directory,
                executable: URL(fileURLWithPath: "/bin/sh"))
    }
}
