/// How `LogIngestor` reads its inputs.
public struct IngestOptions: Sendable, Equatable {
    /// The format of every input; nil sniffs each input's first lines.
    public var format: LogFormat?
    public var reader: ReaderOptions
    /// Stop an input at its first rejected line (`--strict`).
    public var strict: Bool
    /// How many rejections a summary lists (all are counted).
    public var maxIssues: Int
    /// How many threads parse an input whose reader allows several (a `StatelessLineReader` or a
    /// `HeaderStatefulLineReader`); nil means one per active core. Other readers use one.
    public var workers: Int?
    /// How a packet capture's flows end (Packetbeat's defaults) and how many are held at once.
    public var flows: FlowSettings

    public init(format: LogFormat? = nil, reader: ReaderOptions = ReaderOptions(), strict: Bool = false,
                maxIssues: Int = 20, workers: Int? = nil, flows: FlowSettings = FlowSettings()) {
        self.format = format
        self.flows = flows
        self.reader = reader
        self.strict = strict
        self.maxIssues = maxIssues
        self.workers = workers
    }
}
