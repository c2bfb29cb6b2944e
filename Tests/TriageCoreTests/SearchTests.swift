import Testing
import TestSupport
@testable import TriageCore

/// Ranking on the queries engineers actually type, against the shipped catalog.
@Suite struct SearchTests {
    let searcher = Searcher(catalog: Fixtures.shipped.catalog)

    private func top(_ query: String, vendor: String? = nil, _ count: Int = 1) -> [String] {
        searcher.search(query, vendor: vendor, limit: count).map(\.reference.description)
    }

    @Test func wordsSeparatedAnyWayFindTheCode() {
        for query in ["install not found", "INSTALL_NOT_FOUND", "install-not-found", "Install Not Found", "install_not_found"] {
            #expect(top(query) == ["sentiance:INSTALL_NOT_FOUND"], "\(query)")
        }
    }

    @Test func typosAndWordOrderAreTolerated() {
        #expect(top("instal not fund") == ["sentiance:INSTALL_NOT_FOUND"])
        #expect(top("not found install") == ["sentiance:INSTALL_NOT_FOUND"])
        #expect(top("install dose not belong") == ["sentiance:INSTALL_DOES_NOT_BELONG_TO_APP"])
        #expect(top("to many requests") == ["cometchat:ERR_TOO_MANY_REQUESTS"])
        #expect(top("ERR_UID_NOT_FOUDN") == ["cometchat:ERR_UID_NOT_FOUND"])
    }

