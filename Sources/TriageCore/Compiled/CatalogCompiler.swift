import Foundation

/// Compiles the built-in catalog and the user's folders straight into a cache file, holding a bounded window of
/// the catalog at a time rather than all of it: files are read, hashed, parsed and their entries encoded a few at
/// a time on every core (`OrderedWork`, `EntrySpill.Block`) and merged in order (`CatalogMerge`), each entry
/// waiting in a scratch file (`EntrySpill`) with only its place kept in memory; once every source is merged, the
/// entries are read back, settled (`EntryLinks`) and encoded a batch at a time on every core and written in
/// catalog order (`EntrySettling`, `CompiledCatalogWriter`, its records through a second scratch file), and the
/// cache file is put together from them. The bytes are those of `CompiledCatalog.encode` of the loaded catalog.
///
/// A catalog with any problem is not compiled: the compile stops at the first one and says so (`.hasProblems`),
/// and the caller loads it whole (`CatalogLoader`), which reports every problem, in order, with its position.
struct CatalogCompiler {
    enum Outcome: Equatable {
        /// The cache file was written.
        case written
        /// A file could not be read or the catalog has problems: nothing was written.
        case hasProblems
        /// The cache file could not be written: why.
        case unwritten(String)
        /// The folders' files are not those stamped (one was added or removed meanwhile): nothing was written.
        case filesChanged
    }

    /// How much of the catalog the compile held at once (what bounds its memory): the most files being parsed or
    /// parsed and not yet merged, and the most parsed entries in them.
    struct Window: Equatable {
        var files = 0
        var entries = 0
    }

    /// Files parsed ahead of the merge: each worker one, and as many waiting.
    var filesAhead = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Threads settling entries once every source is merged, and entries per batch they take (`EntrySettling`).
    var settleWorkers = ProcessInfo.processInfo.activeProcessorCount
    var settleBatch = 512
    /// Where the cache file and its scratch files go.
    let directory: String

    /// One file to read: its source, the path shown in messages, and its text (built in) or where to read it.
    private struct Job: Sendable {
        var source: Int
        var display: String
        var text: String?
        var file: CatalogSource.FolderListing.File?
    }

    /// One file read and parsed, on a worker thread; a vendor file's entries are spilled there too (`spilled`,
    /// each code and where it is defined in `codes`), and taken out of it.
    private struct Parsed: @unchecked Sendable {
        var parsed: ParsedCatalogFile?
        var problem: CatalogProblem?
        var size = 0
        var hash: UInt64 = 0
        var spilled: EntrySpill.Block?
        var codes: [(code: String, location: SourceLocation)] = []
    }

