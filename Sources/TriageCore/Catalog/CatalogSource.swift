import Foundation

/// One layer of the catalog: the built-in files, or a folder given with `--catalog` / `TRIAGE_CATALOG`.
public struct CatalogSource: Sendable {
    /// How the source is shown to people: `built-in` or the folder path.
    public var name: String
    /// Each YAML file's display path (used in `file:line:column` messages) and text.
    public var files: [(path: String, text: String)]

    public init(name: String, files: [(path: String, text: String)]) {
        self.name = name
        self.files = files
    }

    /// Reads every `.yaml`/`.yml` file below `path` (hidden ones aside), sorted by path. A missing or unreadable
    /// folder is reported as a problem rather than skipped. Files above `CatalogLimits` are refused before they are
    /// read; special files (FIFOs, devices) are refused without blocking.
    public static func directory(_ path: String) -> (source: CatalogSource, problems: [CatalogProblem]) {
        let listing = FolderListing(path)
        var problems = ProblemList()
        problems.append(contentsOf: listing.problems)
        var files: [(path: String, text: String)] = []
        var total = 0
        for file in listing.files {
            switch file.read() {
            case let .success(data):
                total += data.count
                if let problem = listing.totalProblem(total, at: file) {
                    problems.add(problem.location, problem.message)
                    return (CatalogSource(name: path, files: files), problems.problems)
                }
                switch file.text(of: data) {
                case let .success(text): files.append((file.display, text))
                case let .failure(problem): problems.add(problem.location, problem.message)
                }
            case let .failure(problem):
                problems.add(problem.location, problem.message)
            }
        }
        return (CatalogSource(name: path, files: files), problems.problems)
    }

    /// A catalog folder's YAML files, listed but not read (`directory` reads them all; a compile reads them one at
    /// a time, `CatalogCompiler`), with the problems listing found.
    struct FolderListing {
        /// One file: the path shown in messages, the real path, and how to read it.
        struct File: Sendable {
            var display: String
            var path: String

            /// The file's bytes, or why they are not read (`CatalogLimits.readBounded`).
            func read() -> Result<Data, CatalogProblem> {
                CatalogLimits.readBounded(path).mapError { CatalogProblem(SourceLocation(file: display, line: 1, column: 1), $0.message) }
            }

            /// The file's bytes as text (UTF-8 only).
            func text(of data: Data) -> Result<String, CatalogProblem> {
                guard let text = String(data: data, encoding: .utf8) else {
                    return .failure(CatalogProblem(SourceLocation(file: display, line: 1, column: 1), "the file is not UTF-8 text"))
                }
                return .success(text)
            }
        }

        let folder: String
        private(set) var files: [File] = []
        private(set) var problems: [CatalogProblem] = []

        init(_ path: String) {
            folder = path
            var problems = ProblemList()
            defer { self.problems = problems.problems }
            var isDirectory: ObjCBool = false
            let here = SourceLocation(file: path, line: 1, column: 1)
            let real = CatalogFolder.resolve(path)
            if case let .failure(failure) = real {
                problems.add(here, failure.message)
            } else if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                problems.add(here, "no such catalog folder")
            } else if !isDirectory.boolValue {
                problems.add(here, "not a folder; --catalog takes a folder of YAML files")
            } else {
                // From the real path: a folder that is a symbolic link is read through it.
                let root = CatalogFolder.canonical(path)
                let paths = CatalogFolder.yamlFiles(below: root)
                if paths.count > CatalogLimits.maximumFiles {
                    problems.add(here, "the folder has \(paths.count) YAML files; a catalog folder may have at most \(CatalogLimits.maximumFiles)")
                    return
                }
                files = paths.map { file in
                    let relative = file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : (file as NSString).lastPathComponent
                    return File(display: (path as NSString).appendingPathComponent(relative), path: file)
                }
            }
        }

        /// The problem once the files read so far total `total` bytes, `file` the last: past the folder's limit,
        /// reading stops there.
        func totalProblem(_ total: Int, at file: File) -> CatalogProblem? {
            guard total > CatalogLimits.maximumFolderBytes else { return nil }
            return CatalogProblem(SourceLocation(file: folder, line: 1, column: 1),
                                  "the folder's YAML files total more than \(CatalogLimits.describe(CatalogLimits.maximumFolderBytes)), the most a catalog folder may hold; stopped at \(file.display)")
        }
    }
}
