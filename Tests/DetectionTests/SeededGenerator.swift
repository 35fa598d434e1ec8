import PropertyBased

/// A deterministic random number generator for reproducible test data: PropertyBased's
/// xoshiro256**, its four state words spread from one seed by multiplicative hashing.
func seededGenerator(_ seed: UInt64) -> Xoshiro {
    func spread(_ word: UInt64) -> UInt64 {
        let mixed = (seed &+ word) &* 0x9E37_79B9_7F4A_7C15
        return (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }
    return Xoshiro(seed: (spread(1), spread(2), spread(3), spread(4)))
}