    @Test func exactCodeRanksFirstAmongSimilarCodes() {
        #expect(top("auth token not found") == ["cometchat:AUTH_ERR_AUTH_TOKEN_NOT_FOUND"] ||
                top("auth token not found") == ["cometchat:ERR_AUTH_TOKEN_NOT_FOUND"])
        #expect(top("ERR_AUTH_TOKEN_NOT_FOUND") == ["cometchat:ERR_AUTH_TOKEN_NOT_FOUND"])
        #expect(top("AUTH_ERR_AUTH_TOKEN_NOT_FOUND") == ["cometchat:AUTH_ERR_AUTH_TOKEN_NOT_FOUND"])
        #expect(top("user not found") == ["sentiance:USER_NOT_FOUND"])
    }

    @Test func httpStatusFindsExactlyThoseCodes() {
        let hits = searcher.search("403").map { Fixtures.shipped.catalog.entries[$0.entryIndex] }
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.httpStatus == 403 || $0.code.hasPrefix("403") || $0.description.contains("403") || $0.keywords.joined().contains("403") })
        let statusHits = Set(hits.filter { $0.httpStatus == 403 }.map(\.reference.description))
        #expect(statusHits == [
            "sentiance:CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON", "sentiance:INSTALL_DOES_NOT_BELONG_TO_APP",
            "sentiance:INSTALL_DISABLED", "sentiance:INSTALL_DELETED", "sentiance:INSTALL_LINKED_TO_OTHER_USER",
            "sentori:1", "sentori:2", "sentori:3",
        ])
        #expect(searcher.search("404").allSatisfy { Fixtures.shipped.catalog.entries[$0.entryIndex].httpStatus != 403 })
    }

    @Test func numericCodesAndTheTicketPhrasing() {
        #expect(top("3", vendor: "sentori") == ["sentori:3"])
        #expect(top("-1") == ["sentori:-1"])
        #expect(top("api key not valid") == ["sentori:1"])
        #expect(top("403 code 3", vendor: "sentori").first == "sentori:3")
    }

    @Test func matchesMessagesDescriptionsCategoriesAndVendorNames() {
        #expect(top("email name already in use") == ["sentori:401"])
        #expect(top("rate limiting") == ["cometchat:ERR_TOO_MANY_REQUESTS"])
        #expect(searcher.search("sentori").count == 16)
        #expect(searcher.search("websocket", vendor: "cometchat").count >= 10)
    }

    @Test func vendorScopeAndLimit() {
        let hits = searcher.search("not found", vendor: "cometchat")
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.reference.vendor == "cometchat" })
        #expect(searcher.search("not found", limit: 3).count == 3)
    }

    @Test func nothingMatchesGibberishAndEmptyQueryListsAll() {
        #expect(searcher.search("zzqqxx").isEmpty)
        #expect(searcher.search("").count == 143)
        #expect(searcher.search("   ", vendor: "sentiance").count == 11)
    }

    @Test func typingAQueryKeepsTheRightCodeOnTop() {
        // Exact and prefix matching only narrows as the query grows; typo tolerance starts at four letters.
        var previous = Int.max
        for query in ["i", "in", "ins"] {
            let count = searcher.search(query).count
            #expect(count <= previous, "\(query)")
            previous = count
        }
        for query in ["install n", "install no", "install not", "install not f", "install not fo", "install not found"] {
            #expect(top(query) == ["sentiance:INSTALL_NOT_FOUND"], "\(query)")
        }
        for query in ["install does", "install does not belong", "INSTALL_DOES_NOT_BELONG_TO_APP"] {
            #expect(top(query) == ["sentiance:INSTALL_DOES_NOT_BELONG_TO_APP"], "\(query)")
        }
    }

    @Test func typingNeverEmptiesTheResults() {
        // Results are the codes scoring near the best, words weighed by rarity and where they match, so a word
        // typed longer can become rarer and weigh more, and another word can bring in codes that match it well:
        // the count can grow while typing, but never drops to nothing, and the best code stays on top.
        for query in ["install not found", "err too many requests", "group member banned", "auth token",
                      "moderators kick admin", "install deleted", "contact not found", "v:cometchat kick admin",
                      "key not valid", "subscription expired"] {
            var typed = ""
            for character in query {
                typed.append(character)
                #expect(!searcher.search(typed).isEmpty, "'\(typed)' has no results")
            }
        }
        #expect(searcher.search("inst").count <= searcher.search("ins").count)
    }

    @Test func noSingleWordEmptiesTheResultsAndAnExactCodeComesFirst() {
        #expect(top("ERR_UID_NOT_FOUND abc") == ["cometchat:ERR_UID_NOT_FOUND"])
        #expect(top("customer gets INSTALL_DELETED") == ["sentiance:INSTALL_DELETED"])
        #expect(top("linking broke with INSTALL_DISABLED yesterday") == ["sentiance:INSTALL_DISABLED"])
        #expect(top("please look at err_guid_not_found for tenant 7") == ["cometchat:ERR_GUID_NOT_FOUND"])
        #expect(!searcher.search("install qqqqzzzz").isEmpty)
    }

    @Test func joinedWordsAndWordForms() {
        #expect(top("toomanyrequests") == ["cometchat:ERR_TOO_MANY_REQUESTS"])
        #expect(top("ratelimit") == ["cometchat:ERR_TOO_MANY_REQUESTS"])
        #expect(top("INSTALLNOTFOUND") == ["sentiance:INSTALL_NOT_FOUND"])
        #expect(top("UIDNOTFOUND") == ["cometchat:ERR_UID_NOT_FOUND"])
        #expect(top("ERR_GUID_NOTFOUND") == ["cometchat:ERR_GUID_NOT_FOUND"])
        #expect(WordForms.stem(Array("importing")) == Array("import"))
        #expect(WordForms.stem(Array("replies")) == WordForms.stem(Array("reply")))
        #expect(WordForms.stem(Array("blocking")) == WordForms.stem(Array("blocked")))
        #expect(WordForms.stem(Array("banned")) == WordForms.stem(Array("ban")))
        #expect(top("importing contacts", 3).contains("sentori:105"))
    }

    @Test func statusesByDocumentationAndByMeaning() {
        #expect(top("429") == ["cometchat:ERR_TOO_MANY_REQUESTS"], "429 means too many requests; CometChat documents no statuses")
        let notFound = searcher.search("404").map { Fixtures.shipped.catalog.entries[$0.entryIndex] }
        #expect(notFound.prefix(5).allSatisfy { $0.httpStatus == 404 }, "documented statuses rank above meanings")
        #expect(notFound.allSatisfy { $0.httpStatus == 404 || ($0.httpStatus == nil && $0.vendor == "cometchat") },
                "Sentiance documents statuses for some codes: its others are not guessed")
    }

    @Test func fieldFilters() {
        let sentori404 = searcher.search("v:sentori s:404").map(\.reference.code)
        #expect(sentori404 == ["101", "200", "300", "500"])
        #expect(searcher.search("c:group").allSatisfy { $0.reference.vendor == "cometchat" })
        #expect(searcher.search("c:group").count == 22)
        #expect(top("c:group banned", 3).allSatisfy { Fixtures.shipped.catalog.entry(CodeReference(parsing: $0, defaultVendor: ""))?.category == "group" })
        #expect(searcher.search("v:CometChat not found").allSatisfy { $0.reference.vendor == "cometchat" })
        #expect(searcher.search("s:403").count == 8)
        #expect(searcher.search("v:nosuchvendor").isEmpty)
    }

    @Test func aDeprecatedVendorRanksBelowAnEqualCurrentMatch() {
        // USER_NOT_FOUND is both Sentiance's (deprecated page) and a synthetic current vendor's: same text.
        let base = Fixtures.shipped.catalog
        let sentiance = base.entries.first { $0.code == "USER_NOT_FOUND" }!
        var copy = sentiance
        copy.vendor = "current"
        let current = Vendor(id: "current", name: "Current", categories: [Category(id: sentiance.category, name: "Custom Events")],
                             location: SourceLocation(file: "c", line: 1, column: 1))
        let catalog = Catalog(vendors: base.vendors + [current], entries: base.entries + [copy], trees: [])
        let hits = Searcher(catalog: catalog).search("users cannot be found", limit: 3).map(\.reference.description)
        // ("users" also names CometChat's User category, which steers its codes a little.)
        #expect(hits.first == "current:USER_NOT_FOUND")
        #expect(hits.contains("sentiance:USER_NOT_FOUND"), "\(hits)")
    }

    @Test func keysAndWordsAgree() {
        for text in ["INSTALL_NOT_FOUND", "-1 and a-1, x -2", "Ünïcode wörds 日本 -3", "HTTP/1.1 403 {\"Code\":1}", ""] {
            #expect(SearchText.keys(text) == SearchText.words(text).map { String($0.text) }, "\(text)")
        }
    }

    @Test func highlightsMarkMatchedCharacters() {
        #expect(searcher.highlights(of: "install not found", in: "INSTALL_NOT_FOUND") == [
            HighlightRange(start: 0, length: 7), HighlightRange(start: 8, length: 3), HighlightRange(start: 12, length: 5),
        ])
        #expect(searcher.highlights(of: "inst fo", in: "INSTALL_NOT_FOUND") == [
            HighlightRange(start: 0, length: 4), HighlightRange(start: 12, length: 2),
        ])
        #expect(searcher.highlights(of: "token", in: "ERR_AUTHTOKEN_UNAVAILABLE") == [HighlightRange(start: 8, length: 5)])
        #expect(searcher.highlights(of: "", in: "anything") == [])
    }

    @Test func scalesToABigCatalog() {
        // 10,000 synthetic entries: the index builds and answers with the right entry first.
        var entries: [CatalogEntry] = []
        for index in 0..<10_000 {
            entries.append(CatalogEntry(vendor: "big", category: "c\(index % 50)", code: "ERR_CODE_\(index)_\(["ALPHA", "BETA", "GAMMA"][index % 3])",
                                        description: "Synthetic description number \(index)",
                                        location: SourceLocation(file: "big", line: 1, column: 1)))
        }
        let catalog = Catalog(vendors: [Vendor(id: "big", name: "Big", location: SourceLocation(file: "big", line: 1, column: 1))],
                              entries: entries, trees: [])
        let big = Searcher(catalog: catalog)
        #expect(big.search("err code 1234", limit: 1).first?.reference.code == "ERR_CODE_1234_BETA")
        #expect(big.search("ERR_CODE_1235_GAMMA", limit: 1).first?.reference.code == "ERR_CODE_1235_GAMMA")
        #expect(big.search("code 1235 zzzz", limit: 1).first?.reference.code == "ERR_CODE_1235_GAMMA",
                "a word no entry has does not empty the results")
        #expect(big.search("gama", limit: 50).count == 50)
    }
}

