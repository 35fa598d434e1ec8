import ArgumentParser

/// `smbtriage demo`: loads demo-data/ into a fresh store and opens the console.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load demo-data/ into a fresh store and open the console."
    )

    func run() async throws {
        print("smbtriage demo: the console is not built yet; see README.md for what works today.")
    }
}
