import Foundation

/// Turns command-line paths into the inputs to read.
public enum InputFiles {
    /// `-` becomes standard input; a directory becomes every regular, non-hidden file below it
    /// (recursively, hidden directories skipped), sorted by path; a file is itself. A path that does
    /// not exist or a directory that cannot be listed throws.
    public static func expand(_ paths: [String]) throws(IngestError) -> [InputFile] {
        var inputs: [InputFile] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .missingInput(path: path)
            }
            if isDirectory.boolValue {
                inputs += try filesBelow(path).map { InputFile(path: $0, isFromDirectory: true) }
            } else {
                inputs.append(InputFile(path: path))
            }
        }
        return inputs
    }

    private static func filesBelow(_ directory: String) throws(IngestError) -> [String] {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        var failure: String?
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles],
            errorHandler: { url, error in
                failure = "\(url.path): \(error.localizedDescription)"
                return false
            }
        ) else {
            throw .unreadableDirectory(path: directory, reason: "cannot be listed")
        }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files.append(directory.hasSuffix("/") ? directory + url.path.dropFirst(root.path.count + 1)
                                                  : directory + "/" + url.path.dropFirst(root.path.count + 1))
        }
        if let failure { throw .unreadableDirectory(path: directory, reason: failure) }
        return files.sorted()
    }
}
