import Foundation
import Testing
@testable import TriageCore

/// Evidence encodes the same facts to the same bytes, whatever order they were gathered in, and reads back
/// what it and the earlier (dictionary-order) encoding wrote.
@Suite struct EvidenceEncodingTests {
    private func json(_ evidence: Evidence) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(evidence), as: UTF8.self)
    }

    @Test func theSameFactsGiveTheSameBytes() throws {
        let keys = Evidence.Key.allCases
        var forward = Evidence()
        for (number, key) in keys.enumerated() { forward[key] = "value \(number)" }
        var backward = Evidence()
        for (number, key) in keys.enumerated().reversed() { backward[key] = "value \(number)" }
        // Grown and shrunk: another dictionary layout for the same contents.
        var reshaped = Evidence()
        for key in keys { reshaped[key] = "scratch" }
        for index in 0..<200 { reshaped.values.reserveCapacity(index) }
        for (number, key) in keys.enumerated().shuffled() { reshaped[key] = "value \(number)" }
        let expected = try json(forward)
        #expect(try json(backward) == expected)
        #expect(try json(reshaped) == expected)
        #expect(expected.hasPrefix("{\"origin\":\"the pasted response\",\"values\":[\"vendor\",\"value 0\",\"code\",\"value 1\""), "\(expected)")
        #expect(try JSONDecoder().decode(Evidence.self, from: Data(expected.utf8)) == forward)
    }

    @Test func pairsInAnyOrderStillDecode() throws {
        let old = #"{"origin":"the pasted response","values":["region","eu","app_id","app-1"]}"#
        let evidence = try JSONDecoder().decode(Evidence.self, from: Data(old.utf8))
        #expect(evidence == Evidence([.region: "eu", .appID: "app-1"]))
    }
}
