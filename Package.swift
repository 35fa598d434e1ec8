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
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // MARK: The modules (ARCHITECTURE.md draws their one-way dependencies)
        // Domain: IP addresses, the KQL subset, the rule, exceptions. Foundation only, no I/O.
        .target(name: "Detection"),
        // The rule files this build ships (resources), read and compiled for whoever runs them.
        .target(name: "BundledRules", dependencies: ["Detection"],
                resources: [.copy("Resources/rule.json"), .copy("Resources/rule-108.json")]),
        // One reader per log format; every reader yields NetworkEvent.
        // Community ID v1 hashes with swift-crypto's SHA-1; packet captures are read through libpcap.
        .target(name: "Ingest", dependencies: [
            "Detection", "CZlib", "CPcap", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // SQLite through GRDB: schema, batched writes, executions, the console's and CLI's queries.
        .target(name: "Store", dependencies: [
            "Detection", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Pure console: State, update, view -> Screen, keymap.
        .target(name: "Console", dependencies: ["Detection", "BundledRules", "Store"]),
        // The only code that touches curses.
        .target(name: "Terminal", dependencies: ["CNcursesw"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPcap", providers: [.apt(["libpcap-dev"])]),
        // The application: the ingest session and its report, the watch loop, the --json documents.
        .target(name: "SmbtriageKit", dependencies: ["Detection", "Ingest", "Store", "Console"]),
        // Commands and argument parsing only.
        .executableTarget(
            name: "smbtriage",
            dependencies: [
                "SmbtriageKit", "Detection", "BundledRules", "Ingest", "Store", "Console", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests (`swift test`)
        // What tests and benchmarks share: seeded random numbers, builders, fakes.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DetectionTests", dependencies: [
            "Detection", "BundledRules", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "Detection", "BundledRules", "CZlib", "CPcap", "TestSupport"],
            resources: [.copy("Formats/Fixtures")]
        ),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Detection", "BundledRules", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Store", "Detection", "BundledRules"],
                    exclude: ["Golden"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "CNcursesw"]),
        .testTarget(name: "SmbtriageKitTests", dependencies: ["SmbtriageKit", "Store", "Detection", "BundledRules", "Ingest"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SmbtriageConsoleTests", dependencies: ["smbtriage", "Console", "Terminal"]),
        // Runs the built binary as an analyst would.
        .testTarget(name: "CLITests", dependencies: ["smbtriage", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DemoDataTests"),

        // MARK: Benchmarks (`swift run -c release NAME`: they print figures) and tools
        .executableTarget(name: "detection-benchmark", dependencies: ["Detection", "BundledRules"],
                          path: "Benchmarks/DetectionBenchmark"),
        // Deterministic Packetbeat-style ECS data and the ingest throughput figure.
        .target(name: "ECSGenerator", dependencies: ["TestSupport"], path: "Benchmarks/ECSGenerator"),
        .executableTarget(name: "generate-ecs-bench", dependencies: ["ECSGenerator"], path: "Benchmarks/GenerateECS"),
        .executableTarget(
            name: "ingest-benchmark", dependencies: ["Ingest", "Detection", "BundledRules", "ECSGenerator"],
            path: "Benchmarks/IngestBenchmark"
        ),
        // Flows from a generated capture of ≥ 1 GB, against `tcpdump -r FILE -w /dev/null`.
        .executableTarget(name: "pcap-benchmark", dependencies: ["Ingest", "CPcap", "ECSGenerator", "TestSupport"],
                          path: "Benchmarks/PcapBenchmark"),
        .executableTarget(name: "zeek-benchmark", dependencies: ["Ingest", "ECSGenerator"], path: "Benchmarks/ZeekBenchmark"),
        // The PAN-OS and Suricata readers' throughput on one core, over generated lines.
        .executableTarget(name: "reader-benchmark", dependencies: ["Ingest"], path: "Benchmarks/ReaderBenchmark"),
        // Builds a 1 M-alert store and prints its latencies.
        .executableTarget(name: "store-benchmark", dependencies: ["Store", "Detection", "BundledRules"],
                          path: "Benchmarks/StoreBenchmark"),
        // The whole `ingest` pipeline (read, store, detect) on the generated ECS file.
        .executableTarget(name: "pipeline-benchmark", dependencies: ["Ingest", "Store", "Detection", "BundledRules", "ECSGenerator"],
                          path: "Benchmarks/PipelineBenchmark"),
        // 30 simulated days (or more) of `watch` with the default retention: the store's size per day.
        .executableTarget(name: "retention-benchmark", dependencies: ["Store", "Detection", "BundledRules"],
                          path: "Benchmarks/RetentionBenchmark"),
        // Key → frame timings of the console against a synthetic store or a real one (--db).
        .executableTarget(name: "console-benchmark", dependencies: ["Console", "Store", "Detection", "BundledRules"],
                          path: "Benchmarks/ConsoleBenchmark"),
        // How fast TerminalSession.present draws; run it inside a terminal.
        .executableTarget(name: "terminal-benchmark", dependencies: ["Terminal"], path: "Benchmarks/TerminalBenchmark"),
        // Writes demo-data/ (seeded, byte-for-byte reproducible). Foundation only, so it builds fast.
        .executableTarget(name: "generate-demo-data", path: "Tools/DemoDataGenerator"),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: libFuzzer targets: only with SMBTRIAGE_FUZZ=1, built with the sanitizer flags by
// Fuzz/run.sh (see Fuzz/README.md), so `swift build` and `swift test` never see them.
if Context.environment["SMBTRIAGE_FUZZ"] == "1" {
    package.targets += [
        .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["Ingest", "CLibFuzzer"], path: "Fuzz/Support"),
    ]
    let fuzzTargets: [(name: String, module: Target.Dependency)] = [
        ("fuzz-ecs", "Ingest"), ("fuzz-zeek-tsv", "Ingest"), ("fuzz-zeek-json", "Ingest"), ("fuzz-suricata", "Ingest"),
        ("fuzz-panos", "Ingest"), ("fuzz-sysmon", "Ingest"), ("fuzz-ingest", "Ingest"),
        ("fuzz-kql", "Detection"), ("fuzz-rule-file", "Detection"), ("fuzz-kibana-import", "Detection"),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: [target.module, "FuzzSupport"],
                                                 path: "Fuzz/Targets/\(target.name)"))
    }
}
