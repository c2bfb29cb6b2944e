import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The cold build's progress (what the status line and stderr show), the parallel parse's order, and the
/// loader's fast trim.
@Suite struct CatalogBuildProgressTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
    let key = CompiledCatalog.key(of: BuiltinCatalog.files)

    /// `count` vendor files, each with one code.
    static func folder(files count: Int) -> URL {
        var files: [String: String] = [:]
        for number in 0..<count {
            files["vendors/v\(number).yaml"] = """
            vendor:
              id: v\(number)
              name: Vendor \(number)
            categories:
              - id: api
                name: API
            codes:
              - code: E\(number)
                category: api
                description: Error \(number).
            """
        }
        return TestPaths.catalogFolder(files)
    }

    /// Collects events from any thread.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [CatalogBuildEvent] = []
        func add(_ event: CatalogBuildEvent) { lock.withLock { list.append(event) } }
        var all: [CatalogBuildEvent] { lock.withLock { list } }
    }

    @Test func aColdBuildReportsItsStartThenEveryFileThenNothingWhenWarm() {
        let folder = Self.folder(files: 12)
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("cache").path + "/triage")
        let events = Events()
        let cold = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path], progress: events.add)
        #expect(cold.problems.isEmpty && cold.outcome == .built("no cache yet"))
        let all = events.all
        #expect(all.first == .started(files: 12, reason: "no cache yet"))
        let parsed = all.dropFirst().compactMap { event -> CatalogBuildProgress? in
            if case let .parsed(progress) = event { return progress } else { return nil }
        }
        #expect(parsed.count == all.count - 1)
        // Every user file once, counted up to the total (worker threads may report out of order).
        #expect(parsed.allSatisfy { $0.total == 12 && (0...12).contains($0.done) })
        #expect(parsed.map(\.done).max() == 12)
        #expect(Set(parsed.map(\.done)).isSuperset(of: Set(1...12)))

        let warm = Events()
        let hit = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path], progress: warm.add)
        #expect(hit.outcome == .hit)
        #expect(warm.all.isEmpty)
    }

    @Test func theStatusTextGroupsThousands() {
        #expect(CatalogBuildProgress(done: 1_234, total: 4_000).text == "Compiling the catalog: 1,234 of 4,000 files")
        #expect(CatalogBuildProgress(done: 0, total: 1).text == "Compiling the catalog: 0 of 1 file")
        #expect(CatalogBuildProgress.grouped(999) == "999")
        #expect(CatalogBuildProgress.grouped(1_000_000) == "1,000,000")
        #expect(CatalogBuildProgress.grouped(12_345) == "12,345")
    }

    @Test func theThrottleLetsAFewThroughAndAlwaysTheLast() {
        final class Clock: @unchecked Sendable { var now = 0.0 }
        let clock = Clock()
        let throttle = ProgressThrottle(interval: 0.1, clock: { clock.now })
        #expect(throttle.admit(CatalogBuildProgress(done: 1, total: 10)))
        clock.now = 0.05
        #expect(!throttle.admit(CatalogBuildProgress(done: 2, total: 10)))
        clock.now = 0.11
        #expect(throttle.admit(CatalogBuildProgress(done: 3, total: 10)))
        clock.now = 0.12
        #expect(throttle.admit(CatalogBuildProgress(done: 10, total: 10)))
        // Done: a late report from another thread is not shown over the final one.
        clock.now = 5
        #expect(!throttle.admit(CatalogBuildProgress(done: 9, total: 10)))
        #expect(!throttle.admit(CatalogBuildProgress(done: 10, total: 10)))
    }

    @Test func problemsComeInFileOrderHoweverTheFilesWereSpreadOverThreads() {
        // Forty broken files: each problem names its file, and the order is the files' order, every time.
        let files = (0..<40).map { number in
            (String(format: "f%02d.yaml", number), "vendor:\n  id: v\(number)\n  name: V\nbogus: 1\n")
        }
        let first = Fixtures.load(files).problems.map(\.description)
        #expect(first.count == 40)
        let order = first.map { $0.split(separator: ":").first.map(String.init) ?? "" }
        #expect(order == files.map(\.0))
        for _ in 0..<3 { #expect(Fixtures.load(files).problems.map(\.description) == first) }
    }

    @Test func theFastTrimAgreesWithFoundation() {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{2028}",
                      "\u{85}", "\u{200B}", "\u{FEFF}", "\u{01}", "\u{7F}", "a", "Z", "é", "日本", "🙂", "e\u{301}", "-", "~"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(CatalogText.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theBoilerplateCheckAgreesWithReadingTheWholeText() {
        // The rule as it was: lowercase everything, collapse whitespace, compare the start.
        func wholeText(_ text: String) -> Bool {
            let start = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return SummaryRule.boilerplate.contains { start.hasPrefix($0) }
        }
        let pieces = ["This", "THIS", "this", " ", "  ", "\t", "\n", "error", "Error", "code", "will", "be", "is",
                      "returned", "Returned", "when", "é", "\u{301}", "\u{212A}", "x", "\u{00A0}"]
        var random = SystemRandomNumberGenerator()
        var samples = SummaryRule.boilerplate + SummaryRule.boilerplate.map { "  " + $0.uppercased() + " when" }
            + ["This error code will  be\treturned when", "This error code will be returne", "this error is returnedX", ""]
        for _ in 0..<3_000 {
            samples.append((0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : ""))
        }
        for text in samples { #expect(SummaryRule.isBoilerplate(text) == wholeText(text), "\(text.debugDescription)") }
        #expect(SummaryRule.isBoilerplate("This error code will be returned when the key is wrong."))
        #expect(!SummaryRule.isBoilerplate("The key is wrong."))
    }
}
