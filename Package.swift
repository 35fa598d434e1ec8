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
        // Builds a 1 M-alert store and prints its latencies: `swift run -c release store-benchmark`.
        .executableTarget(name: "store-benchmark", dependencies: ["Store", "Detection"],
                          path: "Benchmarks/StoreBenchmark"),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Detection", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Prints the detector's throughput: `swift run -c release detection-benchmark`.
        .executableTarget(name: "detection-benchmark", dependencies: ["Detection"],
                          path: "Benchmarks/DetectionBenchmark"),
        .testTarget(name: "DetectionTests", dependencies: [
            "Detection", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
