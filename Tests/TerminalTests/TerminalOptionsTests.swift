import Testing
import Terminal

@Suite struct TerminalOptionsTests {
    @Test func honoursNoColor() {
        #expect(TerminalOptions(environment: ["NO_COLOR": "1"]).color == false)
        #expect(TerminalOptions(environment: ["NO_COLOR": ""]).color == true)
        #expect(TerminalOptions(environment: ["TERM": "xterm"]).color == true)
        #expect(TerminalOptions(color: false, environment: [:]).color == false)
    }

    @Test func leavesTheMouseOffUnlessAsked() {
        #expect(TerminalOptions().mouse == false)
        #expect(TerminalOptions(mouse: true).mouse == true)
    }
}
