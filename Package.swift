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
            "Detection", "CZlib", "CPcap", "CPrefetch", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The CPU's prefetch hint, which Swift cannot call: the flow table fetches a packet's flow ahead.
        .target(name: "CPrefetch"),
        // What the console asks of a store (the `TriageRepository` protocol) and the values it trades. No GRDB.
        .target(name: "TriageModel", dependencies: ["Detection"]),
        // SQLite through GRDB: schema, batched writes, executions, the console's and CLI's queries.
        .target(name: "Store", dependencies: [
            "Detection", "TriageModel", "CZstd", "CSQLiteConfig", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // SQLite's process-wide settings, through `sqlite3_config`, which Swift cannot call (variadic).
        .target(name: "CSQLiteConfig", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // The cell, style and key vocabulary the console draws in and the terminal shows: Screen, Cell, Key, InputEvent.
        .target(name: "ScreenCore"),
        // Pure console: one folder per screen (state, update, keys, view) -> Screen.
        .target(name: "Console", dependencies: ["Detection", "TriageModel", "ScreenCore"]),
        // The only code that touches curses.
        .target(name: "Terminal", dependencies: ["ScreenCore", "CNcursesw"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPcap", providers: [.apt(["libpcap-dev"])]),
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        // The application: the ingest session and its report, the watch loop, the --json documents.
        .target(name: "SmbtriageKit", dependencies: ["Detection", "Ingest", "TriageModel", "Store", "ScreenCore"]),
        // Commands and argument parsing only.
        .executableTarget(
            name: "smbtriage",
            dependencies: [
                "SmbtriageKit", "Detection", "BundledRules", "Ingest", "TriageModel", "Store", "ScreenCore", "Console", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests (`swift test`)
        // What tests and benchmarks share: seeded random numbers, builders, fakes.
        .target(name: "TestSupport", dependencies: ["Detection", "TriageModel"], path: "Tests/TestSupport"),
        .testTarget(name: "DetectionTests", dependencies: [
            "Detection", "BundledRules", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "Detection", "BundledRules", "CZlib", "CPcap", "TestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Formats/Fixtures")]
        ),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "TriageModel", "Detection", "BundledRules", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "ScreenCore", "TriageModel", "Detection", "BundledRules", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "ScreenCore", "CNcursesw"]),
        .testTarget(name: "SmbtriageKitTests", dependencies: ["SmbtriageKit", "Store", "TriageModel", "Detection", "BundledRules", "Ingest"],
                    resources: [.copy("Fixtures")]),
        // Runs the built binary as an analyst would.
        .testTarget(name: "CLITests", dependencies: ["smbtriage", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DemoDataTests"),
        .testTarget(name: "BenchmarkSupportTests", dependencies: ["BenchmarkSupport", "TestSupport"]),

        // MARK: Benchmarks (`swift run -c release NAME`: they print figures) and tools
        .executableTarget(name: "detection-benchmark", dependencies: ["Detection", "BundledRules", "BenchmarkSupport", "TestSupport"],
                          path: "Benchmarks/DetectionBenchmark"),
        // What the benchmarks share: CPU clocks, the percentile, RSS and CPU readings, the generated
        // Packetbeat-style ECS data.
        .target(name: "BenchmarkSupport", dependencies: ["Detection", "TestSupport"], path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(name: "generate-ecs-bench", dependencies: ["BenchmarkSupport"], path: "Benchmarks/GenerateECS"),
        .executableTarget(
            name: "ingest-benchmark", dependencies: ["Ingest", "Detection", "BundledRules", "BenchmarkSupport"],
            path: "Benchmarks/IngestBenchmark"
        ),
        // Flows from a generated capture of ≥ 1 GB, against `tcpdump -r FILE -w /dev/null`.
        .executableTarget(name: "pcap-benchmark", dependencies: ["Ingest", "CPcap", "BenchmarkSupport", "TestSupport"],
                          path: "Benchmarks/PcapBenchmark"),
        .executableTarget(name: "zeek-benchmark", dependencies: ["Ingest", "BenchmarkSupport", "TestSupport"], path: "Benchmarks/ZeekBenchmark"),
        // The PAN-OS and Suricata readers' throughput on one core, over generated lines.
        .executableTarget(name: "reader-benchmark", dependencies: ["Ingest"], path: "Benchmarks/ReaderBenchmark"),
        // Builds a 1 M-alert store and prints its latencies.
        .executableTarget(name: "store-benchmark", dependencies: ["Store", "TriageModel", "Detection", "BundledRules", "BenchmarkSupport", "TestSupport"],
                          path: "Benchmarks/StoreBenchmark"),
        // Builds (once, cached under /tmp) a store of 10 M flows / 1 M alerts / 100 k hosts and prints its latencies.
        .executableTarget(name: "scale-benchmark", dependencies: ["Console", "ScreenCore", "Store", "TriageModel", "Detection", "BundledRules", "BenchmarkSupport", "TestSupport"],
                          path: "Benchmarks/ScaleBenchmark"),
        // The whole `ingest` pipeline (read, store, detect) on the generated ECS file, and DuckDB doing the same.
        .executableTarget(name: "pipeline-benchmark", dependencies: ["Ingest", "Store", "Detection", "BundledRules", "BenchmarkSupport"],
                          path: "Benchmarks/PipelineBenchmark"),
        // 30 simulated days (or more) of `watch` with the default retention: the store's size per day.
        .executableTarget(name: "retention-benchmark", dependencies: ["Store", "TriageModel", "Detection", "BundledRules", "BenchmarkSupport"],
                          path: "Benchmarks/RetentionBenchmark"),
        // Key → frame timings of the console against a synthetic store or a real one (--db).
        .executableTarget(name: "console-benchmark", dependencies: ["Console", "ScreenCore", "Store", "TriageModel", "Detection", "BundledRules", "BenchmarkSupport", "TestSupport"],
                          path: "Benchmarks/ConsoleBenchmark"),
        // How fast TerminalSession.present draws; run it inside a terminal.
        .executableTarget(name: "terminal-benchmark", dependencies: ["Terminal", "ScreenCore"], path: "Benchmarks/TerminalBenchmark"),
        // Writes demo-data/ (seeded, byte-for-byte reproducible) with the one seeded generator
        // (TestSupport's SplitMix64).
        .executableTarget(name: "generate-demo-data", dependencies: ["TestSupport"], path: "Tools/DemoDataGenerator"),
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
