import Foundation
import Testing
@testable import Ingest
import TestSupport

@Suite struct InputFilesTests {
    @Test func directoriesExpandRecursivelySortedWithoutHiddenFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["b.log", "a/z.json", "a/c/d.gz", ".hidden", ".git/config", "a/.secret"] {
            try directory.write(name, text: "x")
        }
        let listing = try InputFiles.expand([directory.path, "-", directory.path + "/b.log"])
        let expected = [
            directory.path + "/a/c/d.gz", directory.path + "/a/z.json", directory.path + "/b.log",
            "-", directory.path + "/b.log",
        ]
        #expect(listing.files.map(\.path) == expected)
        #expect(listing.files[3] == .standardInput)
        #expect(listing.files[3].displayName == "(stdin)")
        #expect(listing.skipped.isEmpty)
    }

    @Test func missingPathsThrow() {
        #expect(throws: IngestError.missingInput(path: "/nonexistent/logs")) {
            try InputFiles.expand(["/nonexistent/logs"])
        }
        #expect(IngestError.missingInput(path: "/x").description == #""/x": no such file or directory"#)
    }

    @Test func symbolicLinksAreFollowedAndLinkedDirectoriesReadOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let elsewhere = try TemporaryDirectory()
        defer { elsewhere.remove() }
        try directory.write("logs/conn.log", text: "x")
        try elsewhere.write("eve.json", text: "x")
        try elsewhere.write("more/flows.ndjson", text: "x")
        let manager = FileManager.default
        let logs = directory.path + "/logs"
        try manager.createSymbolicLink(atPath: logs + "/linked-file.log", withDestinationPath: elsewhere.path + "/eve.json")
        try manager.createSymbolicLink(atPath: logs + "/linked-dir", withDestinationPath: elsewhere.path)
        try manager.createSymbolicLink(atPath: logs + "/second-link", withDestinationPath: elsewhere.path)
        try manager.createSymbolicLink(atPath: elsewhere.path + "/more/loop", withDestinationPath: elsewhere.path)
        try manager.createSymbolicLink(atPath: logs + "/up", withDestinationPath: logs)
        try manager.createSymbolicLink(atPath: logs + "/dangling.log", withDestinationPath: directory.path + "/gone")
        #expect(mkfifo(logs + "/pipe", 0o600) == 0)

        let listing = try InputFiles.expand([logs])
        #expect(listing.files.map(\.path) == [
            logs + "/conn.log", logs + "/linked-dir/eve.json", logs + "/linked-dir/more/flows.ndjson",
            logs + "/linked-file.log",
        ])
        #expect(listing.files.allSatisfy { $0.isFromDirectory })
        #expect(listing.skipped.map(\.path) == [
            logs + "/dangling.log", logs + "/linked-dir/more/loop", logs + "/pipe", logs + "/second-link", logs + "/up",
        ])
        #expect(listing.skipped[0].reason == "symbolic link to nothing readable (No such file or directory)")
        #expect(listing.skipped[1].reason == "symbolic link to a directory already read (a loop or a second link)")
        #expect(listing.skipped[2].reason == "no regular file")
        #expect(listing.skipped[2].description == "\"\(logs)/pipe\": skipped: no regular file")
    }
}
