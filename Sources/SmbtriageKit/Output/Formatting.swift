import ScreenCore
import Detection
import Foundation
import Store

/// Shared renderings for the plain-text listings.
public enum Formatting {
    /// `2026-11-30 14:05:09` in UTC; `-` for none.
    public static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        return date.formatted(Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space,
                                                      timeZone: TimeZone(identifier: "UTC")!))
            .replacingOccurrences(of: "Z", with: "")
    }

    /// Bytes in binary units: `512 B`, `3.4 MiB` (the console's rendering).
    public static func bytes(_ count: Int64) -> String { NumberText.bytes(count) }

    /// `10.1.2.3:52144`, or the bare address when the port is unknown.
    public static func endpoint(_ addresses: [IPAddress], _ port: Int?) -> String {
        let address = addresses.first.map { "\($0)" } ?? "-"
        guard let port else { return address }
        return addresses.first?.isIPv4 == false ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