    /// Compiles `builtIn` then `folders` (whose files must be the `stamped` paths) into the cache file at `path`: `prefix` gives what precedes the compiled
    /// catalog in it from the folders' files' content hashes (in order), and `open` opens the file once written
    /// (the example tickets are checked against it before it replaces the old one). `progress` hears the number
    /// of files merged after each (of all the sources' files).
    func compile(builtIn: CatalogSource, folders: [String], stamped: [String], into path: String, prefix: ([UInt64]) -> [UInt8],
                 open: (String) -> Catalog?, progress: ((Int) -> Void)? = nil) -> (outcome: Outcome, window: Window) {
        var jobs = builtIn.files.map { Job(source: 0, display: $0.path, text: $0.text) }
        var listings: [CatalogSource.FolderListing] = []
        for folder in folders {
            let listing = CatalogSource.FolderListing(folder)
            guard listing.problems.isEmpty else { return (.hasProblems, Window()) }
            jobs += listing.files.map { Job(source: listings.count + 1, display: $0.display, file: $0) }
            listings.append(listing)
        }
        guard listings.flatMap({ $0.files.map(\.path) }) == stamped else { return (.filesChanged, Window()) }
        let names = [builtIn.name] + folders
        let entries: BufferedFile, records: BufferedFile
        do {
            try FileWriter.makePrivateFolder(directory)
            entries = try BufferedFile.scratch(in: directory, name: "entries")
            records = try BufferedFile.scratch(in: directory, name: "records")
        } catch {
            return (.unwritten(String(describing: error)), Window())
        }
        defer { entries.close(); records.close() }

        var merge = CatalogMerge<EntrySpill.Slot>()
        var spill = EntrySpill(file: entries)
        var problems = ProblemList()
        var hashes: [UInt64] = []
        var failure: Outcome?
        var source = -1, folderTotal = 0
        let held = HeldEntries()
        let jobList = jobs
        let mostFiles = OrderedWork.run(count: jobs.count, window: filesAhead, workers: ProcessInfo.processInfo.activeProcessorCount,
                                        produce: { index in
                                            let read = Self.read(jobList[index], source: names[jobList[index].source])
                                            held.add(read.codes.count)
                                            return read
                                        },
                                        consume: { index, read in
            let job = jobList[index]
            defer { held.add(-read.codes.count) }
            if job.source != source {
                source = job.source
                folderTotal = 0
                merge.beginSource()
            }
            guard let parsed = read.parsed, read.problem == nil, parsed.problems.isEmpty else { failure = .hasProblems; return false }
            if let file = job.file {
                folderTotal += read.size
                guard listings[job.source - 1].totalProblem(folderTotal, at: file) == nil else { failure = .hasProblems; return false }
                hashes.append(read.hash)
            }
            do {
                if case let .vendor(file) = parsed.content, let block = read.spilled {
                    let slots = try spill.add(block)
                    merge.add(file, codes: read.codes, &problems) { slots[$0] }
                } else {
                    try merge.add(parsed.content, source: names[job.source], &problems) { raw in
                        var block = EntrySpill.Block()
                        block.add(raw)
                        return try spill.add(block)[0]
                    }
                }
            } catch {
                failure = .unwritten(String(describing: error))
                return false
            }
            guard problems.isEmpty else { failure = .hasProblems; return false }
            progress?(index + 1)
            return true
        })
        let window = Window(files: mostFiles, entries: held.most)
        if let failure { return (failure, window) }

        var ignored = ProblemList()
        merge.validateTrees(&problems, findings: &ignored)
        guard problems.isEmpty else { return (.hasProblems, window) }
        do {
            try spill.flush()
            guard let writer = try settle(merge, spill: spill, recordsTo: records) else { return (.hasProblems, window) }
            let written = try PrivateFile.writeAtomically(to: path, directory: directory) { output, written in
                try output.append(prefix(hashes))
                try writer.finish(into: output)
                try output.flush()
                // Example tickets name codes and trees: checked against the catalog as written.
                guard let catalog = open(written) else { return false }
                ExampleValidator(catalog: catalog, sourcesWithExamples: merge.sourcesWithExamples)
                    .validate(&problems, findings: &ignored)
                return problems.isEmpty
            }
            return (written ? .written : .hasProblems, window)
        } catch {
            return (.unwritten(String(describing: error)), window)
        }
    }

    /// Every entry read back from the spill, settled and encoded on the workers, and written in catalog order
    /// (`EntrySettling`); nil at the first problem.
    private func settle(_ merge: CatalogMerge<EntrySpill.Slot>, spill: EntrySpill, recordsTo records: BufferedFile) throws
        -> CompiledCatalogWriter? {
        let trees = merge.finalTrees.map(\.tree)
        var writer = CompiledCatalogWriter(vendors: merge.vendorOrder.compactMap { merge.vendors[$0]?.vendor },
                                           trees: trees, examples: merge.examples, recordsTo: records)
        var settling = EntrySettling()
        settling.workers = settleWorkers
        settling.batchSize = settleBatch
        guard try settling.run(merge, spill: spill.reader, treeIDs: Set(trees.map(\.id)), into: &writer) else { return nil }
        return writer
    }

    /// Reads (unless built in), hashes and parses one file.
    private static func read(_ job: Job, source: String) -> Parsed {
        var text: String
        var read = Parsed()
        if let given = job.text {
            text = given
        } else if let file = job.file {
            switch file.read().flatMap({ data in file.text(of: data).map { (data.count, $0) } }) {
            case let .success((size, found)):
                read.size = size
                text = found
            case let .failure(problem):
                read.problem = problem
                return read
            }
        } else {
            return read
        }
        read.hash = text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
        var parsed = ParsedCatalogFile.parse(path: job.display, text: text, source: source)
        // A vendor file without problems is spilled here, so the merge (one thread) only writes its bytes.
        if case var .vendor(file) = parsed.content, parsed.problems.isEmpty {
            var block = EntrySpill.Block()
            read.codes.reserveCapacity(file.codes.count)
            for raw in file.codes {
                block.add(raw)
                read.codes.append((raw.entry.code, raw.entry.location))
            }
            read.spilled = block
            file.codes = []
            parsed.content = .vendor(file)
        }
        read.parsed = parsed
        return read
    }
}

/// The parsed entries held at once, and the most there ever were. Thread-safe.
private final class HeldEntries: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0

    func add(_ count: Int) { lock.withLock { now += count; most = max(most, now) } }
}
