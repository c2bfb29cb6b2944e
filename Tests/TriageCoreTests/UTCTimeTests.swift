import Foundation
import Testing
import TriageCore

@Suite("UTC times")
struct UTCTimeTests {
    /// 2026-11-23 08:51:11 UTC.
    let date = Date(timeIntervalSince1970: 1_795_423_871)

    @Test func shortIsToTheMinute() {
        #expect(UTCTime.short(date) == "2026-11-23 08:51Z")
        #expect(UTCTime.short(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00Z")
    }

    @Test func basicIsToTheSecondWithoutSeparators() {
        #expect(UTCTime.basic(date) == "20261123T085111Z")
        #expect(UTCTime.basic(Date(timeIntervalSince1970: 59)) == "19700101T000059Z")
    }
}
