import BenchmarkSupport
import Foundation

/// DuckDB doing what `smbtriage ingest` does, on the same file, when DuckDB for Python is
/// installed: read the file with declared columns, keep its SMB flows (TCP 139/445) in a table of
/// a new database file, and run the rule's query over them into an alert table (IPv4 CIDRs by
/// integer arithmetic: DuckDB's `inet` extension is a download).
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
        con.execute("""
            CREATE MACRO ip4(s) AS TRY_CAST(split_part(s, '.', 1) AS BIGINT) * 16777216
                + TRY_CAST(split_part(s, '.', 2) AS BIGINT) * 65536
                + TRY_CAST(split_part(s, '.', 3) AS BIGINT) * 256 + TRY_CAST(split_part(s, '.', 4) AS BIGINT);
            CREATE MACRO inside(n, base, bits) AS n >> (32 - bits) = ip4(base) >> (32 - bits);
            """)
        if kind == "ecs":
            con.execute("""
                CREATE TABLE flow AS SELECT
                    CAST("@timestamp" AS TIMESTAMP) AS ts, event.dataset AS dataset, event.category AS category,
                    event.type AS type, event.action AS action, event.duration AS duration, flow.id AS flow_id,
                    flow.final AS final, source.ip AS source_ip, source.port AS source_port,
                    source.bytes AS source_bytes, source.packets AS source_packets,
                    destination.ip AS destination_ip, destination.port AS destination_port,
                    destination.bytes AS destination_bytes, destination.packets AS destination_packets,
                    network.transport AS transport, host.name AS observer
                FROM read_json(?, format = 'newline_delimited', columns = {
                    '@timestamp': 'VARCHAR',
                    'event': 'STRUCT(dataset VARCHAR, category VARCHAR[], type VARCHAR[], action VARCHAR, duration BIGINT)',
                    'flow': 'STRUCT(id VARCHAR, final BOOLEAN)',
                    'source': 'STRUCT(ip VARCHAR, port BIGINT, bytes BIGINT, packets BIGINT)',
                    'destination': 'STRUCT(ip VARCHAR, port BIGINT, bytes BIGINT, packets BIGINT)',
                    'network': 'STRUCT(transport VARCHAR)', 'host': 'STRUCT(name VARCHAR)'})
                WHERE destination.port IN (139, 445) OR starts_with(event.dataset, 'zeek.smb')
                """, [path])
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
        con.execute("""
            CREATE TABLE alert AS SELECT * FROM flow
            WHERE (dataset = 'network_traffic.flow' OR list_has_any(category, ['network', 'network_traffic']))
              AND transport = 'tcp' AND (destination_port IN (139, 445) OR dataset = 'zeek.smb')
              AND coalesce(inside(ip4(source_ip), '10.0.0.0', 8) OR inside(ip4(source_ip), '172.16.0.0', 12)
                           OR inside(ip4(source_ip), '192.168.0.0', 16), false)
              AND NOT coalesce(
                  inside(ip4(destination_ip), '10.0.0.0', 8) OR inside(ip4(destination_ip), '127.0.0.0', 8)
                  OR inside(ip4(destination_ip), '169.254.0.0', 16) OR inside(ip4(destination_ip), '172.16.0.0', 12)
                  OR inside(ip4(destination_ip), '192.0.0.0', 24) OR inside(ip4(destination_ip), '192.0.2.0', 24)
                  OR inside(ip4(destination_ip), '192.31.196.0', 24) OR inside(ip4(destination_ip), '192.52.193.0', 24)
                  OR inside(ip4(destination_ip), '192.168.0.0', 16) OR inside(ip4(destination_ip), '192.88.99.0', 24)
                  OR inside(ip4(destination_ip), '224.0.0.0', 4) OR inside(ip4(destination_ip), '100.64.0.0', 10)
                  OR inside(ip4(destination_ip), '192.175.48.0', 24) OR inside(ip4(destination_ip), '198.18.0.0', 15)
                  OR inside(ip4(destination_ip), '198.51.100.0', 24) OR inside(ip4(destination_ip), '203.0.113.0', 24)
                  OR inside(ip4(destination_ip), '240.0.0.0', 4), false)
            """)
        flows = con.execute("SELECT count(*) FROM flow").fetchone()[0]
        alerts = con.execute("SELECT count(*) FROM alert").fetchone()[0]
        con.close()
        seconds, cpu = time.time() - start, time.process_time() - cpu_start
        print(seconds, cpu, flows, alerts, os.path.getsize(database))
        """#
}
