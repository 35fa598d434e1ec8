/// The SQL the benchmarks give DuckDB to do what smbtriage does, shared so that every comparison
/// reads, keeps and evaluates alike: ECS NDJSON read with declared columns, the SMB flows kept
/// (TCP 139/445 or a Zeek SMB dataset), the rule's query over them (IPv4 CIDRs by integer
/// arithmetic: DuckDB's `inet` extension is a download).
public enum DuckDBRuleSQL {
    /// The macros `rule` uses: `ip4(text)`, an IPv4 address as an integer, and `inside(n, base, bits)`.
    public static let macros = """
        CREATE MACRO ip4(s) AS TRY_CAST(split_part(s, '.', 1) AS BIGINT) * 16777216
            + TRY_CAST(split_part(s, '.', 2) AS BIGINT) * 65536
            + TRY_CAST(split_part(s, '.', 3) AS BIGINT) * 256 + TRY_CAST(split_part(s, '.', 4) AS BIGINT);
        CREATE MACRO inside(n, base, bits) AS n >> (32 - bits) = ip4(base) >> (32 - bits);
        """

    /// The SMB flows of the ECS NDJSON file bound as the statement's one parameter, as rows of the
    /// columns `rule` reads (and the rest a stored flow keeps).
    public static let ecsSMBFlows = """
        SELECT
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
        """

    /// The rule's query as a condition on those rows.
    public static let rule = """
        (dataset = 'network_traffic.flow' OR list_has_any(category, ['network', 'network_traffic']))
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
        """
}
