import Detection
import Foundation

extension IPPrefix {
    /// The block as ranges of address column values (`IPAddress.storeBlob`), at most one per
    /// family: a column holds the block's addresses exactly when it lies in one of them. An IPv6
    /// block that covers part of the IPv4-mapped space (`::/0`, `::ffff:0:0/96`) holds those IPv4
    /// addresses too, which the column keeps apart from IPv6 under their own tag.
    var storeRanges: [(lowest: Data, highest: Data)] {
        let mapped = IPAddress(ipv4: 0)...IPAddress(ipv4: .max)
        var ranges: [(lowest: Data, highest: Data)] = []
        if network <= mapped.upperBound, last >= mapped.lowerBound {
            ranges.append((Swift.max(network, mapped.lowerBound).storeBlob, Swift.min(last, mapped.upperBound).storeBlob))
        }
        if network < mapped.lowerBound || last > mapped.upperBound {
            // No IPv6 value lies in the mapped space, so the whole block can bound them.
            ranges.append((Data([AddressTag.ipv6]) + network.mappedBytes, Data([AddressTag.ipv6]) + last.mappedBytes))
        }
        return ranges
    }
}
