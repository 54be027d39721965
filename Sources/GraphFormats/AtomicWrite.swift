import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one.
///
/// - A regular file (or a new one) is replaced atomically: the bytes go to an
///   unnamed temporary file in the same directory (Linux `O_TMPFILE`), are
///   flushed to disk (`fsync`), linked under a temporary name and renamed over
///   the destination. A `kill -9` while the bytes are written leaves nothing
///   behind (the unnamed file vanishes with the process). Where `O_TMPFILE` is
///   not supported, a named temporary file is used instead (removed on failure).
///   The replaced file keeps its permission bits (a 600 file stays 600);
///   a new file gets 666 less the umask, like any other tool.
/// - A destination that exists and is not a regular file (a device such as
///   `/dev/stdout` or `/dev/full`, a FIFO, a socket) is written through, not
///   replaced: a write error (`/dev/full`: no space left) is reported.
/// - A symbolic link is followed: its target is replaced, the link stays.
/// - The path `-` means standard output.
/// - Missing parent directories are created.
///
/// On failure an existing destination is untouched.
public enum AtomicWrite {
    /// The path that means standard output.
    public static let standardOutputPath = "-"

    /// Writes `data` to `path` atomically (see ``AtomicWrite``).
    /// - Throws: ``GraphFormatsError/io(path:_:)`` naming the path and the reason.
    /// - Complexity: O(n) in the size of `data`.
    public static func write(_ data: Data, to path: String) throws(GraphFormatsError) {
        try write(data, to: path, afterBytesWritten: {})
    }

    /// ``write(_:to:)`` calling `afterBytesWritten` once every byte is written and
    /// flushed, before the file gets a name (tests look at the directory then: a
    /// `kill -9` at that moment must leave nothing behind).
    static func write(_ data: Data, to path: String, afterBytesWritten: () -> Void) throws(GraphFormatsError) {
        try stream(to: path, { fd throws(GraphFormatsError) in
            try writeAll(data, to: fd, path: path == standardOutputPath ? "standard output" : path)
        }, afterBytesWritten: afterBytesWritten)
    }

    /// Writes to `path` as ``write(_:to:)`` does, the bytes produced by `body`
    /// writing to the file descriptor it is given (standard output, the device
    /// or FIFO written through, or the temporary file renamed over `path` once
    /// `body` returns). When `body` throws, a file is left as it was and the
    /// temporary file removed; what already went to standard output, a device
    /// or a FIFO stays written.
    /// - Throws: `body`'s error, or ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: `body`'s, plus O(1) system calls.
    static func stream(
        to path: String, _ body: (Int32) throws(GraphFormatsError) -> Void, afterBytesWritten: () -> Void = {}
    ) throws(GraphFormatsError) {
        if path == standardOutputPath {
            try body(STDOUT_FILENO)
            return
        }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            // Follow the link so the link itself survives; a dangling link's target is created.
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            } else if let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                target = dest.hasPrefix("/") ? dest : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(dest).path
            }
        }
        // A new file gets 666 less the umask (applied by open); a replaced one keeps its bits.
        var mode: mode_t?
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw .io(path: path, "is a directory")
            case S_IFREG: mode = info.st_mode & 0o7777
            default:
                try writeThrough(body, to: target, path: path)
                return
            }
        }
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, "cannot create directory \(dir.path): \(reason(error))")
        }
        if try writeUnnamed(body, directory: dir.path, to: target, mode: mode, path: path, afterBytesWritten) { return }
        try writeNamed(body, directory: dir, to: target, mode: mode, path: path, afterBytesWritten)
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: O(n) in the length of `text`.
    public static func write(_ text: String, to path: String) throws(GraphFormatsError) {
        try write(Data(text.utf8), to: path)
    }

    /// Whether two paths name the same existing file (same device and inode),
    /// however they are spelt (`./a.yaml`, a symlink, a hard link).
    /// - Complexity: O(1) (two `stat` calls).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a != standardOutputPath, b != standardOutputPath else { return false }
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    // MARK: - Steps

    /// `O_TMPFILE` + `linkat`: returns false when the file system does not support it.
    private static func writeUnnamed(
        _ body: (Int32) throws(GraphFormatsError) -> Void, directory: String, to target: String, mode: mode_t?, path: String, _ hook: () -> Void
    ) throws(GraphFormatsError) -> Bool {
        #if os(Linux)
        let fd = open(directory, oTmpFile | O_WRONLY | O_CLOEXEC, mode ?? 0o666)
        guard fd >= 0 else { return false }
        var closed = false
        defer { if !closed { close(fd) } }
        try body(fd)
        if let mode { _ = fchmod(fd, mode) }
        guard fsync(fd) == 0 else { throw .io(path: path, "cannot write: \(String(cString: strerror(errno)))") }
        hook()
        let temp = temporaryName(in: directory, for: target)
        let linked = "/proc/self/fd/\(fd)".withCString { source in
            linkat(AT_FDCWD, source, AT_FDCWD, temp, AT_SYMLINK_FOLLOW)
        }
        guard linked == 0 else { return false }  // no /proc: fall back to a named file
        close(fd)
        closed = true
        try replace(temp, target, directory: directory, path: path)
        return true
        #else
        return false
        #endif
    }

    /// A named temporary file, removed on failure.
    private static func writeNamed(
        _ body: (Int32) throws(GraphFormatsError) -> Void, directory: URL, to target: String, mode: mode_t?, path: String, _ hook: () -> Void
    ) throws(GraphFormatsError) {
        let temp = temporaryName(in: directory.path, for: target)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard fd >= 0 else { throw .io(path: path, "cannot write: \(String(cString: strerror(errno)))") }
        do throws(GraphFormatsError) {
            try body(fd)
            if let mode { _ = fchmod(fd, mode) }
            guard fsync(fd) == 0 else { throw GraphFormatsError.io(path: path, "cannot write: \(String(cString: strerror(errno)))") }
            hook()
            close(fd)
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        try replace(temp, target, directory: directory.path, path: path)
    }

    /// Renames `temp` over `target` and flushes the directory entry.
    private static func replace(_ temp: String, _ target: String, directory: String, path: String) throws(GraphFormatsError) {
        // rename(2) replaces the destination atomically on the same file system.
        if rename(temp, target) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temp)
            throw .io(path: path, "cannot replace file: \(message)")
        }
        let dirFD = open(directory, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// Writes into an existing non-regular file (device, FIFO) without replacing it.
    private static func writeThrough(
        _ body: (Int32) throws(GraphFormatsError) -> Void, to target: String, path: String
    ) throws(GraphFormatsError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, "cannot open for writing: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try body(fd)
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(GraphFormatsError) {
        let failure: String? = data.withUnsafeBytes { raw -> String? in
            guard var base = raw.baseAddress else { return nil }
            var left = raw.count
            while left > 0 {
                let n = Foundation.write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                left -= n
                base += n
            }
            return nil
        }
        if let failure { throw .io(path: path, "cannot write: \(failure)") }
    }

    private static func temporaryName(in directory: String, for target: String) -> String {
        let name = URL(fileURLWithPath: target).lastPathComponent
        return URL(fileURLWithPath: directory).appendingPathComponent(".\(name).\(UUID().uuidString).tmp").path
    }

    #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), a macro Swift does not import.
    private static var oTmpFile: Int32 {
        #if arch(x86_64) || arch(i386)
        return 0o20000000 | O_DIRECTORY
        #else
        return 0o20000000 | O_DIRECTORY  // asm-generic value (aarch64, riscv64)
        #endif
    }
    #endif

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}
