/// The buffers behind a `FlatJSONObject`. A parsed object never changes them; `reparse` replaces
/// a storage that another copy of the object still shares, so objects keep value semantics.
/// That discipline is why the class can be `@unchecked Sendable`.
final class FlatJSONStorage: @unchecked Sendable {
    var buffers = FlatJSONBuffers()

    deinit { buffers.deallocate() }
}
