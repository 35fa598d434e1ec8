import Foundation

/// Writes a line to standard output at once, unbuffered: for a long-running command (`watch`)
/// whose output goes to a file or pipe.
public enum StandardOutput {
    public static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
