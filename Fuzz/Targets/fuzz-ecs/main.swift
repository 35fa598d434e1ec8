import FuzzSupport
import Ingest

// Every input as a file of one format, line by line (FuzzLines).
FuzzDriver.run { FuzzLines.read($0, with: ECSReader.self) }
