// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "smbtriage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smbtriage", targets: ["smbtriage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Domain: IP addresses, the KQL subset, the rule, exceptions. Foundation only.
        .target(name: "Detection", resources: [.copy("Resources/rule.json")]),
        // One reader per log format; every reader yields NetworkEvent.
        .target(name: "Ingest", dependencies: ["Detection", "CZlib"]),
        // SQLite through GRDB: schema, batched writes, the console's and CLI's queries.
        .target(name: "Store", dependencies: [
            "Detection", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Pure console: State, update, view -> Screen, keymap.
        .target(name: "Console", dependencies: ["Detection", "Store"]),
        // The only code that touches curses.
        .target(name: "Terminal", dependencies: ["CNcursesw"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .executableTarget(
            name: "smbtriage",
            dependencies: [
                "Detection", "Ingest", "Store", "Console", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "CNcursesw"]),
        // Prints how fast TerminalSession.present draws; run it inside a terminal (release build).
        .executableTarget(name: "terminal-benchmark", dependencies: ["Terminal"], path: "Benchmarks/TerminalBenchmark"),
        .testTarget(name: "SmbtriageConsoleTests", dependencies: ["smbtriage", "Console", "Terminal"]),
        .testTarget(name: "CLITests", dependencies: ["smbtriage"]),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "Detection", "CZlib"],
            resources: [.copy("Formats/Fixtures")]
        ),
        // Prints Zeek TSV conn.log read+map rows/s on a generated file (release build).
        .executableTarget(name: "zeek-benchmark", dependencies: ["Ingest"], path: "Benchmarks/ZeekBenchmark"),
        // Builds a 1 M-alert store and prints its latencies: `swift run -c release store-benchmark`.
        .executableTarget(name: "store-benchmark", dependencies: ["Store", "Detection"],
                          path: "Benchmarks/StoreBenchmark"),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Detection", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Key → frame timings of the console against a synthetic store of any size.
        .executableTarget(name: "console-benchmark", dependencies: ["Console", "Store", "Detection"],
                          path: "Benchmarks/ConsoleBenchmark"),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Store", "Detection"],
                    exclude: ["Golden"]),
        // Writes demo-data/ (seeded, byte-for-byte reproducible). Foundation only, so it builds fast.
        .executableTarget(name: "generate-demo-data", path: "Tools/DemoDataGenerator"),
        .testTarget(name: "DemoDataTests"),
        // Prints the detector's throughput: `swift run -c release detection-benchmark`.
        .executableTarget(name: "detection-benchmark", dependencies: ["Detection"],
                          path: "Benchmarks/DetectionBenchmark"),
        .testTarget(name: "DetectionTests", dependencies: [
            "Detection", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        // Benchmarks: deterministic ECS data and the ingest throughput figure.
        .target(name: "ECSGenerator", path: "Benchmarks/ECSGenerator"),
        .executableTarget(name: "generate-ecs-bench", dependencies: ["ECSGenerator"], path: "Benchmarks/GenerateECS"),
        .executableTarget(
            name: "ingest-benchmark", dependencies: ["Ingest", "Detection", "ECSGenerator"],
            path: "Benchmarks/IngestBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
