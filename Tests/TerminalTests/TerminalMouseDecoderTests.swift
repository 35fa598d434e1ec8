import CNcursesw
import Testing
@testable import Terminal

@Suite struct TerminalMouseDecoderTests {
    @Test func decodesTheWheel() {
        #expect(TerminalMouseDecoder.action(forButtonState: smb_wheel_up()) == .wheelUp)
        #expect(TerminalMouseDecoder.action(forButtonState: smb_wheel_down()) == .wheelDown)
    }

    @Test func asksCursesForTheWheelOnly() {
        #expect(TerminalMouseDecoder.reportedButtons == smb_wheel_up() | smb_wheel_down())
    }

    @Test func ignoresButtonClicksAndReleases() {
        let button1Released: mmask_t = 0o1
        let button1Clicked: mmask_t = 0o4
        #expect(TerminalMouseDecoder.action(forButtonState: 0) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button1Released) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button1Clicked) == nil)
    }
}
