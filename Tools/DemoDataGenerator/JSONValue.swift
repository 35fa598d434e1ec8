/// A JSON value that keeps its keys in the order written, so every generated line is byte-for-byte
/// stable and reads like the producer's own output (Foundation's serializer reorders keys and
/// escapes `/`).
indirect enum JSONValue {
    case string(String)
    /// A number written exactly as given (`445`, `1796041203.512000`).
    case number(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    static func int(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// The value as one line of compact JSON.
    var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text):
            Self.writeString(text, to: &output)
        case .number(let literal):
            output += literal
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// Writes a JSON string literal; control characters become `\uXXXX` escapes, so a hostile value
    /// stays one printable line in the file.
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
