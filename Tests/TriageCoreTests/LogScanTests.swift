import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// Issue 18: a log is not flattened into one code. Every catalog code is counted with its times and statuses,
/// fed in chunks of any size with the same result, and numbers are codes only as a code field's value.
@Suite("Log scan: every code in a log, counted")
struct LogScanTests {
    let catalog = Fixtures.shipped.catalog

    static let batchLog = """
        2026-12-01T10:01:02Z POST /v3/messages -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"slow down"}}
        2026-12-01T10:01:03Z POST /v3/messages -> 200 ok
        2026-12-01T10:02:10Z POST /v3/messages -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS"}}
        2026-12-01T10:03:00Z POST /v3/groups/g-1/members -> 400 {"error":{"code":"ERR_GUID_NOT_FOUND","message":"no group"}}
        2026-12-01T10:05:09Z POST /v3/messages -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS"}}
        2026-12-01T10:06:00Z sentori call failed status=400 {"Code": 104, "Message": "Email Addresses not valid"} took 104 ms
        """

    @Test func aBatchLogKeepsEveryFailureWithCountsTimesAndStatuses() throws {
        let scan = LogScan.scan(Self.batchLog, catalog: catalog)
        #expect(scan.lineCount == 6)
        let found = scan.occurrences
        #expect(found.map(\.reference.description) == ["cometchat:ERR_TOO_MANY_REQUESTS", "cometchat:ERR_GUID_NOT_FOUND", "sentori:104"])
        let rate = try #require(found.first)
        #expect(rate.count == 3)
        #expect(rate.firstTime == "2026-12-01T10:01:02Z" && rate.lastTime == "2026-12-01T10:05:09Z")
        #expect(rate.statuses == [429])
        #expect(rate.firstLine == 1)
        #expect(found[1].statuses == [400] && found[1].firstLine == 4)
        #expect(found[2].count == 1, "\"104 ms\" is a number, not the code: only the Code field counts")
        #expect(LogScanLines.line(rate) == "3× cometchat ERR_TOO_MANY_REQUESTS · HTTP 429 · 2026-12-01T10:01:02Z … 2026-12-01T10:05:09Z · first on line 1")
    }

    @Test func chunksOfAnySizeGiveTheSameResult() {
        let whole = LogScan.scan(Self.batchLog, catalog: catalog).occurrences
        let bytes = Array(Self.batchLog.utf8)
        for size in [1, 2, 7, 64, 1000] {
            var scan = LogScan(catalog: catalog)
            var start = 0
            while start < bytes.count {
                scan.feed(bytes[start..<min(bytes.count, start + size)])
                start += size
            }
            scan.finish()
            #expect(scan.occurrences == whole, "chunks of \(size)")
        }
    }

    @Test func theErrorInTheLastLineOfALongLogIsFound() {
        var scan = LogScan(catalog: catalog)
        let filler = Array(String(repeating: "2026-12-01T09:00:00Z GET /v3/users -> 200 fine\n", count: 1000).utf8)
        for _ in 0..<60 { scan.feed(filler) }  // about 3 MB, past the 1 MiB explain reads in one piece
        scan.feed(Array(#"2026-12-01T23:59:59Z POST /v2/users/x/link -> 403 {"errorCode": "INSTALL_DELETED"}"#.utf8))
        scan.finish()
        #expect(scan.occurrences.map(\.reference.description) == ["sentiance:INSTALL_DELETED"])
        #expect(scan.occurrences.first?.firstLine == 60_001)
        #expect(scan.lineCount == 60_001)
    }

    @Test func linesLongerThanTheCapAreScannedInPieces() {
        let long = String(repeating: "x", count: LogScan.maximumLineBytes + 10) + " ERR_TOO_MANY_REQUESTS"
        let scan = LogScan.scan(long, catalog: catalog)
        #expect(scan.occurrences.first?.count == 1)
    }

    @Test func wordsThatAreNotCodesAreNotCounted() {
        let scan = LogScan.scan("err_too_many_requests? no. HTTP 104 Code 104 id=104 TOO_MANY", catalog: catalog)
        #expect(scan.occurrences.isEmpty, "\(scan.occurrences)")
    }

    @Test func explainNamesTheOtherCodes() throws {
        let explanation = Explainer.explain(PasteInput(text: Self.batchLog), searcher: Searcher(catalog: catalog))
        #expect(explanation.occurrences.count == 3)
        #expect(explanation.linesScanned == 6)
        // The code the log reports most often is the one to diagnose; the others stay named.
        #expect(explanation.recognised?.reference.description == "cometchat:ERR_TOO_MANY_REQUESTS")
        #expect(explanation.recognised?.reasons.last == "the code the input reports most often (3 of 5)")
        #expect(explanation.otherOccurrences.map(\.reference.code) == ["ERR_GUID_NOT_FOUND", "104"])
    }
}

/// The same with the command: a log longer than the part explained, its error on the last line.
@Suite("Log scan: the last line of a long log")
struct LogScanLongInputTests {
    @Test func theCodeOnTheLastLineOfALongInputIsTheOneExplained() throws {
        let catalog = Fixtures.shipped.catalog
        let line = "2026-12-01T09:00:00Z GET /v3/users -> 200 fine\n"
        let text = String(repeating: line, count: 30_000) + #"2026-12-01T23:59:59Z POST /v2/users/x/link -> 403 {"errorCode": "INSTALL_DELETED"}"#
        let input = PasteInput(text: text)
        #expect(input.truncated)
        var explanation = Explainer.explain(input, searcher: Searcher(catalog: catalog))
        #expect(explanation.recognised == nil, "the first MiB alone says nothing")
        explanation.adopt(LogScan.scan(text, catalog: catalog))
        #expect(explanation.recognised?.reference.description == "sentiance:INSTALL_DELETED")
        #expect(explanation.recognised?.reasons.first == "INSTALL_DELETED occurs 1× in the input, first on line 30001")
        #expect(explanation.searchResults.isEmpty)
        #expect(explanation.evidence[.code] == "INSTALL_DELETED")
    }
}
