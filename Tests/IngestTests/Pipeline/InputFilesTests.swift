import Testing
@testable import Ingest

@Suite struct InputFilesTests {
    @Test func directoriesExpandRecursivelySortedWithoutHiddenFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["b.log", "a/z.json", "a/c/d.gz", ".hidden", ".git/config", "a/.secret"] {
            try directory.write(name, text: "x")
        }
        let inputs = try InputFiles.expand([directory.path, "-", directory.path + "/b.log"])
        #expect(inputs.map(\.path) == [
            directory.path + "/a/c/d.gz", directory.path + "/a/z.json", directory.path + "/b.log",
            "-", directory.path + "/b.log",
        ])
        #expect(inputs[3] == .standardInput)
        #expect(inputs[3].displayName == "(stdin)")
    }

    @Test func missingPathsThrow() {
        #expect(throws: IngestError.missingInput(path: "/nonexistent/logs")) {
            try InputFiles.expand(["/nonexistent/logs"])
        }
        #expect(IngestError.missingInput(path: "/x").description == #""/x": no such file or directory"#)
    }
}
