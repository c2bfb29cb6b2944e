import CatalogGenerator
import Foundation

// Speed and memory benchmark for Triage, in release: `swift run -c release triage-bench [options]`.
//   triage-bench [--codes 1000,10000,100000,300000] [--seed S] [--json] [--smoke] [--triage PATH] [--work DIR]
//   triage-bench generate --codes N --out DIR [--seed S]
//   triage-bench keystrokes --codes N [--seed S] [--work DIR] [--limit L] [--only new|legacy]
//   triage-bench adversarial [--smoke] [--json]   masking, explain and the paste box on 1 MiB of hostile input
//   triage-bench logs [--smoke] [--json] [--triage PATH] [--work DIR]   explain on a 100 MB log, error at its end
//   triage-bench sessions [--steps N] [--work DIR]        (a diagnosis of N steps saved after each step)
//   triage-bench team --url postgres://... [--hosts 8] [--sessions 500] [--steps 10] [--work DIR]
// Measures the built-in catalog and generated catalogs of each size through the real `triage` binary, prints
// each figure beside its target, and exits 1 if one is missed. `--smoke` is a small untimed run (no targets)
// that only checks that the generator and every measurement still work.

let usageText = """
    usage: triage-bench [--codes N,N...] [--seed S] [--json] [--smoke] [--triage PATH] [--work DIR]
           triage-bench generate --codes N --out DIR [--seed S]
           triage-bench keystrokes --codes N [--seed S] [--work DIR] [--limit L] [--only new|legacy]
           triage-bench adversarial [--smoke] [--json]
           triage-bench logs [--smoke] [--json] [--triage PATH] [--work DIR]
           triage-bench sessions [--steps N] [--work DIR]
           triage-bench team --url postgres://... [--hosts 8] [--sessions 500] [--steps 10] [--work DIR]

    """

func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("triage-bench: \(message)\n\(usageText)".utf8))
    exit(2)
}

if CommandLine.arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }) {
    print("triage-bench: Triage's speed and memory benchmark (release build; see the README's Benchmark section).")
    print(usageText, terminator: "")
    exit(0)
}

nonisolated(unsafe) var arguments = Array(CommandLine.arguments.dropFirst())
func required<T>(_ value: T?, _ message: String) -> T {
    guard let value else { usage(message) }
    return value
}
func option(_ name: String) -> String? {
    guard let at = arguments.firstIndex(of: name) else { return nil }
    guard at + 1 < arguments.count else { usage("\(name) needs a value") }
    let value = arguments[at + 1]
    arguments.removeSubrange(at...(at + 1))
    return value
}
func flag(_ name: String) -> Bool {
    guard let at = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: at)
    return true
}

let seed = option("--seed").map { required(UInt64($0), "--seed takes a number") } ?? 1

