import CatalogGenerator
import Foundation
import Testing
import TestSupport

/// The browser on a cold cache of a user catalog big enough to take a moment, in the real binary through tmux:
/// the first frame comes at once with the build's progress in the status line, then the built catalog's codes;
/// a catalog with problems closes the screen and reports them as every command does (exit 2).
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct CatalogBuildEndToEndTests {
    /// A generated catalog of `codes` codes (one file per ~230) in a new folder, and the name of its last vendor
    /// file by name (files are read in path order: the last vendor of the vendors pane once the catalog is built).
    static func generated(codes: Int, extra: [String: String] = [:]) throws -> (folder: URL, vendorName: String) {
        let folder = TestPaths.temporaryDirectory("generated")
        let generator = CatalogGenerator(codes: codes, seed: 3)
        _ = try generator.write(to: folder.path)
        for (path, text) in extra {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let first = try #require(generator.vendorFiles().max { $0.name < $1.name }?.text)
        // The vendor header's name line: "  name: ...".
        let name = try #require(first.split(separator: "\n").first { $0.hasPrefix("  name: ") })
        return (folder, String(name.dropFirst("  name: ".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")))
    }

    /// Starts `triage --catalog folder` a second after the session, with everything it writes recorded: the
    /// file it is recorded in.
    static func launchRecorded(_ tmux: TmuxHarness, catalog folder: URL) throws -> URL {
        let output = tmux.home.appendingPathComponent("output.txt")
        try tmux.launch("/bin/sh", arguments: ["-c", "sleep 1; exec \"$0\" \"$@\"", try TmuxHarness.triageBinary().path,
                                               "--catalog", folder.path])
        try tmux.recordOutput(to: output)
        return output
    }

    @Test func theBrowserOpensAtOnceShowsProgressThenTheBuiltCatalog() async throws {
        let (folder, vendorName) = try Self.generated(codes: 6_000)
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        // HOME is the harness's fresh folder: the cache ($HOME/.cache/triage) is cold. The program starts a moment
        // after the session, so recording its output catches the first frame (on a busy machine the build can be
        // over before a screen capture sees the progress).
        let output = try Self.launchRecorded(tmux, catalog: folder)
        let codes = 6_000 + Fixtures.shipped.catalog.entries.count
        let ready = try await tmux.waitFor(text: "Catalog compiled: \(codes / 1_000),\(String(codes % 1_000).leftPadded(3)) codes",
                                           timeout: .seconds(300))
        #expect(!ready.contains("Compiling the catalog"))
        #expect(try tmux.alternateScreen())
        // The first frames showed the browser and the build's progress before the built catalog.
        let written = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        let progress = try #require(written.range(of: "Compiling the catalog: "), "\(written.suffix(2_000))")
        // ncurses rewrites only what changed: "Compiling the c" becomes "Catalog c" by writing "atalog".
        let compiled = try #require(written.range(of: "atalog compiled: "))
        #expect(progress.lowerBound < compiled.lowerBound)
        #expect(written[..<progress.lowerBound].contains("Vendors"))
        // The generated vendors are there: the last row of the vendors pane is the last generated vendor.
        try tmux.press("End")
        _ = try await tmux.waitFor(text: vendorName, timeout: .seconds(30))
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane, "\(exit)")

        // Warm now: straight to the built catalog, no progress.
        let again = try TmuxHarness(width: 120, height: 30)
        defer { again.close() }
        try again.launchTriage(["--catalog", folder.path], environment: ["XDG_CACHE_HOME": tmux.home.path + "/.cache"])
        let warm = try await again.waitFor(text: "Vendors", timeout: .seconds(60))
        #expect(!warm.contains("Compiling the catalog"))
        try again.press("End")
        _ = try await again.waitFor(text: vendorName, timeout: .seconds(30))
        try again.press("q")
        _ = try await again.waitForExit()
    }

    /// A search typed while the catalog compiles: the status line says the results come from the built-in
    /// catalog, and when the build is done the same open search lists the built catalog's codes.
    @Test func aSearchTypedDuringTheBuildIsAnsweredByTheBuiltCatalog() async throws {
        // Big enough that the build is still running when the query is typed (several seconds in a debug build).
        let (folder, vendorName) = try Self.generated(codes: 20_000)
        let tmux = try TmuxHarness(width: 140, height: 30)
        defer { tmux.close() }
        let output = try Self.launchRecorded(tmux, catalog: folder)
        _ = try await tmux.waitFor(text: "Compiling the catalog", timeout: .seconds(60))
        try tmux.type("/" + vendorName)
        // The search is still open when the built catalog arrives (the count's place says it was compiled).
        let compiled = try await tmux.waitFor(text: "Catalog compiled", timeout: .seconds(300))
        #expect(compiled.split(separator: "\n").last?.contains("/" + vendorName) == true, "\(compiled)")
        // While the build ran, the open search said whose codes it searched (the recorded output keeps that frame).
        let written = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        #expect(written.contains("in the built-in catalog (yours is compiling)"), "\(written.suffix(3_000))")
        // Enter moves into the built catalog's results: the search in the status line, a generated code's
        // vendor in the detail.
        try tmux.press("Enter")
        let accepted = try await tmux.waitUntil("the accepted search", timeout: .seconds(30)) { screen in
            screen.split(separator: "\n").last?.contains("Search ") == true
                && screen.components(separatedBy: vendorName).count > 2
        }
        #expect(!accepted.contains("/" + vendorName), "\(accepted)")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane, "\(exit)")
    }

    /// The search index is made once the screen is up, before any key: after a cold compile it is built and
    /// stored beside the cache file with nothing typed, and the first search uses it.
    @Test func theSearchIndexIsMadeAheadWithoutAKey() async throws {
        let (folder, vendorName) = try Self.generated(codes: 6_000)
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage(["--catalog", folder.path])
        _ = try await tmux.waitFor(text: "Catalog compiled", timeout: .seconds(300))
        let cache = tmux.home.appendingPathComponent(".cache/triage")
        let deadline = ContinuousClock.now + .seconds(120)
        var indexes: [String] = []
        while indexes.isEmpty, ContinuousClock.now < deadline {
            indexes = ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".bin.index") }
            if indexes.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(indexes.count == 1, "\((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? [])")
        let written = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(indexes.first ?? "-").path)
        try tmux.type("/" + vendorName)
        _ = try await tmux.waitUntil("the generated vendor's codes", timeout: .seconds(30)) { screen in
            screen.split(separator: "\n").last?.contains(" results in all vendors") == true
        }
        // The search used the stored index: it was not built and written again.
        let after = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(indexes.first ?? "-").path)
        #expect(after[.modificationDate] as? Date == written[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
        try tmux.press("Escape", "q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane, "\(exit)")
    }

    @Test func problemsFoundByTheBackgroundBuildCloseTheScreenAndAreReported() async throws {
        let broken = """
            vendor:
              id: zz-broken
              name: Broken
            categories:
              - id: api
                name: API
            codes:
              - code: E1
                category: nope
                description: Names a category that does not exist.
            """
        let (folder, _) = try Self.generated(codes: 6_000, extra: ["vendors/zz-broken.yaml": broken])
        let tmux = try TmuxHarness(width: 200, height: 30)
        defer { tmux.close() }
        let output = try Self.launchRecorded(tmux, catalog: folder)
        let exit = try await tmux.waitForExit(timeout: .seconds(300))
        // The browser was up, with the progress, before the problems were found.
        let written = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        #expect(written.contains("Compiling the catalog: "))
        #expect(exit.status == 2 && exit.ttyIsSane, "\(exit)")
        let screen = try tmux.screen()
        #expect(screen.contains("zz-broken.yaml:9:"), "\(screen)")
        #expect(screen.contains("unknown category 'nope'"))
        #expect(screen.contains("the catalog has 1 problem"))
        #expect(try !tmux.alternateScreen())
    }
}

private extension String {
    /// "7" as "007".
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
