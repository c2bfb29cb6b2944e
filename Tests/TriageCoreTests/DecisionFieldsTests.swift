import Testing
import TestSupport
@testable import TriageCore

/// The decision fields of a code (`decision:`): read with their positions, checked by lint, carried by the
/// compiled catalog, filtered in search, and written for every shipped code from what the documents say.
@Suite struct DecisionFieldsTests {
    private func vendor(_ decision: String, code: String = "A") -> String {
        """
        vendor:
          id: acme
          name: Acme
        categories:
          - id: auth
            name: Auth
        codes:
          - code: \(code)
            category: auth
            description: The key is wrong.
        \(decision)
        """
    }

    @Test func readsEveryField() throws {
        let text = vendor("""
                decision:
                  retryable: after_fix
                  fixer: customer
                  customer_text: Your key is not valid.
                  source: Acme error page
                  verified: 2026-12-06
            """)
        let loaded = Fixtures.load([("acme.yaml", text)])
        #expect(loaded.problems.map(\.description) == [])
        let decision = try #require(loaded.catalog.entries.first?.decision)
        #expect(decision == DecisionFields(retryable: .afterFix, fixer: .customer, customerText: "Your key is not valid.",
                                           source: "Acme error page", verified: "2026-12-06"))
        #expect(decision.badge() == "retry: after fix · fix: customer")
        #expect(decision.listBadge == "r:fix f:cust")
    }

    @Test func aMistypedValueHasItsPositionAndASuggestion() {
        let text = vendor("""
                decision:
                  retryable: throttle
                  fixer: customers
                  source: Acme error page
                  verified: 2026-13-06
            """)
        let found = Fixtures.load([("acme.yaml", text)]).problems.map(\.description)
        #expect(found == [
            "acme.yaml:12:18: retryable of code 'A' must be one of yes, after_fix, no, throttled, unknown, found 'throttle'; did you mean 'throttled'?",
            "acme.yaml:13:14: fixer of code 'A' must be one of customer, vendor, us, unknown, found 'customers'; did you mean 'customer'?",
            "acme.yaml:15:17: verified of code 'A' must be a date written YYYY-MM-DD, found '2026-13-06'",
        ])
    }

    @Test func aMissingFieldOrUnknownKeyIsAnError() {
        let text = vendor("""
                decision:
                  retryable: "no"
                  fixr: vendor
                  source: Acme error page
                  verified: 2026-12-06
            """)
        let found = Fixtures.load([("acme.yaml", text)]).problems.map(\.description)
        #expect(found.contains { $0.hasPrefix("acme.yaml:13:7: unknown key 'fixr'") && $0.contains("did you mean 'fixer'?") }, "\(found)")
        #expect(found.contains("acme.yaml:12:7: decision of code 'A' is missing required key 'fixer'"), "\(found)")
    }

    @Test func lintListsCodesWithoutThemOnceTheVendorHasThem() {
        let decided = vendor("""
                decision:
                  retryable: unknown
                  fixer: unknown
                  source: Acme error page
                  verified: 2026-12-06
              - code: B
                category: auth
                description: Another.
            """)
        #expect(Fixtures.load([("acme.yaml", decided)]).problems.isEmpty, "a code without them still loads")
        let found = Fixtures.lint([("acme.yaml", decided)]).problems.map(\.description)
        #expect(found == ["acme.yaml:16:11: code 'B' has no decision fields: add 'decision:' (retryable, fixer, source, verified; 'unknown' where the vendor's document does not say)"])
        // A vendor with none yet (as `triage import` writes it) is not asked.
        #expect(Fixtures.lint([("acme.yaml", vendor(""))]).problems.isEmpty)
    }

    @Test func theCompiledCatalogCarriesThem() throws {
        let catalog = Fixtures.shipped.catalog
        let opened = try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
        #expect(opened.entries.count == catalog.entries.count)
        for (compiled, loaded) in zip(opened.entries, catalog.entries) {
            #expect(compiled.decision == loaded.decision, "\(loaded.reference)")
        }
    }

    /// Wording for the customer on every shipped code, written from its documented description: present, plain
    /// (no placeholder, no "Indicates", no tree id), and never the description copied unchanged.
    @Test func everyShippedCodeHasWordingForTheCustomer() {
        let catalog = Fixtures.shipped.catalog
        let trees = Set(catalog.trees.map(\.id.rawValue))
        for entry in catalog.entries {
            let text = entry.decision?.customerText ?? ""
            #expect(!text.isEmpty, "\(entry.reference)")
            #expect(Placeholders.occurrences(in: text).isEmpty && !text.hasPrefix("Indicates"), "\(entry.reference): \(text)")
            #expect(!trees.contains { text.contains($0) }, "\(entry.reference): \(text)")
            #expect(text != entry.description, "\(entry.reference): rephrased for the customer")
        }
    }

    @Test func everyShippedCodeHasThemAndOnlyTheDocumentsSayMoreThanUnknown() {
        let catalog = Fixtures.shipped.catalog
        #expect(catalog.entries.filter { $0.decision == nil }.map(\.reference.description) == [])
        #expect(catalog.entries.allSatisfy { $0.decision?.verified == "2026-12-06" })
        // Each of these says it in its own words (the YAML quotes them beside the fields); every other code is
        // unknown on both fields.
        let known = Dictionary(uniqueKeysWithValues: catalog.entries.compactMap { entry -> (String, String)? in
            guard let decision = entry.decision, decision.retryable != .unknown || decision.fixer != .unknown else { return nil }
            return (entry.code, "\(decision.retryable.rawValue)/\(decision.fixer.rawValue)")
        })
        #expect(known == [
            "CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON": "after_fix/customer",
            "INSTALL_DOES_NOT_BELONG_TO_APP": "after_fix/customer",
            "USERLINKING_NOT_CONFIGURED": "after_fix/vendor",
            "USER_NOT_FOUND": "after_fix/customer",
            "ERR_TOO_MANY_REQUESTS": "throttled/unknown",
            "ERR_SUBSCRIPTION_EXPIRED": "after_fix/customer",
            "ERR_APIKEY_NO_SELF_ACTION": "no/unknown",
            "ERR_ROLE_DELETE_DENIED": "no/unknown",
            "ERR_MESSAGE_ACTION_NOT_ALLOWED": "no/unknown",
            "ERR_CALL_NOT_STARTED": "no/unknown",
            "ERR_CANNOT_FORM_SELF_RELATION": "no/unknown",
            "ERR_CANNOT_BLOCK_SELF": "no/unknown",
            "ERR_GROUP_NO_SELF_ACTION": "no/unknown",
            "ERR_BAD_ERROR_RESPONSE": "unknown/vendor",
        ])
    }

    @Test func searchFiltersOnThem() {
        let searcher = Searcher(catalog: Fixtures.shipped.catalog)
        let vendorFixes = searcher.search("fix:vendor").map(\.reference.code).sorted()
        #expect(vendorFixes == ["ERR_BAD_ERROR_RESPONSE", "USERLINKING_NOT_CONFIGURED"])
        #expect(searcher.search("retry:wait").map(\.reference.code) == ["ERR_TOO_MANY_REQUESTS"])
        let neverAgain = searcher.search("retry:no v:cometchat").map(\.reference.code)
        #expect(neverAgain.count == 7 && neverAgain.contains("ERR_CANNOT_BLOCK_SELF"))
        #expect(searcher.search("retry:no group").map(\.reference.code).first == "ERR_GROUP_NO_SELF_ACTION")
        #expect(searcher.search("retry:after fix:customer link").map(\.reference.code).contains("CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON"))
    }
}