if arguments.first == "generate" {
    arguments.removeFirst()
    guard let codes = option("--codes").flatMap(Int.init), codes > 0 else { usage("generate needs --codes N (N ≥ 1)") }
    guard let out = option("--out") else { usage("generate needs --out DIR") }
    if let extra = arguments.first { usage("unknown argument '\(extra)'") }
    do {
        let summary = try CatalogGenerator(codes: codes, seed: seed).write(to: out)
        print("wrote \(summary.codes) codes of \(summary.vendors) vendors (\(summary.distinctWords) distinct words, \(summary.bytes / 1024) KiB) to \(out)/vendors")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("triage-bench: cannot write \(out): \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}

if arguments.first == "keystrokes" {
    arguments.removeFirst()
    guard let codes = option("--codes").flatMap(Int.init), codes > 0 else { usage("keystrokes needs --codes N (N ≥ 1)") }
    let work = option("--work") ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("triage-keystrokes")
    let limit = option("--limit").map { required(Int($0), "--limit takes a number") } ?? 24
    let only = option("--only")
    if let only, only != "new", only != "legacy" { usage("--only takes new or legacy") }
    if let extra = arguments.first { usage("unknown argument '\(extra)'") }
    do {
        try KeystrokeBench(codes: codes, seed: seed, work: work, limit: limit, variants: only.map { [$0] } ?? ["new", "legacy"]).run()
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("triage-bench: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}

if arguments.first == "adversarial" {
    arguments.removeFirst()
    let quick = flag("--smoke")
    let asJSON = flag("--json")
    if let extra = arguments.first { usage("unknown argument '\(extra)'") }
    #if DEBUG
    let kind = "debug"
    #else
    let kind = "release"
    #endif
    var adversarial = BenchReport(machine: machineDescription(), cores: ProcessInfo.processInfo.activeProcessorCount,
                                  build: kind, smoke: quick, fzf: nil)
    adversarial.sizes.append(AdversarialBench.measure(smoke: quick))
    if asJSON { try adversarial.printJSON() } else { adversarial.printText() }
    exit(!quick && !adversarial.failures.isEmpty ? 1 : 0)
}

if arguments.first == "logs" {
    arguments.removeFirst()
    let quick = flag("--smoke")
    let asJSON = flag("--json")
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let binary = option("--triage") ?? here.appendingPathComponent("triage").path
    let folder = option("--work") ?? NSTemporaryDirectory()
    if let extra = arguments.first { usage("unknown argument '\(extra)'") }
    guard FileManager.default.isExecutableFile(atPath: binary) else { usage("no triage binary at \(binary); pass --triage PATH") }
    var logs = BenchReport(machine: machineDescription(), cores: ProcessInfo.processInfo.activeProcessorCount,
                           build: "release", smoke: quick, fzf: nil)
    do {
        logs.sizes.append(try LogScanBench(triage: binary, work: folder, smoke: quick).measure())
    } catch {
        FileHandle.standardError.write(Data("triage-bench: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
    if asJSON { try logs.printJSON() } else { logs.printText() }
    exit(!quick && !logs.failures.isEmpty ? 1 : 0)
}

if arguments.first == "sessions" {
    arguments.removeFirst()
    let steps = option("--steps").map { required(Int($0), "--steps takes a number") } ?? 10_000
    let work = option("--work") ?? NSTemporaryDirectory()
    if let extra = arguments.first { usage("unknown argument '\(extra)'") }
    guard (1...1_000_000).contains(steps) else { usage("--steps must be from 1 to 1000000") }
    do {
        try SessionStoreBench.run(steps: steps, work: work)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("triage-bench: \(error)\n".utf8))
        exit(1)
    }
}

if arguments.first == "team" {
    arguments.removeFirst()
    guard let url = option("--url") ?? ProcessInfo.processInfo.environment["TRIAGE_TEAM_DB"] else {
        usage("team needs --url postgres://user@host:port/db (an empty database) or TRIAGE_TEAM_DB")
    }
    func count(_ name: String, _ fallback: Int) -> Int {
        let value = option(name).map { required(Int($0), "\(name) takes a number") } ?? fallback
        guard (1...100_000).contains(value) else { usage("\(name) must be from 1 to 100000") }
        return value
    }
    let hosts = count("--hosts", 8), sessions = count("--sessions", 500), steps = count("--steps", 10)
    let work = option("--work") ?? NSTemporaryDirectory()
    if let extra = arguments.first { usage("unknown argument '\(extra)'") }
    do {
        try TeamBench.run(url: url, hosts: hosts, sessions: sessions, steps: steps, work: work)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("triage-bench: \(error)\n".utf8))
        exit(1)
    }
}

let smoke = flag("--smoke")
let json = flag("--json")
let sizes: [Int] = option("--codes").map { text in
    text.split(separator: ",").map { required(Int($0.replacingOccurrences(of: "_", with: "")), "--codes takes numbers, e.g. 1000,100000") }
} ?? (smoke ? [300] : [1_000, 10_000, 100_000, 300_000])
let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let triage = option("--triage") ?? here.appendingPathComponent("triage").path
guard FileManager.default.isExecutableFile(atPath: triage) else {
    usage("no triage binary at \(triage); build it (swift build -c release) or pass --triage PATH")
}
let givenWork = option("--work")
if let extra = arguments.first { usage("unknown argument '\(extra)'") }
let work = givenWork ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("triage-bench-\(getpid())")

#if DEBUG
let build = "debug"
#else
let build = "release"
#endif
var benchmark = Benchmark(triage: triage, fzf: ChildProcess.which("fzf"), workDirectory: work, smoke: smoke, seed: seed)
var report = BenchReport(machine: machineDescription(), cores: ProcessInfo.processInfo.activeProcessorCount, build: build,
                         smoke: smoke, fzf: benchmark.fzf)
do {
    for codes in [nil] + sizes.map(Optional.some) {
        if !json { FileHandle.standardError.write(Data("measuring \(codes.map { "\($0) codes" } ?? "the built-in catalog")...\n".utf8)) }
        report.sizes.append(try benchmark.measure(codes: codes))
    }
} catch {
    FileHandle.standardError.write(Data("triage-bench: \(error.localizedDescription)\n".utf8))
    exit(2)
}
if givenWork == nil { try? FileManager.default.removeItem(atPath: work) }
if json { try report.printJSON() } else { report.printText() }
for reason in benchmark.brokenReasons { FileHandle.standardError.write(Data("triage-bench: broken: \(reason)\n".utf8)) }
if !benchmark.brokenReasons.isEmpty { exit(2) }
if !smoke, !report.failures.isEmpty {
    if !json { print("\nmissed: \(report.failures.joined(separator: "; "))") }
    exit(1)
}
