/// A reader whose outcome for a line never depends on earlier lines (ECS, Suricata eve, flat
/// Windows event JSON). `LogIngestor` parses such files in chunks on several threads, one reader
/// per thread; every other reader reads its file in order on one thread.
public protocol StatelessLineReader: LineReader {}
