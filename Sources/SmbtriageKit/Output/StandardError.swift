import Foundation

/// Writes a line to standard error, after what standard output holds so far (so a footer stays
/// below its table when both streams go to one place).
public enum StandardError {
    public static func print(_ line: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
