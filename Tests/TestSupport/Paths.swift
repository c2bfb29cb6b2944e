import Foundation

/// Paths tests need: the repository root, the shipped catalog, the built `triage` binary.
public enum TestPaths {
    /// The package root, found from this file's location.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var catalogDirectory: URL { repositoryRoot.appendingPathComponent("catalog") }

    /// `../shared/seeds` beside the checkout, where the vendor documents are (present in development and CI).
    public static var seedsDirectory: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    }

    /// The `triage` executable next to the test bundle (SwiftPM builds every product before testing).
    public static let triageBinary: URL = {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("triage"))
            directory.deleteLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("triage"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/triage"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// A new empty temporary folder, inside this test process's own folder (`temporaryRoot`).
    public static func temporaryDirectory(_ name: String = "triage-test") -> URL {
        let url = temporaryRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder per test process (`$TMPDIR/triage-tests-PID`) holding every `temporaryDirectory`, removed when
    /// the process exits, so a run of the suite leaves nothing behind in /tmp.
    public static let temporaryRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-tests-\(getpid())")
        try? FileManager.default.removeItem(at: url)  // a crashed run's, when the pid comes round again
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { TestPaths.removeTemporaryRoot() }
        return url
    }()

    /// Removes `temporaryRoot`, first giving back the permissions tests took away (unreadable folders).
    static func removeTemporaryRoot() {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("triage-tests-\(getpid())")
        if (try? FileManager.default.removeItem(at: root)) != nil { return }
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            chmod(root.path, 0o700)
            while let relative = walker.nextObject() as? String {
                let path = root.appendingPathComponent(relative).path
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { chmod(path, 0o700) }
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes files (relative path -> text) under a new temporary folder and returns it.
    public static func catalogFolder(_ files: [String: String]) -> URL {
        let root = temporaryDirectory("triage-catalog")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }
}
