import Foundation

// generate-demo-data [FOLDER]: writes the demo data set (default folder: demo-data) and its
// README, then prints the expected counts. The same seed and base day give the same bytes on
// every run.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count <= 1, arguments.first?.hasPrefix("-") != true else {
    FileHandle.standardError.write(Data("usage: generate-demo-data [FOLDER]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments.first ?? "demo-data", isDirectory: true)

let story = Story.generate(seed: DemoDataSet.seed)
let counts = DemoDataSet.files(story).map(FileCounts.init)
let readme = DemoReadme(story: story, files: counts)

do {
    for file in counts.map(\.file) {
        let url = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: url)
    }
    try Data(readme.text.utf8).write(to: folder.appendingPathComponent("README.md"))
} catch {
    FileHandle.standardError.write(Data("generate-demo-data: cannot write \(folder.path): \(error)\n".utf8))
    exit(1)
}

print(readme.countsTable)
print(readme.totalsSummary)
