import Foundation

/// `triage explain` on a long generated log whose only error is on its last line (issue 18): the whole file is
/// scanned in bounded memory and linear time. Runs the real binary on a 10 MB and a 100 MB log (1 and 2 MB with
/// `--smoke`); the figures are the large log's time and peak memory, and the growth from the small to the large.
struct LogScanBench {
    let triage: String
    let work: String
    let smoke: Bool

    /// The line that must be found, alone at the end of the log.
    static let lastLine = "2026-12-06T23:59:59.999Z ERROR GET https://7f3a91c2d4e5b6a7.api-eu.cometchat.io/v3/users/u-51 -> 404 {\"error\":{\"code\":\"ERR_UID_NOT_FOUND\",\"message\":\"The UID u-51 does not exist.\"}}\n"

    /// Writes `megabytes` of ordinary log lines (no error code in them) and the error line at the end.
    static func writeLog(_ path: String, megabytes: Int) throws {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var chunk = ""
        var written = 0
        var line = 0
        while written < megabytes << 20 {
            chunk += "2026-12-06T10:\(String(format: "%02d:%02d", line / 60 % 60, line % 60)).\(line % 1000)Z INFO worker-\(line % 8) GET /v3/users/u-\(line) -> 200 in \(line % 97) ms request_id=r-\(line)\n"
            line += 1
            if chunk.utf8.count >= 1 << 20 {
                written += chunk.utf8.count
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data((chunk + lastLine).utf8))
    }

    func measure() throws -> SizeReport {
        let sizes = smoke ? (1, 2) : (10, 100)
        var report = SizeReport(name: "explain on a \(sizes.1) MB log, the error on its last line", codes: 0)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        var results: [Int: ChildResult] = [:]
        for megabytes in [sizes.0, sizes.1] {
            let path = (work as NSString).appendingPathComponent("log-\(megabytes)mb.txt")
            try Self.writeLog(path, megabytes: megabytes)
            defer { unlink(path) }
            let result = ChildProcess.run(triage, ["explain", "--json", path], environment: ProcessInfo.processInfo.environment,
                                          measureMemory: true)
            guard result.status == 0, result.outputText.contains("\"ERR_UID_NOT_FOUND\"") else {
                throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey:
                    "triage explain did not find the error on the last line of a \(megabytes) MB log (exit \(result.status))"])
            }
            results[megabytes] = result
        }
        let small = results[sizes.0]!, large = results[sizes.1]!
        let growth = large.milliseconds / max(small.milliseconds, 1)
        let linear = Double(sizes.1) / Double(sizes.0)
        report.figures.append(Figure(name: "explain, \(sizes.1) MB log (error on the last line)", value: large.milliseconds,
                                     unit: "ms", target: smoke ? nil : 10_000, targetNote: "10 s"))
        report.figures.append(Figure(name: "growth \(sizes.0) MB → \(sizes.1) MB (linear is \(Int(linear))x)", value: growth,
                                     unit: "x", target: smoke ? nil : linear * 1.5, targetNote: "1.5x linear"))
        report.figures.append(Figure(name: "peak memory, \(sizes.1) MB log", value: large.peakMegabytes, unit: "MB",
                                     target: smoke ? nil : 64, targetNote: "bounded: 64 MB"))
        report.figures.append(Figure(name: "peak memory, \(sizes.0) MB log", value: small.peakMegabytes, unit: "MB"))
        return report
    }
}
