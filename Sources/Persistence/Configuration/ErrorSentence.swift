import Foundation

/// Foundation's file errors as the sentence a person at a terminal needs ("folder exports/ does not exist"),
/// never `Error Domain=NSCocoaErrorDomain Code=4 …`. Other errors keep their own description, which in this
/// code base is already a sentence.
public enum ErrorSentence {
    public static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return String(describing: error) }
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (ns.domain == NSPOSIXErrorDomain ? ns.code : nil)
        let named = path.map { "\($0)" } ?? "the file"
        switch (ns.code, posix) {
        case (_, Int(ENOENT)?), (CocoaError.fileNoSuchFile.rawValue, _), (CocoaError.fileReadNoSuchFile.rawValue, _):
            guard let path else { return "a file or folder does not exist" }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) { return "folder \(folder)/ does not exist (needed for \(path))" }
            return "\(path) does not exist"
        case (_, Int(EACCES)?), (_, Int(EPERM)?), (CocoaError.fileReadNoPermission.rawValue, _), (CocoaError.fileWriteNoPermission.rawValue, _):
            return "no permission to use \(named)"
        case (_, Int(ENOSPC)?), (CocoaError.fileWriteOutOfSpace.rawValue, _):
            return "the disk is full: \(named) could not be written"
        case (_, Int(EROFS)?), (CocoaError.fileWriteVolumeReadOnly.rawValue, _):
            return "\(named) is on a read-only disk"
        case (_, Int(EISDIR)?):
            return "\(named) is a folder, not a file"
        case (_, Int(ENOTDIR)?):
            return "part of \(named) is a file, not a folder"
        case (_, Int(EEXIST)?), (CocoaError.fileWriteFileExists.rawValue, _):
            return "\(named) exists already"
        case (CocoaError.fileReadCorruptFile.rawValue, _), (CocoaError.fileReadInapplicableStringEncoding.rawValue, _):
            return "\(named) could not be read as text (is it UTF-8?)"
        default:
            return "\(named): \(ns.localizedDescription)"
        }
    }
}
