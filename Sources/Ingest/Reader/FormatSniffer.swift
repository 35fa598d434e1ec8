/// Chooses a reader for an input from its first lines.
public enum FormatSniffer {
    /// Every reader, in the order `detect` asks them: the first whose `recognizes` accepts the
    /// sample wins, so more specific formats come first and the generic ECS reader last.
    public static let readers: [any LineReader.Type] = [
        ZeekTSVReader.self, ZeekJSONReader.self, SuricataReader.self, SysmonReader.self, PANOSReader.self,
        ECSReader.self,
    ]

    /// How many first lines `detect` looks at.
    public static let sampleSize = 20

    /// The first reader that recognizes the sample, or nil.
    public static func detect(_ sample: [String]) -> (any LineReader.Type)? {
        readers.first { $0.recognizes(sample) }
    }

    /// The reader registered for `format`, or nil when this build has none.
    public static func reader(for format: LogFormat) -> (any LineReader.Type)? {
        readers.first { $0.format == format }
    }
}