@Suite struct EditDistanceTests {
    @Test func distances() {
        #expect(EditDistance.between(Array("found"), Array("fund")) == 1)
        #expect(EditDistance.between(Array("abcd"), Array("abdc")) == 1, "a transposition is one edit")
        #expect(EditDistance.between(Array("kitten"), Array("sitting")) == 3)
        #expect(EditDistance.between(Array("kitten"), Array("sitting"), limit: 2) == nil)
        #expect(EditDistance.toPrefix(Array("instl"), of: Array("installation"), limit: 1) == 1)
        #expect(EditDistance.toPrefix(Array("xyz"), of: Array("installation"), limit: 1) == nil)
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "INSTAL_NOT_FOUN", among: ["INSTALL_NOT_FOUND", "USER_NOT_FOUND", "X"]) == ["INSTALL_NOT_FOUND"])
        #expect(Suggestions.closest(to: "descripton", among: ["description", "code"], limit: 1) == ["description"])
        #expect(Suggestions.closest(to: "zzz", among: ["description", "code"]).isEmpty)
    }
}

@Suite struct TerminalSafeTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalSafe.sanitize("a\u{1B}[31mred\u{07}") == "a^[[31mred^G")
        #expect(TerminalSafe.sanitize("c1\u{9B}2J") == "c1\\u{9B}2J")
        #expect(TerminalSafe.sanitize("tab\tand\nnewline") == "tab\tand\nnewline")
        #expect(TerminalSafe.sanitize("one\ntwo", keepNewlines: false) == "one two")
        #expect(TerminalSafe.sanitize("del\u{7F}") == "del^?")
        #expect(TerminalSafe.sanitize("plain ü 日本") == "plain ü 日本")
    }
}
