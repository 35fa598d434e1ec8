import CNcursesw
import Testing
@testable import Terminal

@Suite struct TerminalMouseDecoderTests {
    @Test func decodesReportedButtons() {
        #expect(TerminalMouseDecoder.action(forButtonState: smb_button1_clicked()) == .click)
        #expect(TerminalMouseDecoder.action(forButtonState: smb_button1_pressed()) == .click)
        #expect(TerminalMouseDecoder.action(forButtonState: smb_button1_double_clicked()) == .doubleClick)
        #expect(TerminalMouseDecoder.action(forButtonState: smb_wheel_up()) == .wheelUp)
        #expect(TerminalMouseDecoder.action(forButtonState: smb_wheel_down()) == .wheelDown)
    }

    @Test func ignoresUnreportedButtonStates() {
        let button1Released: mmask_t = 0o1
        #expect(TerminalMouseDecoder.action(forButtonState: 0) == nil)
        #expect(TerminalMouseDecoder.action(forButtonState: button1Released) == nil)
        #expect(TerminalMouseDecoder.reportedButtons & button1Released == 0)
    }

    @Test func asksCursesForEveryButtonItDecodes() {
        for state in [smb_button1_clicked(), smb_button1_double_clicked(), smb_wheel_up(), smb_wheel_down()] {
            #expect(TerminalMouseDecoder.reportedButtons & state == state)
        }
    }
}
