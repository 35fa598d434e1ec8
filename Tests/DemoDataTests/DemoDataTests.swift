import Foundation
import Testing

/// Holds the committed demo-data/ folder to what its README promises: every listed file exists and
/// is non-empty, the folder stays small, every JSON line parses, the counts per file match an
/// independent count, and the hostile record is there but escaped.
@Suite struct DemoDataTests {
    /// demo-data/ at the package root, found from this file's path.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo-data", isDirectory: true)

    static let jsonFormats: Set = ["ecs", "zeek-json", "suricata", "sysmon"]

    private func table() throws -> ReadmeCountsTable {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        return try ReadmeCountsTable(readme: readme)
    }

    private func contents(_ row: ReadmeCountsTable.Row) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent(row.path), encoding: .utf8)
    }

    /// Every file under demo-data/, as paths relative to it.
    private func filesOnDisk() throws -> [String: Int] {
        let enumerator = try #require(FileManager.default.enumerator(
            at: Self.folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]
        ))
        var sizes: [String: Int] = [:]
        let root = Self.folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            guard values.isRegularFile == true else { continue }
            sizes[String(url.standardizedFileURL.path.dropFirst(root.count))] = values.fileSize ?? 0
        }
        return sizes
    }

    @Test func theReadmeListsEveryFormat() throws {
        let formats = Set(try table().rows.map(\.format))
        #expect(formats == ["ecs", "zeek-tsv", "zeek-json", "suricata", "panos", "sysmon"])
    }

    @Test func everyListedFileExistsIsNonEmptyAndTheFolderIsSmall() throws {
        let sizes = try filesOnDisk()
        let listed = try table().rows.map(\.path)
        for path in listed {
            #expect((sizes[path] ?? 0) > 0, "\(path) is missing or empty")
        }
        #expect(Set(sizes.keys) == Set(listed + ["README.md"]), "files on disk and the README's table differ")
        #expect(sizes.values.reduce(0, +) <= 3 * 1024 * 1024)
    }

    @Test func everyLineOfEveryJSONFileIsAJSONObject() throws {
        for row in try table().rows where Self.jsonFormats.contains(row.format) {
            for (number, line) in try contents(row).split(separator: "\n").enumerated() {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
                #expect(object is [String: Any], "\(row.path):\(number + 1) is not a JSON object")
            }
        }
    }

    @Test func countsPerFileMatchTheReadme() throws {
        for row in try table().rows {
            let counted = try DemoFileCounter(format: row.format, text: try contents(row))
            #expect(counted.records == row.records, "\(row.path): records")
            #expect(counted.events == row.events, "\(row.path): network events")
            #expect(counted.smbEvents == row.smbEvents, "\(row.path): SMB events")
            #expect(counted.keptEvents == row.keptEvents, "\(row.path): kept SMB events")
            #expect(row.alerts <= row.keptEvents, "\(row.path): more alerts than kept events")
        }
    }

    @Test func theHostileRecordIsPresentAndEscaped() throws {
        var hostileLines = 0
        for row in try table().rows {
            let text = try contents(row)
            let rawControls = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }
            #expect(rawControls.isEmpty, "\(row.path) holds raw control characters")
            hostileLines += text.split(separator: "\n").filter { $0.contains("\\u001b]0;pwned\\u0007") }.count
        }
        #expect(hostileLines == 1)
    }

    @Test func csvSplittingKeepsQuotedAndBracedCommas() {
        let fields = DemoFileCounter.splitCSV("a,\"Korea, Republic of\",{e1, e2},b")
        #expect(fields == ["a", "Korea, Republic of", "{e1, e2}", "b"])
    }
}
