import BundledRules
import Foundation
import Store
import Testing

@Suite("Store file permissions")
struct StorePermissionTests {
    private func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func aNewStoreAndItsDirectoryAreTheOwnersAlone() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try mode(fixture.path) == 0o600)
        #expect(try mode(fixture.path + "-wal") == 0o600)
        #expect(try mode(fixture.path + "-shm") == 0o600)
        #expect(try mode((fixture.path as NSString).deletingLastPathComponent) == 0o700)
        #expect(fixture.store.permissionNotice == nil)
    }

    @Test func aStoreOpenToOtherUsersIsTightenedAndSaysSo() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        for file in [fixture.path, fixture.path + "-wal", fixture.path + "-shm"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        let reopened = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(reopened.permissionNotice == PermissionNotice(path: fixture.path, previousMode: 0o644, isTightened: true))
        #expect(reopened.permissionNotice?.description == "The store \(fixture.path) was open to other users (mode 0644); it is now 0600.")
        for file in [fixture.path, fixture.path + "-wal", fixture.path + "-shm"] { #expect(try mode(file) == 0o600) }
        #expect(try SMBStore(path: fixture.path, rules: .bundled()).permissionNotice == nil)
    }

    @Test func aStoreReachedThroughALinkHasTheFilesBesideItsTargetTightened() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        for file in [fixture.path, fixture.path + "-wal"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        let link = fixture.directory.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.path)
        let reopened = try SMBStore(path: link, rules: .bundled())
        #expect(reopened.permissionNotice == PermissionNotice(path: link, previousMode: 0o644, isTightened: true))
        for file in [fixture.path, fixture.path + "-wal"] { #expect(try mode(file) == 0o600, "\(file)") }
    }

    @Test func aLooseWriteAheadLogAloneIsTightenedToo() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: fixture.path + "-wal")
        let reopened = try SMBStore(path: fixture.path, readOnly: true, rules: .bundled())
        #expect(reopened.permissionNotice?.previousMode == 0o640)
        #expect(try mode(fixture.path + "-wal") == 0o600)
    }
}
