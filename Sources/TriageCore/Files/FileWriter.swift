import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file Triage writes goes through here. Two kinds:
/// - a path the user named (`--transcript FILE`) is written *into*: never replaced by a rename, so an existing
///   file keeps its mode and owner; special files and symbolic links are refused; an existing file is only
///   overwritten when asked (`--force`); the folder must exist.
/// - Triage's own files (the state file, saved transcripts) are replaced atomically (a temporary file renamed
///   over the old one) and created private: folders 700, files 600; a mode the user set is kept.
/// Short writes, full disks and I/O errors are errors, never ignored.
public enum FileWriter {
    /// Writes all of `data` to an open descriptor, retrying short writes and EINTR.
    public static func writeAll(_ data: Data, to descriptor: Int32, path: String = "") throws {
        try data.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
    }

    /// Writes all of `buffer` to an open descriptor, retrying short writes and EINTR.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String = "") throws {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = write(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: path, errno: errno)
            }
            if written == 0 { throw FileWriteError(path: path, errno: EIO) }
            pointer += written
            remaining -= written
        }
    }

    /// Writes `data` into the file at `path` that a person named. See the type's documentation. Missing folders
    /// are created (700) only with `createFolders`; the folders created are returned, so the caller can say so.
    @discardableResult
    public static func writeUserFile(_ data: Data, to path: String, overwrite: Bool,
                                     createFolders: Bool = false) throws -> [String] {
        var created: [String] = []
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: "no file name given") }
        var info = stat()
        if lstat(path, &info) == 0 {
            if let kind = specialKind(info.st_mode) {
                throw FileWriteError(path: path, reason: "is \(kind), not a regular file; give the name of a file to write")
            }
            guard overwrite else {
                throw FileWriteError(path: path, reason: "already exists; add --force to overwrite it")
            }
        } else if errno == ENOENT {
            let folder = (path as NSString).deletingLastPathComponent
            var folderInfo = stat()
            if !folder.isEmpty, stat(folder, &folderInfo) != 0 {
                guard createFolders else { throw FileWriteError(path: path, reason: "the folder \(folder) does not exist") }
                created = try missingFolders(folder)
                try makePrivateFolder(folder)
                _ = stat(folder, &folderInfo)
            }
            if !folder.isEmpty, folderInfo.st_mode & S_IFMT != S_IFDIR {
                throw FileWriteError(path: path, reason: "\(folder) is not a folder")
            }
        } else {
            throw FileWriteError(path: path, errno: errno)
        }
        // O_NOFOLLOW and the fstat below close the race between the check and the open.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw FileWriteError(path: path, reason: "is a symbolic link, not a regular file; give the name of a file to write") }
            throw FileWriteError(path: path, errno: errno)
        }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw FileWriteError(path: path, reason: "is not a regular file; give the name of a file to write")
        }
        try finish(descriptor, data: data, path: path, truncate: true)
        return created
    }

    /// The folders of `path` that do not exist yet, outermost first.
    private static func missingFolders(_ path: String) throws -> [String] {
        var missing: [String] = []
        var current = path
        var info = stat()
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            missing.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        return missing
    }

    /// Replaces Triage's own file at `path` atomically. A new file is created 600 (its missing folders 700); an
    /// existing file keeps its mode.
    public static func replacePrivateFile(_ data: Data, at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try makePrivateFolder(folder) }
        var mode: mode_t = 0o600
        var existing = stat()
        if stat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG { mode = existing.st_mode & 0o7777 }
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError(path: path, errno: errno) }
        do {
            if mode != 0o600 { _ = fchmod(descriptor, mode) }
            try finish(descriptor, data: data, path: path, truncate: false)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, errno: code)
        }
    }

    /// Creates `path` and its missing parents with mode 700; folders that exist are left as they are.
    public static func makePrivateFolder(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw FileWriteError(path: path, reason: "is not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makePrivateFolder(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw FileWriteError(path: path, errno: errno) }
    }

    /// Writes, syncs and closes; any failure (ENOSPC, EIO, also from fsync and close) is thrown.
    private static func finish(_ descriptor: Int32, data: Data, path: String, truncate: Bool) throws {
        do {
            if truncate, ftruncate(descriptor, 0) != 0 { throw FileWriteError(path: path, errno: errno) }
            try writeAll(data, to: descriptor, path: path)
            if fsync(descriptor) != 0, errno != EINVAL, errno != EROFS { throw FileWriteError(path: path, errno: errno) }
        } catch {
            close(descriptor)
            throw error
        }
        if close(descriptor) != 0, errno != EINTR { throw FileWriteError(path: path, errno: errno) }
    }

    /// "a FIFO", "a device", ... for anything but a regular file (`SharedFile.kind`, the one wording).
    private static func specialKind(_ mode: mode_t) -> String? { SharedFile.kind(of: mode) }
}
