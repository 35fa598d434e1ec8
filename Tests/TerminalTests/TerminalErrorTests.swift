import Testing
import Terminal

@Suite struct TerminalErrorTests {
    @Test func namesTheTerminalTypeAndWhereItComesFrom() {
        let message = TerminalError.unsupportedTerminal(name: "vt52x").description
        #expect(message.contains("\"vt52x\""))
        #expect(message.contains("TERM"))
    }

    @Test func saysRedirectionIsTheProblem() {
        #expect(TerminalError.notATerminal.description.contains("must not be redirected"))
    }
}
