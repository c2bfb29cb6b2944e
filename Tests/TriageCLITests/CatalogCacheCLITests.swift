import Foundation
import Testing
import TestSupport

/// `--catalog` folders through the real binary: compiled into the cache on first use, reused, rebuilt on edits.
@Suite struct CatalogCacheCLITests {
    @Test func userCatalogIsCachedPrivatelyAndRebuiltWhenEdited() throws {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let cacheHome = TestPaths.temporaryDirectory("xdg-cache")
        let environment = ["XDG_CACHE_HOME": cacheHome.path]
        let first = try TriageProcess.run(["show", "KEY_INVALID", "--catalog", folder.path], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Key not valid"))
        #expect(first.stderr == "")  // progress only on a terminal
        let folderPath = cacheHome.appendingPathComponent("triage").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folderPath)
        #expect(files.count == 1, "\(files)")
        let file = try #require(files.first)
        #expect(file.hasPrefix("catalog-") && file.hasSuffix(".bin"))
        let cachePath = folderPath + "/" + file
        #expect(try FileManager.default.attributesOfItem(atPath: cachePath)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folderPath)[.posixPermissions] as? Int == 0o700)
        let written = try FileManager.default.attributesOfItem(atPath: cachePath)[.modificationDate] as? Date

        let again = try TriageProcess.run(["show", "KEY_INVALID", "--catalog", folder.path], environment: environment)
        #expect(again.stdout == first.stdout)
        #expect(try FileManager.default.attributesOfItem(atPath: cachePath)[.modificationDate] as? Date == written)

        let yaml = folder.appendingPathComponent("vendors/acme.yaml")
        try Fixtures.acmeVendor.replacingOccurrences(of: "Key not valid", with: "Key refused")
            .write(to: yaml, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: yaml.path)
        let edited = try TriageProcess.run(["show", "KEY_INVALID", "--catalog", folder.path], environment: environment)
        #expect(edited.status == 0)
        #expect(edited.stdout.contains("Key refused"))
        #expect(!edited.stdout.contains("Key not valid"))

        try Data("garbage".utf8).write(to: URL(fileURLWithPath: cachePath))
        let repaired = try TriageProcess.run(["show", "KEY_INVALID", "--catalog", folder.path], environment: environment)
        #expect(repaired.status == 0)
        #expect(repaired.stdout == edited.stdout)
    }

    @Test func searchKeepsTheIndexBesideTheCacheAndLaterSearchesUseIt() throws {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let cacheHome = TestPaths.temporaryDirectory("xdg-cache")
        let environment = ["XDG_CACHE_HOME": cacheHome.path]
        let folderPath = cacheHome.appendingPathComponent("triage").path
        let shown = try TriageProcess.run(["show", "KEY_INVALID", "--catalog", folder.path], environment: environment)
        #expect(shown.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folderPath).filter { $0.hasSuffix(".index") } == [],
                "show does not build the search index")
        let first = try TriageProcess.run(["search", "key", "not", "valid", "--catalog", folder.path], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: folderPath).first { $0.hasSuffix(".bin.index") })
        let indexPath = folderPath + "/" + index
        #expect(try FileManager.default.attributesOfItem(atPath: indexPath)[.posixPermissions] as? Int == 0o600)
        let written = try FileManager.default.attributesOfItem(atPath: indexPath)[.modificationDate] as? Date
        let second = try TriageProcess.run(["search", "key", "not", "valid", "--catalog", folder.path], environment: environment)
        #expect(second.stdout == first.stdout)
        #expect(second.stdout.contains("KEY_INVALID"))
        #expect(try FileManager.default.attributesOfItem(atPath: indexPath)[.modificationDate] as? Date == written,
                "the second search decoded the stored index")
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: indexPath))
        let repaired = try TriageProcess.run(["search", "key", "not", "valid", "--catalog", folder.path], environment: environment)
        #expect(repaired.stdout == first.stdout)
    }

    @Test func brokenUserCatalogStillStopsWithItsProblems() throws {
        let broken = Fixtures.acmeVendor.replacingOccurrences(of: "category: auth", with: "category: nope")
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": broken])
        let environment = ["XDG_CACHE_HOME": TestPaths.temporaryDirectory("xdg-cache").path]
        for _ in 0..<2 {
            let run = try TriageProcess.run(["search", "key", "--catalog", folder.path], environment: environment)
            #expect(run.status == 2)
            #expect(run.stderr.contains("unknown category 'nope'"))
        }
    }
}
