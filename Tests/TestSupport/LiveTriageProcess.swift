import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `triage` binary running with pipes, driven line by line: send input, wait for output, kill it.
/// Line mode through a pipe, as a script or a dropped SSH session would leave it.
public final class LiveTriageProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    private let done = DispatchGroup()

    /// Starts `triage arguments...` with the same clean environment as `TriageProcess.run` (plus `environment`).
    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = TestPaths.triageBinary
        process.arguments = arguments
        var base = ["PATH": "/usr/bin:/bin", "HOME": TestPaths.temporaryDirectory("home").path, "LANG": "C.UTF-8"]
        for (key, value) in environment { base[key] = value }
        process.environment = base
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        for (pipe, isOut) in [(out, true), (err, false)] {
            done.enter()
            DispatchQueue.global().async { [self] in
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { if isOut { outData.append(chunk) } else { errData.append(chunk) } }
                }
                done.leave()
            }
        }
    }

    public var stdout: String { lock.withLock { String(decoding: outData, as: UTF8.self) } }
    public var stderr: String { lock.withLock { String(decoding: errData, as: UTF8.self) } }

    /// Writes `line` and a newline to the program's input.
    public func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until stdout, after its first `offset` characters, contains `text`; false after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, after offset: Int = 0, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let output = stdout
            if output.count > offset, output.dropFirst(offset).contains(text) { return true }
            if !process.isRunning, stdout == output { return false }
            usleep(10_000)
        }
        return false
    }

    /// SIGKILL: no handler runs, nothing is flushed or saved on the way out.
    public func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        done.wait()
    }

    /// Closes the input and waits for the exit status.
    public func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        done.wait()
        return process.terminationStatus
    }
}
