import TerminalKit
import Testing
@testable import TriageCore
@testable import TriageUI
import TestSupport

/// On a compiled catalog (entries decoded on demand), starting the browser and drawing a frame decode only the
/// entries on screen, not the whole catalog.
@Suite struct CompiledCatalogFrameTests {
    /// 6,000 codes of 3 vendors with 4 categories each, compiled and opened as triage opens the cache.
    static let big = makeBig()

    /// A fresh copy of `big` (its decoding counter untouched by other suites).
    static func makeBig() -> Catalog {
        let location = SourceLocation(file: "big.yaml", line: 1, column: 1)
        let categories = (0..<4).map { Category(id: "c\($0)", name: "Category \($0)") }
        let vendors = (0..<3).map { Vendor(id: "v\($0)", name: "Vendor \($0)", categories: categories, location: location) }
        var entries: [CatalogEntry] = []
        for vendor in vendors {
            for number in 0..<2000 {
                entries.append(CatalogEntry(vendor: vendor.id, category: "c\(number % 4)", code: "\(vendor.id.uppercased())_\(number)",
                                            httpStatus: 400 + number % 100, message: "Message \(number)",
                                            description: "Description of code \(number).", causes: ["Cause \(number)"],
                                            keywords: ["word\(number)"], location: location))
            }
        }
        let catalog = Catalog(vendors: vendors, entries: entries, trees: [])
        return CompiledCatalog.decode(CompiledCatalog.encode(catalog))!
    }

    @Test func startAndFramesDecodeOnlyWhatIsShown() throws {
        let catalog = Self.big
        #expect(catalog.entries.decodedCount == 0)
        var program = BrowserProgram.sized(catalog, width: 120, height: 40)
        _ = program.render()
        let atStart = catalog.entries.decodedCount
        #expect(atStart < 100, "start and first frame decoded \(atStart) of \(catalog.entries.count) entries")
        let keys: [Key] = [.down, .down, .pageDown, .tab, .down, .pageDown, .end, .home, .backTab, .down, .down, .down]
        for key in keys {
            let before = catalog.entries.decodedCount
            program.send(key)
            let screen = program.render()
            let used = catalog.entries.decodedCount - before
            #expect(used < 100, "\(key) and its frame decoded \(used) entries")
            #expect(!screen.text.isEmpty)
        }
        #expect(program.state.invariantViolations() == [])
    }

    /// The shipped catalog (trees and all), compiled and opened as triage opens it: starting the browser and
    /// drawing frames, the detail's "Guided diagnosis" links included, decode no tree; opening one decodes it.
    @Test func startAndFramesDecodeNoTree() throws {
        let catalog = try #require(CompiledCatalog.decode(CompiledCatalog.encode(Fixtures.shipped)))
        #expect(catalog.treeStore.count > 0)
        var program = BrowserProgram.sized(catalog, width: 120, height: 40)
        _ = program.render()
        for key: Key in [.down, .down, .pageDown, .tab, .down, .end, .home] {
            program.send(key)
            _ = program.render()
        }
        #expect(catalog.treeStore.decodes.count == 0, "\(catalog.treeStore.decodes.count) trees decoded")
        // The detail links trees by title; the browser knows which codes can be diagnosed, all without decoding.
        let withTree = try #require(catalog.entries.indices.first { catalog.entries.hasTrees(at: $0) })
        let id = try #require(catalog.entries[withTree].trees.first)
        #expect(catalog.treeTitle(id: id) == Fixtures.shipped.tree(id: id)?.title)
        #expect(catalog.diagnosableCodes == Fixtures.shipped.diagnosableCodes)
        #expect(catalog.treeStore.decodes.count == 0)
        #expect(catalog.tree(id: id) == Fixtures.shipped.tree(id: id))
        #expect(catalog.treeStore.decodes.count == 1)
        _ = catalog.tree(id: id)
        #expect(catalog.treeStore.decodes.count == 1, "a decoded tree is kept")
    }
}
