import Foundation
import Ingest

/// The bundled demo logs (`demo-data/` at the package root) and where to find them.
public enum DemoData {
    public static let directoryName = "demo-data"

    /// The first `demo-data/` directory in the current directory, then beside or above the
    /// executable, then above this source file (a `swift run` from anywhere in a checkout).
    public static func locate(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: URL? = Bundle.main.executableURL,
        sourceFile: String = #filePath
    ) throws -> URL {
        let searched = searchedDirectories(currentDirectory: currentDirectory, executable: executable,
                                           sourceFile: sourceFile)
        if let found = searched.first(where: isDirectory) { return found }
        throw CommandFailure("""
            cannot find \(directoryName)/ (looked in \(searched.map(\.path).joined(separator: ", "))); \
            run from the smbtriage checkout, or load your own logs with `smbtriage ingest`
            """)
    }

    /// The log files below `directory`, without its documentation (`*.md`).
    public static func inputs(in directory: URL) throws -> [InputFile] {
        do {
            return try InputFiles.expand([directory.path]).files.filter { !$0.path.hasSuffix(".md") }
        } catch {
            throw CommandFailure("cannot list \(directory.path): \(error)")
        }
    }

    private static func searchedDirectories(currentDirectory: String, executable: URL?,
                                            sourceFile: String) -> [URL] {
        let starts = [URL(fileURLWithPath: currentDirectory, isDirectory: true)]
            + ancestors(of: executable?.resolvingSymlinksInPath().deletingLastPathComponent())
            + ancestors(of: URL(fileURLWithPath: sourceFile).deletingLastPathComponent())
        var seen: Set<String> = []
        return starts.map { $0.appendingPathComponent(directoryName, isDirectory: true).standardizedFileURL }
            .filter { seen.insert($0.path).inserted }
    }

    /// `directory` and every directory above it.
    private static func ancestors(of directory: URL?) -> [URL] {
        guard var current = directory?.standardizedFileURL else { return [] }
        var result = [current]
        while current.path != "/" {
            current.deleteLastPathComponent()
            result.append(current)
        }
        return result
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
