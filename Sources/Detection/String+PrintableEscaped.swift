extension String {
    /// The text with control characters and other non-printing scalars shown as `\u{…}`, so a
    /// value taken from a log or a file can go into a message safely.
    var printableEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
