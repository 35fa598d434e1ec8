import BenchmarkSupport
import Foundation

/// DuckDB doing what `smbtriage ingest` does, on the same file, when DuckDB for Python is
/// installed: read the file with declared columns, keep its SMB flows (TCP 139/445) in a table of
/// a new database file, and run the rule's query over them into an alert table (`DuckDBRuleSQL`).
enum DuckDBPipeline {
    /// What one run took.
    struct Run {
        var seconds: Double
        /// CPU seconds of every DuckDB thread (on a busy machine the fairer figure).
        var cpuSeconds: Double
        var flows: Int
        var alerts: Int
        var databaseBytes: Int
    }

    /// The run over `path` (ECS NDJSON, or a Zeek TSV conn.log when `isZeekTSV`), its database in
    /// `directory`; nil when DuckDB is not installed or failed.
    static func run(path: String, isZeekTSV: Bool, directory: URL) -> Run? {
        let database = directory.appendingPathComponent("duckdb-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let output = PythonScript.output(of: script, arguments: [path, database, isZeekTSV ? "zeek-tsv" : "ecs"])
        // The figures are the last line (a progress bar may come before).
        guard let fields = output?.split(separator: "\n").last?.split(separator: " "), fields.count == 5,
              let seconds = Double(fields[0]), let cpuSeconds = Double(fields[1]), let flows = Int(fields[2]), let alerts = Int(fields[3]),
              let bytes = Int(fields[4].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return Run(seconds: seconds, cpuSeconds: cpuSeconds, flows: flows, alerts: alerts, databaseBytes: bytes)
    }

    private static let script = #"""
        import os, sys, time
        try:
            import duckdb
        except ImportError:
            sys.exit(3)
        path, database, kind = sys.argv[1:4]
        start, cpu_start = time.time(), time.process_time()
        con = duckdb.connect(database)
        con.execute("SET enable_progress_bar = false")
        con.execute("""\#(DuckDBRuleSQL.macros)""")
        if kind == "ecs":
            con.execute("""CREATE TABLE flow AS \#(DuckDBRuleSQL.ecsSMBFlows)""", [path])
        else:
            con.execute("""
                CREATE TABLE flow AS SELECT
                    to_timestamp(ts) AS ts, 'zeek.connection' AS dataset, ['network'] AS category, uid AS flow_id,
                    orig_h AS source_ip, orig_p AS source_port, orig_bytes AS source_bytes, orig_pkts AS source_packets,
                    resp_h AS destination_ip, resp_p AS destination_port, resp_bytes AS destination_bytes,
                    resp_pkts AS destination_packets, proto AS transport, conn_state, history
                FROM read_csv(?, delim = '\t', comment = '#', header = false, skip = 8, auto_detect = false, nullstr = '-', quote = '', escape = '',
                    columns = {'ts': 'DOUBLE', 'uid': 'VARCHAR', 'orig_h': 'VARCHAR', 'orig_p': 'BIGINT',
                        'resp_h': 'VARCHAR', 'resp_p': 'BIGINT', 'proto': 'VARCHAR', 'service': 'VARCHAR',
                        'duration': 'DOUBLE', 'orig_bytes': 'BIGINT', 'resp_bytes': 'BIGINT', 'conn_state': 'VARCHAR',
                        'local_orig': 'VARCHAR', 'local_resp': 'VARCHAR', 'missed_bytes': 'BIGINT',
                        'history': 'VARCHAR', 'orig_pkts': 'BIGINT', 'orig_ip_bytes': 'BIGINT', 'resp_pkts': 'BIGINT',
                        'resp_ip_bytes': 'BIGINT', 'tunnel_parents': 'VARCHAR'})
                WHERE resp_p IN (139, 445)
                """, [path])
        con.execute("""CREATE TABLE alert AS SELECT * FROM flow WHERE \#(DuckDBRuleSQL.rule)""")
        flows = con.execute("SELECT count(*) FROM flow").fetchone()[0]
        alerts = con.execute("SELECT count(*) FROM alert").fetchone()[0]
        con.close()
        seconds, cpu = time.time() - start, time.process_time() - cpu_start
        print(seconds, cpu, flows, alerts, os.path.getsize(database))
        """#
}
