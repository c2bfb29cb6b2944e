import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TriageCore

/// The database's folder and file on disk: folders Triage creates are 0700, a file it creates is 0600 (SQLite
/// gives its -wal and -shm files the same mode). Existing folders and files are left as they are, so a team's
/// group-writable shared database stays shared; an existing file must pass `SharedFile`'s rule (yours or root's,
/// or group-writable for one of your groups; never writable by others).
enum StoreFiles {
    static func prepare(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        try makeFolders(url.deletingLastPathComponent().path, databasePath: path)
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // Another user's file, or one anyone may write, is refused (a team's group-writable file is not).
                if let problem = SharedFile.problem(with: info, sharing: .group) {
                    throw SessionStoreError.unavailable(path: path, detail: problem.description)
                }
                return
            case S_IFDIR: throw SessionStoreError.unavailable(path: path, detail: "it is a folder, not a file")
            // A FIFO, a device or a socket would block or never hold a database: refused before it is opened.
            default: throw SessionStoreError.unavailable(path: path, detail: "it is not a regular file (a FIFO, device or socket)")
            }
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw SessionStoreError.unavailable(path: path, detail: "cannot create it: \(String(cString: strerror(errno)))")
        }
    }

    /// An I/O error's words, plus the file size limit when one is set (`ulimit -f`: SIGXFSZ is ignored, so a
    /// write past it fails with EFBIG, which SQLite reports only as "disk I/O error").
    static func withFileSizeLimit(_ detail: String) -> String {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else {
            return detail
        }
        return "\(detail); the file size limit (ulimit -f) is \(limit.rlim_cur) bytes"
    }

    /// The nearest ancestor of `path` that exists and is not a folder.
    private static func firstFile(above path: String) -> String? {
        var url = URL(fileURLWithPath: path)
        while url.path != "/" {
            var info = stat()
            if stat(url.path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR ? nil : url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// Creates the missing folders of `folder`, each 0700.
    private static func makeFolders(_ folder: String, databasePath: String) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw SessionStoreError.unavailable(path: databasePath, detail: "\(folder) is a file, not a folder")
            }
            return
        }
        let error = errno
        if error == ENOTDIR, let file = firstFile(above: folder) {
            throw SessionStoreError.unavailable(path: databasePath, detail: "\(file) is a file, not a folder")
        }
        guard error == ENOENT else {
            throw SessionStoreError.unavailable(path: databasePath, detail: "cannot reach \(folder): \(String(cString: strerror(error)))")
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        if parent != folder { try makeFolders(parent, databasePath: databasePath) }
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw SessionStoreError.unavailable(path: databasePath, detail: "cannot create the folder \(folder): \(String(cString: strerror(errno)))")
        }
    }
}
