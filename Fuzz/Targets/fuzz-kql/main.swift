import Detection
import FuzzSupport

// Every input as a KQL query.
FuzzDriver.run { _ = try? KQLParser.parse(FuzzText.string($0)) }
