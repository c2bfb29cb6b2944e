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
        var problems = ProblemList()
        var files: [(path: String, text: String)] = []
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
            let root = URL(fileURLWithPath: CatalogFolder.canonical(path))
            // Hidden files and folders (.git, .build, editor swap files) are not catalog content.
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])
            let urls = (walker?.compactMap { $0 as? URL } ?? [])
                .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
                .sorted { $0.path < $1.path }
            if urls.count > CatalogLimits.maximumFiles {
                problems.add(here, "the folder has \(urls.count) YAML files; a catalog folder may have at most \(CatalogLimits.maximumFiles)")
                return (CatalogSource(name: path, files: []), problems.problems)
            }
            var total = 0
            for url in urls {
                let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
                let display = (path as NSString).appendingPathComponent(relative)
                let data: Data
                switch CatalogLimits.readBounded(url.path) {
                case let .success(read): data = read
                case let .failure(problem):
                    problems.add(SourceLocation(file: display, line: 1, column: 1), problem.message)
                    continue
                }
                total += data.count
                if total > CatalogLimits.maximumFolderBytes {
                    problems.add(here, "the folder's YAML files total more than \(CatalogLimits.describe(CatalogLimits.maximumFolderBytes)), the most a catalog folder may hold; stopped at \(display)")
                    break
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.add(SourceLocation(file: display, line: 1, column: 1), "the file is not UTF-8 text")
                    continue
                }
                files.append((display, text))
            }
        }
        return (CatalogSource(name: path, files: files), problems.problems)
    }
}
