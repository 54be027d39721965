import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a
/// temporary file in the same directory, which is then renamed over the
/// destination. Missing parent directories are created. On failure no
/// temporary file is left behind and an existing destination is untouched.
public enum AtomicWrite {
    /// Writes `data` to `path` atomically.
    /// - Throws: ``GraphFormatsError/io(path:_:)`` naming the path and the reason.
    /// - Complexity: O(n) in the size of `data`.
    public static func write(_ data: Data, to path: String) throws(GraphFormatsError) {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw .io(path: path, "is a directory")
        }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, "cannot create directory \(dir.path): \(reason(error))")
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temp, options: [.withoutOverwriting])
        } catch {
            try? fm.removeItem(at: temp)
            throw .io(path: path, "cannot write: \(reason(error))")
        }
        // rename(2) replaces the destination atomically on the same file system.
        if rename(temp.path, url.path) != 0 {
            let message = String(cString: strerror(errno))
            try? fm.removeItem(at: temp)
            throw .io(path: path, "cannot replace file: \(message)")
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: O(n) in the length of `text`.
    public static func write(_ text: String, to path: String) throws(GraphFormatsError) {
        try write(Data(text.utf8), to: path)
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}
