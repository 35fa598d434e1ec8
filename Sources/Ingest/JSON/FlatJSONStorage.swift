/// The buffers behind a `FlatJSONObject`. A parsed object never changes them; `reparse` replaces
/// a storage that another copy of the object still shares, so objects keep value semantics.
/// That discipline is why the class can be `@unchecked Sendable`.
final class FlatJSONStorage: @unchecked Sendable {
    var buffers = FlatJSONBuffers()
    /// The selection of the last parse, nil for a full one; with one, `buffers.slots` holds each
    /// field's first leaf and the leaves' paths lie in the selection's `pathBytes`.
    var selection: FlatJSONSelection?

    deinit { buffers.deallocate() }
}
