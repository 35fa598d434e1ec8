import BenchmarkSupport
import Foundation

/// DuckDB doing what `ingest-benchmark` times, on the same file, when DuckDB for Python is
/// installed: `read_json` with declared columns, the SMB flows kept and the rule's query counted
/// over them (`DuckDBRuleSQL`), in memory.
enum DuckDBRuleCount {
    /// What one run took.
    struct Run {
        var seconds: Double
        /// CPU seconds of every DuckDB thread (on a busy machine the fairer figure).
        var cpuSeconds: Double
        var matches: Int
    }

    /// One run over the ECS NDJSON file at `path`; nil when DuckDB is not installed or failed.
    static func run(path: String) -> Run? {
        let output = PythonScript.output(of: script, arguments: [path])
        guard let fields = output?.split(separator: "\n").last?.split(separator: " "), fields.count == 3,
              let seconds = Double(fields[0]), let cpuSeconds = Double(fields[1]),
              let matches = Int(fields[2].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return Run(seconds: seconds, cpuSeconds: cpuSeconds, matches: matches)
    }

    private static let script = #"""
        import sys, time
        try:
            import duckdb
        except ImportError:
            sys.exit(3)
        start, cpu_start = time.time(), time.process_time()
        con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
        con.execute("""\#(DuckDBRuleSQL.macros)""")
        matches = con.execute("""SELECT count(*) FROM (\#(DuckDBRuleSQL.ecsSMBFlows)) WHERE \#(DuckDBRuleSQL.rule)""",
                              [sys.argv[1]]).fetchone()[0]
        con.close()
        print(time.time() - start, time.process_time() - cpu_start, matches)
        """#
}
