import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for every file Triage reads from a place others may share (the compiled catalog cache, the stored
/// search index, the state file, the sessions database, a user catalog's YAML): it must be a regular file, owned by
/// the user or root, and not writable by others. A file that fails is ignored and rebuilt (cache, index, state) or
/// refused with the reason (database, catalog); the caller decides which.
///
/// Opening never blocks: `O_NONBLOCK`, then `fstat` on the descriptor, so a FIFO (or a link to one) is refused
/// before any read, and the checks are made on the file actually opened. Reads are bounded by a limit checked
/// against the real length read, never allocated from the size the file claims (a sparse 30 GB file costs nothing).
public enum SharedFile {
    /// Why a file was not trusted or not read.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// No file there (nothing to ignore).
        case missing
        /// A folder, FIFO, device, socket: never read.
        case notRegular(kind: String)
        /// Owned by another user (and, for a shared database, not shared with the user's group).
        case foreignOwner(uid: UInt32)
        /// Others (or, for a personal file, anyone but the owner's group) may write it.
        case writableByOthers
        /// Bigger than the caller's limit.
        case tooLarge(bytes: Int, limit: Int)
        /// The system refused to open or read it.
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: return "no such file"
            case let .notRegular(kind): return "it is \(kind), not a regular file"
            case let .foreignOwner(uid):
                return "it belongs to another user (uid \(uid)); Triage only reads such files when they are yours or root's"
            case .writableByOthers: return "anyone may write it (mode o+w); Triage does not trust such files"
            case let .tooLarge(bytes, limit):
                return "it is \(CatalogLimits.describe(bytes)); at most \(CatalogLimits.describe(limit)) is read"
            case let .unreadable(reason): return "cannot read it: \(reason)"
            }
        }
    }

    /// Who may own a trusted file besides the user and root.
    public enum Sharing: Sendable {
        /// Only the user or root (caches, indexes, the state file, catalog files).
        case personal
        /// Also a group-writable file of one of the user's groups (a team's database: README "A team database").
        case group
    }

    /// The problem with a file described by `info`, or nil when it may be trusted.
    public static func problem(with info: stat, sharing: Sharing = .personal) -> Problem? {
        if let kind = kind(of: info.st_mode) { return .notRegular(kind: kind) }
        if info.st_mode & S_IWOTH != 0 { return .writableByOthers }
        let user = geteuid()
        if info.st_uid == user || info.st_uid == 0 { return nil }
        if sharing == .group, info.st_mode & S_IWGRP != 0, isMember(of: info.st_gid) { return nil }
        return .foreignOwner(uid: UInt32(info.st_uid))
    }

    /// The problem with the file at `path` (links followed), without opening it: for files another library opens
    /// (SQLite). `.missing` when there is none.
    public static func problem(at path: String, sharing: Sharing = .personal) -> Problem? {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))) }
        return problem(with: info, sharing: sharing)
    }

    /// Opens `path` read-only without blocking and checks the opened file. The caller closes the descriptor.
    public static func open(_ path: String, sharing: Sharing = .personal) -> Result<(descriptor: Int32, info: stat), Problem> {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            return .failure(.unreadable(reason))
        }
        if let problem = problem(with: info, sharing: sharing) {
            close(descriptor)
            return .failure(problem)
        }
        return .success((descriptor, info))
    }

    /// The whole of a trusted file at `path`, at most `limit` bytes.
    public static func read(_ path: String, limit: Int, sharing: Sharing = .personal) -> Result<[UInt8], Problem> {
        switch open(path, sharing: sharing) {
        case let .failure(problem): return .failure(problem)
        case let .success((descriptor, info)):
            defer { close(descriptor) }
            let claimed = Int(info.st_size)
            guard claimed <= limit else { return .failure(.tooLarge(bytes: claimed, limit: limit)) }
            return BoundedRead.all(descriptor, limit: limit, expected: claimed).mapError { $0.problem }
        }
    }

    /// True when `group` is the user's group or one of its supplementary groups.
    static func isMember(of group: gid_t) -> Bool {
        if getegid() == group { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return filled > 0 && groups[0..<Int(filled)].contains(group)
    }

    /// "a FIFO (named pipe)", "a folder", ... for anything but a regular file.
    public static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
