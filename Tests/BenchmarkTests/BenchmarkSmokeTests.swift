import Foundation
import Testing
import TestSupport

/// The benchmark itself keeps working: a small untimed run of every measurement through the real binaries.
@Suite struct BenchmarkSmokeTests {
    static var benchBinary: URL { TestPaths.triageBinary.deletingLastPathComponent().appendingPathComponent("triage-bench") }

    @Test func smokeRunMeasuresEveryFigureAsJSON() throws {
        let process = Process()
        process.executableURL = Self.benchBinary
        process.arguments = ["--smoke", "--json", "--codes", "200", "--triage", TestPaths.triageBinary.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sizes = try #require(report["sizes"] as? [[String: Any]])
        #expect(sizes.map { $0["name"] as? String } == ["built-in", "200 codes"])
        #expect(sizes.last?["codes"] as? Int == 343)
        for size in sizes {
            let names = (size["figures"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            for expected in ["cold load (triage vendors, no cache)", "warm load (triage vendors)", "start to first frame (80x24)",
                             "peak memory, browser start", "triage search, whole process", "keystroke p99",
                             "full frame 80x24 (median)", "full frame 200x60 (median)"] {
                #expect(names.contains(expected), "\(size["name"] ?? "") lacks \(expected)")
            }
        }
    }

    /// Runs `triage-bench arguments...`: its figure names (of the first size) once it exited 0 with a JSON report.
    static func figureNames(_ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = Self.benchBinary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sizes = try #require(report["sizes"] as? [[String: Any]])
        return (sizes.first?["figures"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test func adversarialSmokeRunMeasuresMaskingExplainAndThePasteBox() throws {
        let names = try Self.figureNames(["adversarial", "--smoke", "--json"])
        for step in ["masking", "explain", "paste box"] {
            for shape in ["distinct", "repeated", "lazy spaces"] {
                #expect(names.contains("\(step), \(shape)") && names.contains("\(step), \(shape): growth"), "\(step), \(shape)")
            }
        }
    }

    @Test func logsSmokeRunFindsTheErrorAtTheEndOfALongLog() throws {
        // The run fails when explain does not name the code on the last line of the 2 MB log.
        let names = try Self.figureNames(["logs", "--smoke", "--json", "--triage", TestPaths.triageBinary.path,
                                          "--work", TestPaths.temporaryDirectory("bench-logs").path])
        #expect(names.contains("peak memory, 2 MB log"), "\(names)")
        #expect(names.contains { $0.hasPrefix("explain, 2 MB log") }, "\(names)")
    }

    @Test func generateWritesTheRequestedCatalog() throws {
        let out = TestPaths.temporaryDirectory("bench-generate")
        let process = Process()
        process.executableURL = Self.benchBinary
        process.arguments = ["generate", "--codes", "50", "--out", out.path, "--seed", "4"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("wrote 50 codes of 3 vendors"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("vendors").path)
        #expect(files.count == 3)
    }
}
