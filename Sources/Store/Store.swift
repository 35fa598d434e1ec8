import Detection
import GRDB
