import BenchmarkSupport
import Foundation

// generate-ecs-bench PATH [COUNT] [SEED]: writes COUNT (default 1,000,000) deterministic Packetbeat
// flow documents as NDJSON to PATH.
let usage = "usage: generate-ecs-bench PATH [COUNT] [SEED]\n"
let arguments = CommandLine.arguments
if arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }) {
    print(usage, terminator: "")
    exit(0)
}
guard arguments.count >= 2, arguments.count <= 4, !arguments[1].hasPrefix("-") else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let count = arguments.count > 2 ? Int(arguments[2]) : 1_000_000
let seed = arguments.count > 3 ? UInt64(arguments[3]) : 415
guard let count, count > 0, let seed else {
    FileHandle.standardError.write(Data("generate-ecs-bench: COUNT and SEED must be positive integers\n".utf8))
    exit(2)
}
do {
    let bytes = try ECSFlowGenerator.write(count: count, seed: seed, to: arguments[1])
    print("wrote \(count) events, \(bytes) bytes (\(bytes / count) bytes/event) to \(arguments[1])")
} catch {
    FileHandle.standardError.write(Data("generate-ecs-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
