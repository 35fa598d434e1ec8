/// A count and its noun, singular or plural: `1 SMB flow`, `3 SMB flows`, `1 entry`.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
