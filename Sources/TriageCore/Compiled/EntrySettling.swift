import Foundation

/// The compile's tail (`CatalogCompiler`), once every source is merged: the entries are read back from the spill,
/// settled (`EntryLinks`) and encoded a batch at a time on worker threads (`SettledBatch`), and the calling thread
/// appends each batch to the writer in catalog order (`OrderedWork`, a few batches ahead of it). The bytes are
/// those of settling and appending every entry in turn on one thread.
struct EntrySettling {
    /// Entries per batch.
    var batchSize = 512
    var workers = ProcessInfo.processInfo.activeProcessorCount

    /// One batch as a worker left it.
    private enum Settled {
        case batch(SettledBatch)
        /// An entry has a problem (which the loader reports; the compile only stops).
        case problems
        case failed(any Error)
    }

    /// What the workers share, read only.
    private final class Shared: @unchecked Sendable {
        let vendors: [(vendor: Vendor, knownCategories: Set<String>)]
        /// Per entry in catalog order: its vendor (an index in `vendors`) and where it waits in the spill.
        let vendorOf: [Int32]
        let slots: [EntrySpill.Slot]
        let links: EntryLinks
        let spill: EntrySpill.Reader
        let treeIDs: Set<TreeID>

        init(_ merge: CatalogMerge<EntrySpill.Slot>, spill: EntrySpill.Reader, treeIDs: Set<TreeID>) {
            var vendors: [(vendor: Vendor, knownCategories: Set<String>)] = []
            var vendorOf: [Int32] = [], slots: [EntrySpill.Slot] = []
            for vendorID in merge.vendorOrder {
                guard let state = merge.vendors[vendorID] else { continue }
                for code in state.codeOrder {
                    guard let slot = state.codes[code] else { continue }
                    vendorOf.append(Int32(vendors.count))
                    slots.append(slot)
                }
                vendors.append((state.vendor, Set(state.vendor.categories.map(\.id))))
            }
            self.vendors = vendors
            self.vendorOf = vendorOf
            self.slots = slots
            links = merge.sharedLinks()
            self.spill = spill
            self.treeIDs = treeIDs
        }

        /// Batch `range` of the entries, read, settled and encoded (their records' texts copied, not decoded).
        func settle(_ range: Range<Int>) -> Settled {
            var links = self.links
            var problems = ProblemList()
            var batch = SettledBatch()
            var index = range.lowerBound
            do {
                try spill.withParts(slots[range]) { parts in
                    guard problems.isEmpty else { return }
                    let vendor = vendors[Int(vendorOf[index])]
                    index += 1
                    let settled = links.settle(code: parts.code, reference: CodeReference(vendor: parts.vendor, code: parts.code),
                                               category: parts.category, categoryLocation: parts.categoryLocation,
                                               related: parts.related, trees: parts.trees, of: vendor.vendor,
                                               knownCategories: vendor.knownCategories, &problems)
                    guard problems.isEmpty else { return }
                    batch.append(parts, related: parts.recorded + settled.related, trees: settled.trees, treeIDs: treeIDs)
                }
            } catch {
                return .failed(error)
            }
            return problems.isEmpty ? .batch(batch) : .problems
        }
    }

    /// Appends every entry of `merge` to `writer` in catalog order (`spill` holds them, `treeIDs` are the
    /// catalog's trees); false at the first entry with a problem. Throws what reading the spill or spilling the
    /// writer's records throws.
    func run(_ merge: CatalogMerge<EntrySpill.Slot>, spill: EntrySpill.Reader, treeIDs: Set<TreeID>,
             into writer: inout CompiledCatalogWriter) throws -> Bool {
        let shared = Shared(merge, spill: spill, treeIDs: treeIDs)
        let count = shared.slots.count, size = max(1, batchSize)
        var failure: (any Error)?
        var hasProblems = false
        OrderedWork.run(count: (count + size - 1) / size, window: 2 * max(1, workers), workers: workers,
                        produce: { index in shared.settle((index * size)..<min(count, (index + 1) * size)) },
                        consume: { _, settled in
            switch settled {
            case let .batch(batch):
                writer.append(batch)
                do { try writer.spillRecords() } catch { failure = error; return false }
                return true
            case .problems:
                hasProblems = true
                return false
            case let .failed(error):
                failure = error
                return false
            }
        })
        if let failure { throw failure }
        return !hasProblems
    }
}
