import CNcursesw
import Testing
@testable import Terminal

@Suite struct TerminalMouseDecoderTests {
    @Test func decodesTheWheel() {
        #expect(TerminalMouseDecoder.action(forButtonState: smb_wheel_up()) == .wheelUp)
        #expect(TerminalMouseDecoder.action(forButtonState: smb_wheel_down()) == .wheelDown)
    }

    @Test func decodesClicksAndDoubleClicks() {
        let button1Clicked: mmask_t = 0o4
        let button1DoubleClicked: mmask_t = 0o10
        #expect(TerminalMouseDecoder.action(forButtonState: button1Clicked) == .click)
        #expect(TerminalMouseDecoder.action(forButtonState: button1DoubleClicked) == .doubleClick)
        #expect(TerminalMouseDecoder.action(forButtonState: button1Clicked | button1DoubleClicked) == .doubleClick)
    }

    @Test func asksCursesForClicksDoubleClicksAndTheWheel() {
        let button1Clicked: mmask_t = 0o4
        let button1DoubleClicked: mmask_t = 0o10
        #expect(TerminalMouseDecoder.reportedButtons == button1Clicked | button1DoubleClicked | smb_wheel_up() | smb_wheel_down())
    }

    @Test func ignoresPressesReleasesAndOtherButtons() {
        let button1Released: mmask_t = 0o1
        let button1Pressed: mmask_t = 0o2
        let button1TripleClicked: mmask_t = 0o20
        let button3Clicked: mmask_t = 0o4 << 10  // five bits a button (NCURSES_MOUSE_VERSION 2)
        #expect(TerminalMouseDecoder.action(forButtonState: 0) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button1Released) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button1Pressed) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button1TripleClicked) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button3Clicked) == nil)
    }
}
