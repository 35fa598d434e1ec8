@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing

@Suite("Display text")
struct TextTests {
    @Test("a host's alert row's reason leaves out the source and destination its row shows elsewhere")
    func shortReason() {
        let event = NetworkEvent(sourceIPs: [IPAddress("10.1.2.3")!], sourcePort: 52144,
                                 destinationIPs: [IPAddress("2001:db8::1")!], destinationPort: 445)
        let reason = "network event with source 10.1.2.3:52144, destination 2001:db8::1:445, by alice, on zeek-hq, "
            + "created high alert SMB (Windows File Sharing) Activity to the Internet."
        #expect(ReasonText.short(reason, of: event)
            == "by alice, on zeek-hq, created high alert SMB (Windows File Sharing) Activity to the Internet.")
        let other = NetworkEvent(sourceIPs: [IPAddress("10.9.9.9")!], destinationIPs: [IPAddress("8.8.8.8")!])
        #expect(ReasonText.short(reason, of: other) == String(reason.dropFirst("network event with ".count)),
                "another record's endpoints stay")
        #expect(ReasonText.short("closed by hand", of: event) == "closed by hand")
        #expect(ReasonText.short("network event with source 10.1.2.3:52144, destination 2001:db8::1:445", of: event)
            == "network event")
    }

    @Test("an elided value keeps both of its ends around …, the start taking the odd column")
    func elided() {
        #expect(DisplayText.elided("2001:db8:85a3:1234:5678:8a2e:370:7334", to: 15) == "2001:db…70:7334")
        #expect(DisplayText.elided("10.1.2.3", to: 15) == "10.1.2.3")
        #expect(DisplayText.elided("財務部-PC-01", to: 8) == "財務…-01")
        #expect(DisplayText.elided("abc", to: 1) == "…")
        #expect(DisplayText.elided("a\u{1b}[2Jb", to: 40) == "a\\x1b[2Jb")
        #expect(DisplayWidth.of(DisplayText.elided(String(repeating: "界", count: 30), to: 10)) <= 10)
    }

    @Test("wide and fullwidth characters and emoji take two columns, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("財務部-PC") == 9)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("🔥x") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("plain") == 5)
    }

    @Test("control characters, escape sequences and bidi overrides are escaped")
    func sanitizing() {
        #expect(DisplayText.sanitized("a\u{1B}[31mb\u{7}\n\t\r\u{7F}\u{9B}") == #"a\x1b[31mb\x07\n\t\r\x7f\x9b"#)
        #expect(DisplayText.sanitized("\u{202E}exe") == #"\u{202e}exe"#)
        #expect(DisplayText.sanitized("財務部-PC") == "財務部-PC")
    }

    @Test("a literal backslash is doubled when anything is escaped, so logged escape text stays apart")
    func backslashes() {
        #expect(DisplayText.sanitized(#"C:\Users\x1b"#) == #"C:\Users\x1b"#)
        #expect(DisplayText.sanitized("\u{1B}\\x1b") == #"\x1b\\x1b"#)
    }

    @Test("truncation never splits a wide character and marks the cut")
    func truncation() {
        #expect(DisplayText.truncated("財務部-PC", to: 6) == "財務…")
        #expect(DisplayText.fitted("財務", to: 6) == "財務  ")
        #expect(DisplayText.truncated("short", to: 10) == "short")
        #expect(DisplayText.capped("abcdef", at: 3) == "abc…")
        #expect(DisplayText.capped("abc", at: 3) == "abc")
        #expect(DisplayText.truncated(String(repeating: "x", count: 1_000_000), to: 5) == "xxxx…")
        #expect(DisplayText.truncated("ab" + String(repeating: "\u{200B}", count: 500), to: 5) == "ab" + String(repeating: "\u{200B}", count: 67) + "…")
    }

    @Test("wrapping breaks at spaces and splits words longer than a line")
    func wrapping() {
        #expect(DisplayText.wrapped("one two three", to: 7) == ["one two", "three"])
        #expect(DisplayText.wrapped("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayText.wrapped("ab 財務部財務部 cd", to: 4) == ["ab", "財務", "部財", "務部", "cd"])
        #expect(DisplayText.wrapped("財務部 x", to: 1) == ["財", "務", "部", "x"])
    }

    @Test("a screen keeps wide characters aligned and never stores control characters")
    func drawing() {
        var screen = Screen(width: 8, height: 2)
        let end = screen.draw("財務部-PC", row: 0, column: 0)
        #expect(end == 8)
        #expect(screen[0, 0].grapheme == "財")
        #expect(screen[0, 1].grapheme == "")
        #expect(screen[0, 6].grapheme == "-")
        screen.draw("x\u{1B}y", row: 1, column: 0)
        #expect(screen.text() == "財務部-P\nx\\x1by")
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                #expect(!screen[row, column].grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
        }
    }

    @Test("a JSON raw record is pretty-printed first and p shows the original line; other records stay as they are")
    func rawRecordPretty() throws {
        var flow = try #require(Fixture.standard().flows.first)
        var record = RawRecord(flow, width: 80)
        #expect(record.isPretty)
        #expect(record.lines.first == "{")
        #expect(record.lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(#""id.orig_h" : "10.1.2.3""#) })
        record.scroll = 3
        record.togglePretty()
        #expect(!record.isPretty && record.scroll == 0)
        #expect(record.lines.joined() == flow.origin.original)
        flow.origin.original = "1764500000.0\tCAbc\t10.1.2.3\t49152\t8.8.8.8\t445"
        var tsv = RawRecord(flow, width: 80)
        #expect(!tsv.isPretty)
        tsv.togglePretty()
        #expect(!tsv.isPretty && tsv.lines.count == 1)
    }

    @Test("a huge raw record is cut, and the overlay says so")
    func rawRecordLimit() throws {
        var flow = try #require(Fixture.standard().flows.first)
        flow.origin.original = String(repeating: "A", count: 100_000)
        let record = RawRecord(flow, width: 80)
        #expect(record.lines.count == 65_536 / 80 + 1)
        #expect(record.lineCount == 65_536 / 80 + 2)
        #expect(record.cutNotice == "… cut after 65,536 of 100,000 characters")
        var scrolled = record
        scrolled.scroll = record.lineCount
        let box = Box(top: 1, left: 0, width: 84, height: 20)
        let visible = RawView.visibleRawLines(scrolled, box: box, theme: Theme(color: false))
        #expect(visible.count == box.innerHeight)
        #expect(visible.last?.runs.first?.text == "… cut after 65,536 of 100,000 characters")
    }

    @Test("byte counts, grouping and sparklines")
    func numbers() {
        #expect(NumberText.bytes(512) == "512 B")
        #expect(NumberText.bytes(48_234_112) == "46 MiB")
        #expect(NumberText.bytes(1536) == "1.5 KiB")
        #expect(NumberText.grouped(1_000_000) == "1,000,000")
        #expect(NumberText.sparkline([0, 1, 4, 8]) == " ▁▄█")
    }

    @Test("alert and connection counts are grouped and singular for one")
    func counts() {
        #expect(Update.alertCount(1, "open") == "1 open alert")
        #expect(Update.alertCount(12_400) == "12,400 alerts")
        #expect(Update.connectionCount(1) == "1 connection")
        #expect(Update.connectionCount(3_000) == "3,000 connections")
    }

    @Test("cutting at words never splits an address and always ends in an ellipsis")
    func truncatedAtWords() {
        let text = "this host → destination: 10.20.5.20 → 20.60.1.2"
        #expect(DisplayText.truncatedAtWords(text, to: 60) == text)
        #expect(DisplayText.truncatedAtWords(text, to: 45) == "this host → destination: 10.20.5.20 → …")
        #expect(DisplayText.truncatedAtWords(text, to: 40) == "this host → destination: 10.20.5.20 → …")
        #expect(DisplayText.truncatedAtWords(text, to: 37) == "this host → destination: 10.20.5.20 …")
        #expect(DisplayText.truncatedAtWords(text, to: 36) == "this host → destination: …")
        #expect(DisplayText.truncatedAtWords("20.60.1.2", to: 5) == "…")
        #expect(DisplayText.truncatedAtWords("a\u{1B}b c", to: 3) == "…")
    }
}
