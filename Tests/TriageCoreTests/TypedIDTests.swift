import Foundation
import Testing
import TestSupport
import TriageCore

/// Tree and node ids are typed but written exactly as the strings they were: in JSON values, as JSON object keys
/// (a tree's nodes), and in the stored sessions, so no file, cache or database changes with them.
@Suite("Typed ids")
struct TypedIDTests {
    @Test("an id encodes as its string, alone and as a dictionary key, and decodes back")
    func encodesAsAString() throws {
        let tree: TreeID = "acme-keys"
        #expect(String(decoding: try JSONEncoder().encode(tree), as: UTF8.self) == #""acme-keys""#)
        let nodes: [NodeID: Int] = ["start": 1]
        #expect(String(decoding: try JSONEncoder().encode(nodes), as: UTF8.self) == #"{"start":1}"#)
        let back = try JSONDecoder().decode([NodeID: Int].self, from: Data(#"{"app-id":2}"#.utf8))
        #expect(back == [NodeID("app-id"): 2])
        #expect(try JSONDecoder().decode(TreeID.self, from: Data(#""x""#.utf8)) == "x")
    }

    @Test("a shipped session written before the ids were typed still decodes")
    func oldSessionsDecode() throws {
        let catalog = Fixtures.shipped.catalog
        let tree = try #require(catalog.trees.first)
        let session = try DiagnosisSession.start(tree: tree.id, in: catalog)
        let json = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
        #expect(json.contains(#""tree":"\#(tree.id.rawValue)""#), "the tree id is a plain JSON string")
        #expect(try JSONDecoder().decode(DiagnosisSession.self, from: Data(json.utf8)) == session)
    }
}
