import Foundation

/// One measured figure, with the target it must meet (and the goal it should reach) when it has one.
struct Figure: Encodable {
    var name: String
    var value: Double
    var unit: String
    /// The limit (value must be ≤ it), or nil for figures reported without a target.
    var target: Double?
    var goal: Double?
    /// Where the target comes from, e.g. "2x fzf's first frame".
    var targetNote: String?
    var passed: Bool? { target.map { value <= $0 } }
}

/// The figures for one catalog size.
struct SizeReport: Encodable {
    var name: String
    var codes: Int
    var distinctWords: Int?
    var figures: [Figure] = []
}

/// Everything the benchmark measured, and where.
struct BenchReport: Encodable {
    var machine: String
    var cores: Int
    var build: String
    var smoke: Bool
    var fzf: String?
    var sizes: [SizeReport] = []

    var failures: [String] {
        sizes.flatMap { size in size.figures.filter { $0.passed == false }.map { "\(size.name): \($0.name)" } }
    }

    func printText() {
        print("triage-bench on \(machine) (\(cores) cores), \(build) build\(smoke ? ", smoke run (untimed)" : "")")
        print(fzf.map { "fzf: \($0)" } ?? "fzf: not installed (fzf comparisons skipped)")
        for size in sizes {
            let words = size.distinctWords.map { ", \($0) distinct words" } ?? ""
            print("\n\(size.name) (\(size.codes) codes\(words))")
            for figure in size.figures {
                var line = "  " + (smoke ? "     " : figure.passed.map { $0 ? "ok   " : "MISS " } ?? "     ")
                line += figure.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                line += format(figure.value, figure.unit).leftPadded(12)
                if let target = figure.target {
                    line += "   target ≤ \(format(target, figure.unit))"
                    if let note = figure.targetNote { line += " (\(note))" }
                }
                if let goal = figure.goal { line += ", goal \(format(goal, figure.unit))" }
                print(line)
            }
        }
    }

    func printJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(self), as: UTF8.self))
    }

    private func format(_ value: Double, _ unit: String) -> String {
        switch unit {
        case "ms" where value >= 1000: return String(format: "%.2f s", value / 1000)
        case "ms" where value < 10: return String(format: "%.2f ms", value)
        case "ms": return String(format: "%.0f ms", value)
        case "x": return String(format: "%.2fx", value)
        default: return String(format: "%.1f %@", value, unit)
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// Machine description for the report: the CPU model from /proc/cpuinfo.
func machineDescription() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    return model ?? "unknown CPU"
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}
