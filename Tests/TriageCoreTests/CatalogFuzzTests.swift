import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// Seeded fuzzing (2,000 mutated files, TRIAGE_FUZZ_ROUNDS for more; a hang fails after 3 minutes) of the loader with mutations of the shipped files: whatever the bytes, loading
/// returns (no trap, no hang) and every problem names a file of the source with a position inside it.
@Suite struct CatalogFuzzTests {

    /// Pieces that stress the parser and the readers: YAML syntax, aliases, controls, bidi, huge numbers.
    static let tokens = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "? ", "|", ">", "\"", "'", "#",
                         "\n", "\t", "  ", "~", "null", "-1", "99999999999999999999", "\u{1B}]0;x\u{07}", "\u{202E}",
                         "\u{0}", "\u{FEFF}", "code:", "next:", "goto:", "related: [", "nodes:", "vendor:", "ask: ",
                         "@X@", "%YAML 1.1\n", "---\n", "...\n", "<<: *a\n"]

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + random.below(6)) {
            guard !bytes.isEmpty else { break }
            let at = random.below(bytes.count)
            switch random.below(6) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(contentsOf: Array(tokens[random.below(tokens.count)].utf8), at: at)
            case 3:  // duplicate a slice (repeats keys, nodes, codes)
                let end = min(bytes.count, at + random.below(400))
                bytes.insert(contentsOf: bytes[at..<end], at: random.below(bytes.count))
            case 4:  // cut the file short
                bytes.removeSubrange(at...)
            default:  // swap two lines' worth of bytes
                let other = random.below(bytes.count)
                bytes.swapAt(at, other)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mutatedShippedFilesNeverCrashOrHang() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["TRIAGE_FUZZ_SEED"] ?? "") ?? 0x7121_A6E8
        var random = SplitMix64(seed: seed)
        let files = BuiltinCatalog.files
        let rounds = Int(ProcessInfo.processInfo.environment["TRIAGE_FUZZ_ROUNDS"] ?? "") ?? 2_000
        let budget = Duration.seconds(180)  // only catches a hang; ~7 s of CPU in debug
        let clock = ContinuousClock()
        let start = clock.now
        var round = 0
        while round < rounds {
            let index = random.below(files.count)
            // Most rounds take a prefix of the file (a cut-short file is a mutation too, and keeps rounds quick).
            var text = files[index].text
            if random.below(4) != 0 {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                text = lines.prefix(10 + random.below(150)).joined(separator: "\n")
            }
            let mutated = Self.mutate(text, &random)
            let path = "fuzz/\(files[index].path)"
            let (catalog, problems) = CatalogLoader.load([CatalogSource(name: "fuzz", files: [(path, mutated)])])
            for problem in problems {
                #expect(problem.location.file == path, "seed \(seed) round \(round): \(problem)")
                #expect(problem.location.line >= 1 && problem.location.column >= 1, "seed \(seed) round \(round)")
            }
            // A loaded catalog answers lookups.
            for entry in catalog.entries.prefix(3) { _ = catalog.suggestions(for: entry.code) }
            #expect(clock.now - start < budget, "seed \(seed): \(round) rounds took more than \(budget)")
            if clock.now - start >= budget { break }
            round += 1
        }
    }
}
