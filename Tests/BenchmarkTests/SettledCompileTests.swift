import BuiltinCatalog
import CatalogGenerator
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The compile's tail runs on every core (`EntrySettling`): entries read back from the spill in any grouping come
/// back in the order asked, batches encoded on workers (from records read back in parts) give the writer the
/// bytes it writes entry by entry, and the cache file is the same whatever the number of workers and the size of
/// a batch.
@Suite struct SettledCompileTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)

    private var catalog: Catalog {
        CatalogLoader.load(CatalogSources.reading(builtIn, then: WindowedCompileTests.folders).sources).catalog
    }

    @Test func batchesEncodedOnWorkersGiveTheBytesOfAppendingEachEntry() {
        let catalog = self.catalog
        let treeIDs = Set(catalog.trees.map(\.id))
        var single = CompiledCatalogWriter(vendors: catalog.vendors, trees: catalog.trees, examples: catalog.examples)
        for entry in catalog.entries { single.append(entry) }
        let expected = single.finish()
        #expect(expected == CompiledCatalog.encode(catalog))
        for size in [1, 3, 500, catalog.entries.count] {
            var writer = CompiledCatalogWriter(vendors: catalog.vendors, trees: catalog.trees, examples: catalog.examples)
            for start in stride(from: 0, to: catalog.entries.count, by: size) {
                var batch = SettledBatch()
                for entry in catalog.entries[start..<min(catalog.entries.count, start + size)] { batch.append(entry, treeIDs: treeIDs) }
                writer.append(batch)
            }
            #expect(writer.count == catalog.entries.count)
            #expect(writer.finish() == expected, "batches of \(size)")
        }
    }

    @Test func theSpillReadsEntriesBackInTheOrderAsked() throws {
        let directory = TestPaths.temporaryDirectory("spill-reader").path
        try FileWriter.makePrivateFolder(directory)
        let file = try BufferedFile.scratch(in: directory, name: "entries")
        defer { file.close() }
        var spill = EntrySpill(file: file)
        let files = CatalogSources.reading(builtIn, then: WindowedCompileTests.folders).sources.flatMap(\.files).map { file in
            if case let .vendor(vendor) = ParsedCatalogFile.parse(path: file.path, text: file.text, source: "s").content {
                return vendor.codes
            }
            return []
        }
        // One block a file, as the workers spill them, each with its own strings.
        var raws: [VendorFile.RawEntry] = [], slots: [EntrySpill.Slot] = []
        for codes in files {
            var block = EntrySpill.Block()
            codes.forEach { block.add($0) }
            raws += codes
            slots += try spill.add(block)
        }
        #expect(raws.count > 1_000)
        #expect(Set(slots.map(\.table)).count > 2)
        try spill.flush()
        // In file order (read in runs), backwards and interleaved (one slot at a time), and a run across the end.
        var order = Array(raws.indices)
        order += raws.indices.reversed()
        order += Array(stride(from: 0, to: raws.count, by: 2)) + Array(stride(from: 1, to: raws.count, by: 2))
        let read = try spill.reader.read(order.map { slots[$0] }[...])
        #expect(read.count == order.count)
        for (index, raw) in zip(order, read) {
            let written = raws[index]
            #expect(raw.entry == written.entry)
            #expect(raw.categoryLocation == written.categoryLocation)
            #expect(raw.related.map(\.text) == written.related.map(\.text))
            #expect(raw.related.map(\.location) == written.related.map(\.location))
            #expect(raw.trees.map(\.id) == written.trees.map(\.id))
            #expect(raw.trees.map(\.location) == written.trees.map(\.location))
        }
    }

    @Test func partsReadBackGiveTheBytesOfAppendingTheEntry() throws {
        let directory = TestPaths.temporaryDirectory("spill-parts").path
        try FileWriter.makePrivateFolder(directory)
        let file = try BufferedFile.scratch(in: directory, name: "entries")
        defer { file.close() }
        var spill = EntrySpill(file: file)
        let catalog = self.catalog
        // Entries as settled (with related codes and trees in their records, which parsed entries never have).
        let entries = Array(catalog.entries.prefix(2_000))
        #expect(entries.contains { !$0.related.isEmpty } && entries.contains { !$0.trees.isEmpty })
        var block = EntrySpill.Block()
        for entry in entries {
            block.add(VendorFile.RawEntry(entry: entry, categoryLocation: entry.location, related: [], trees: []))
        }
        let slots = try spill.add(block)
        try spill.flush()
        let treeIDs = Set(catalog.trees.map(\.id))
        var expected = CompiledCatalogWriter(vendors: catalog.vendors, trees: catalog.trees, examples: catalog.examples)
        entries.forEach { expected.append($0) }
        var batch = SettledBatch(), index = 0
        try spill.reader.withParts(slots[...]) { parts in
            #expect(parts.code == entries[index].code)
            #expect(parts.recorded == entries[index].related)
            batch.append(parts, related: parts.recorded, trees: entries[index].trees, treeIDs: treeIDs)
            index += 1
        }
        var writer = CompiledCatalogWriter(vendors: catalog.vendors, trees: catalog.trees, examples: catalog.examples)
        writer.append(batch)
        #expect(index == entries.count)
        #expect(writer.finish() == expected.finish())
    }

    @Test func theCacheFileIsTheSameWhateverTheWorkersAndBatches() throws {
        let stamped = WindowedCompileTests.folders.flatMap { CatalogFileStamp.files(in: $0) ?? [] }
        let expected = CompiledCatalog.encode(catalog)
        for (workers, batch) in [(1, 1), (1, 512), (2, 7), (3, 100), (4, 100_000)] {
            let directory = TestPaths.temporaryDirectory("settled-\(workers)-\(batch)").path
            var compiler = CatalogCompiler(directory: directory)
            compiler.settleWorkers = workers
            compiler.settleBatch = batch
            let result = compiler.compile(builtIn: builtIn, folders: WindowedCompileTests.folders, stamped: stamped,
                                          into: directory + "/out.bin", prefix: { _ in [] },
                                          open: { CatalogBytes.file($0).flatMap { CompiledCatalog.open($0) } })
            #expect(result.outcome == .written, "\(workers) workers, batches of \(batch)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/out.bin")) == Data(expected),
                    "\(workers) workers, batches of \(batch)")
        }
    }

    @Test func anEntryWithAProblemStopsTheCompileWhateverTheWorkers() throws {
        let files = CatalogGenerator(codes: 400, seed: 9).vendorFiles()
        var broken: [String: String] = [:]
        for file in files { broken["vendors/\(file.name)"] = file.text }
        broken["vendors/\(files[0].name)"] = files[0].text + "  - code: EXTRA_ONE\n    category: nowhere\n    description: d\n"
        let folder = TestPaths.catalogFolder(broken).path
        let stamped = CatalogFileStamp.files(in: folder) ?? []
        for workers in [1, 2, 3] {
            let directory = TestPaths.temporaryDirectory("settled-broken-\(workers)").path
            var compiler = CatalogCompiler(directory: directory)
            compiler.settleWorkers = workers
            compiler.settleBatch = 5
            let result = compiler.compile(builtIn: builtIn, folders: [folder], stamped: stamped, into: directory + "/out.bin",
                                          prefix: { _ in [] }, open: { CatalogBytes.file($0).flatMap { CompiledCatalog.open($0) } })
            #expect(result.outcome == .hasProblems)
            #expect(!FileManager.default.fileExists(atPath: directory + "/out.bin"))
        }
    }
}
