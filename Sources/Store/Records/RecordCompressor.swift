import CZstd
import Foundation

/// Compresses original records for `event.original` (`StoredRecord`): one byte naming the
/// record's `RecordDictionary`, then a zstd frame (level 3, against that dictionary, with its
/// content size and neither dictionary ID nor checksum) less its 4-byte magic number, which
/// every frame shares. About 130 bytes for a 420-byte Packetbeat record in ~2 µs, a seventh of
/// what DEFLATE against a preset dictionary took for the same size (measured in C on 20 k
/// generated SMB records). It holds one zstd context and belongs to one thread.
final class RecordCompressor {
    /// Levels 1 and 2 made larger records for barely less time; 6 and above cost 4× more.
    static let level: Int32 = 3
    /// The bytes every zstd frame starts with (`ZSTD_MAGICNUMBER`, little-endian), not stored.
    static let frameMagic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]

    private let context: OpaquePointer
    /// Where each frame is written before its stored part is copied out, instead of a zero-filled
    /// buffer per record; a record whose frame may not fit gets a buffer of its own.
    private let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 8)

    init() {
        // Only a failed allocation returns nil.
        guard let context = ZSTD_createCCtx() else { preconditionFailure("zstd could not make a compression context") }
        self.context = context
        Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_dictIDFlag, 0))
        Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 0))
        Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1))
    }

    deinit {
        ZSTD_freeCCtx(context)
        frame.deallocate()
    }

    /// The stored value of `text`, a record of `format` (a `LogFormat` raw value).
    func compress(_ text: String, format: String) -> Data {
        var text = text
        return text.withUTF8 { compress(UnsafeRawBufferPointer($0), dictionary: RecordDictionary(format: format)) }
    }

    /// `dictionary`'s byte, then `input` as a zstd frame against it less the frame's magic number:
    /// a record's stored value, or a block's (`RecordBlock`).
    func compress(_ input: UnsafeRawBufferPointer, dictionary: RecordDictionary) -> Data {
        Self.check(ZSTD_CCtx_refCDict(context, dictionary.compressionDictionary))
        let bound = ZSTD_compressBound(input.count)
        let output = bound <= frame.count ? frame : .allocate(byteCount: bound, alignment: 8)
        defer { if output.baseAddress != frame.baseAddress { output.deallocate() } }
        let written = ZSTD_compress2(context, output.baseAddress, bound, input.baseAddress, input.count)
        Self.check(written)
        let magicCount = Self.frameMagic.count
        var stored = Data(capacity: 1 + written - magicCount)
        stored.append(dictionary.rawValue)
        stored.append(contentsOf: UnsafeRawBufferPointer(rebasing: output[magicCount..<written]))
        return stored
    }

    /// Stops on a zstd error: with a bound-sized output and valid parameters, only a failed
    /// allocation gets here.
    private static func check(_ result: Int) {
        precondition(ZSTD_isError(result) == 0, "zstd failed on a record: \(String(cString: ZSTD_getErrorName(result)))")
    }
}
