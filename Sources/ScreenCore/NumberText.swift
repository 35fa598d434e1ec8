/// Counts and byte sizes in the units people read.
public enum NumberText {
    /// `1,234,567`.
    public static func grouped(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `512 B`, `1.5 KiB`, `34 MiB`, `2.0 GiB`: one decimal below ten.
    public static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var amount = Double(max(0, value))
        var unit = 0
        while amount >= 1024, unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(amount)) B" }
        // Rounded half up by hand: ScreenCore links no maths library (the amount is never negative).
        if amount < 10 {
            let tenths = Int(amount * 10 + 0.5)
            return "\(tenths / 10).\(tenths % 10) \(units[unit])"
        }
        return "\(Int(amount + 0.5)) \(units[unit])"
    }

    /// A row of block characters, one per value, scaled to the largest (zero is a space).
    public static func sparkline(_ values: [Int]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let peak = values.max() ?? 0
        guard peak > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { value in
            value <= 0 ? " " : blocks[min(blocks.count - 1, (value * blocks.count - 1) / peak)]
        })
    }
}
