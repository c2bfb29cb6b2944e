import CYaml
import Foundation

/// One catalog file read on its own, before merging: what kind of file it is, its contents, and the problems
/// found in it. Files are independent, so `parseAll` reads them on every core; the results come back in file
/// order, so the problems are reported in the same order however the work was spread.
struct ParsedCatalogFile {
    enum Content {
        case vendor(VendorFile)
        case tree(TreeFile)
        case examples([ExampleTicket])
        /// Too broken to use (the problems say why).
        case nothing
    }

    var content: Content
    var problems: ProblemList

    /// Reads one file of source `source`.
    static func parse(path: String, text: String, source: String) -> ParsedCatalogFile {
        var problems = ProblemList()
        let content = read(path: path, text: text, source: source, &problems)
        return ParsedCatalogFile(content: content, problems: problems)
    }

    private static func read(path: String, text: String, source: String, _ problems: inout ProblemList) -> Content {
        let size = text.utf8.count
        if size > CatalogLimits.maximumFileBytes {
            problems.add(SourceLocation(file: path, line: 1, column: 1), CatalogLimits.FileProblem.tooLarge(size).message)
            return .nothing
        }
        // Read as the YAML is parsed: a vendor file (its first key `vendor:`) streams its codes; any other file is
        // read as a tree (small: decision trees, example tickets). A YAML error anywhere is the file's one problem.
        var found = ProblemList()
        let streamed: Content?
        do {
            streamed = try YAMLEventParser.withParser(text, file: path) { parser -> Content? in
                guard try parser.startDocument() else {
                    found.add(SourceLocation(file: path, line: 1, column: 1), "file is empty")
                    return .nothing
                }
                guard parser.type == YAML_MAPPING_START_EVENT, !parser.hasAnchor else {
                    let root = try parser.value()
                    try parser.finishDocument()
                    guard let mapping = root.mapping("the file", &found) else { return .nothing }
                    return dispatch(mapping, source: source, &found)
                }
                let start = parser.mark
                try parser.next()
                if parser.scalarIs("vendor") {
                    guard case let .read(file, fileProblems) = try VendorFileStream.read(parser, rootAt: start, source: source)
                    else { return nil }
                    try parser.finishDocument()
                    found.append(contentsOf: fileProblems.problems)
                    return file.map(Content.vendor) ?? .nothing
                }
                let mapping = try parser.mappingBody(at: start)
                try parser.finishDocument()
                return dispatch(mapping, source: source, &found)
            }
        } catch let error as YAMLSyntaxError {
            problems.add(error.location, error.message)
            return .nothing
        } catch {
            problems.add(SourceLocation(file: path, line: 1, column: 1), "cannot parse YAML: \(error)")
            return .nothing
        }
        if let streamed {
            problems.append(contentsOf: found.problems)
            return streamed
        }
        guard let root = YAMLParser.parse(text, file: path, &problems),
              let mapping = root.mapping("the file", &problems) else { return .nothing }
        return dispatch(mapping, source: source, &problems)
    }

    /// What a file read as a tree holds, by its top-level keys.
    private static func dispatch(_ mapping: YAMLMapping, source: String, _ problems: inout ProblemList) -> Content {
        if mapping.has("vendor") {
            return VendorFile.parse(mapping, source: source, &problems).map(Content.vendor) ?? .nothing
        } else if mapping.has("nodes") {
            return TreeFile.parse(mapping, source: source, &problems).map(Content.tree) ?? .nothing
        } else if mapping.has("tests") {
            return .examples(ExampleFile.parse(mapping, source: source, &problems).examples)
        }
        problems.add(mapping.location,
                     "not a catalog file: a vendor file has a top-level 'vendor:' key, a decision tree a 'nodes:' key, example tickets a 'tests:' key")
        return .nothing
    }

    /// Every file of every source, parsed on all cores, in order (`[source][file]`). `progress` is called from
    /// the worker threads with the number of files done so far, after each file.
    static func parseAll(_ sources: [CatalogSource], progress: (@Sendable (Int) -> Void)? = nil) -> [[ParsedCatalogFile]] {
        let jobs = sources.enumerated().flatMap { index, source in
            source.files.map { (source: index, path: $0.path, text: $0.text, name: source.name) }
        }
        let counter = DoneCounter()
        var results = sources.map { _ in [ParsedCatalogFile]() }
        OrderedWork.run(count: jobs.count, window: jobs.count, workers: ProcessInfo.processInfo.activeProcessorCount,
                        produce: { index in
                            let job = jobs[index]
                            let parsed = parse(path: job.path, text: job.text, source: job.name)
                            progress?(counter.increment())
                            return parsed
                        },
                        consume: { index, parsed in
                            results[jobs[index].source].append(parsed)
                            return true
                        })
        return results
    }
}

/// A counter shared by threads.
private final class DoneCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// Adds one and returns the new value.
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
