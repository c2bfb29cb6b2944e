import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file size limit (`ulimit -f`): its signal, SIGXFSZ, would kill triage in the middle of a write (no
/// message, a temporary file left behind). Ignored, the write fails with EFBIG ("File too large") instead, and
/// every writer reports it the way it reports a full disk and removes its temporary file.
enum FileSizeLimit {
    /// Call first thing in `main`, before any file is written.
    static func reportInsteadOfDying() { signal(SIGXFSZ, SIG_IGN) }
}
