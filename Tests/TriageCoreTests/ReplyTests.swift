import BuiltinCatalog
import Testing
import TestSupport
@testable import TriageCore

/// The reply at a conclusion (`reply:`): read from the tree, required by lint, filled from the diagnosis's values
/// with no secret, and written for every shipped conclusion in words a customer can be sent.
@Suite struct ReplyTests {
    private static func tree(reply: String) -> String {
        """
        id: acme-key
        title: Acme key refused
        vendors: [acme]
        codes: [A]
        start: key
        nodes:
          key:
            ask: Which key did the request send?
            var: KEY
            secret: true
            next: account
          account:
            ask: Which account?
            var: ACCOUNT
            next: done
          done:
            conclusion: The key of @ACCOUNT|the account@ was revoked
            steps: [Issue a new key.]
        \(reply)
        """
    }

    private static let vendor = """
        vendor:
          id: acme
          name: Acme
        categories:
          - id: auth
            name: Auth
        codes:
          - code: A
            category: auth
            description: The key is wrong.
        """

    private static let reply = """
            reply:
              customer: The key you sent (@KEY|your key@) for account @ACCOUNT|your account@ was revoked.
              internal: Revoked key of @ACCOUNT|the account@, typed as @KEY|a masked key@.
        """

    @Test func isFilledWithValuesButNeverASecret() throws {
        let loaded = Fixtures.load([("acme.yaml", Self.vendor), ("tree.yaml", Self.tree(reply: Self.reply))])
        #expect(loaded.problems.map(\.description) == [])
        var session = try DiagnosisSession.start(tree: TreeID("acme-key"), in: loaded.catalog)
        #expect(DiagnosisReply(session: session, catalog: loaded.catalog) == nil, "no reply before the conclusion")
        try session.provide("sk_live_123456789", in: loaded.catalog)
        try session.provide("ACME-42", in: loaded.catalog)
        let reply = try #require(DiagnosisReply(session: session, catalog: loaded.catalog))
        #expect(reply.customer == "The key you sent (your key) for account ACME-42 was revoked.")
        #expect(reply.internalNote == "Revoked key of ACME-42, typed as a masked key.")
        #expect(reply.conclusion == "The key of ACME-42 was revoked")
        for format in DiagnosisReply.Format.allCases {
            let text = reply.rendered(format)
            #expect(!text.contains("sk_live") && !text.contains("[secret]"), "\(format)")
        }
        #expect(reply.rendered(.md).hasPrefix("## Reply to the customer\n\nThe key you sent (your key)"))
        #expect(reply.rendered(.text).contains("Internal note\n-------------\nRevoked key of ACME-42"))
    }

    @Test func lintAsksForAReplyAtEveryConclusionOfATreeThatHasThem() {
        let tree = """
            id: acme-key
            title: Acme key refused
            vendors: [acme]
            codes: [A]
            start: which
            nodes:
              which:
                question: Is the key revoked?
                answers:
                  - {label: "Yes", next: done}
                  - {label: "No", next: other}
                cant_tell: {next: other, check: Ask for the key's state.}
              done:
                conclusion: Revoked
                steps: [Issue a new key.]
                reply:
                  customer: Your key was revoked.
                  internal: Revoked key.
              other:
                conclusion: Something else
                steps: [Ask for the response body.]
            """
        let files = [("acme.yaml", Self.vendor), ("tree.yaml", tree)]
        #expect(Fixtures.load(files).problems.isEmpty, "a conclusion without a reply still loads")
        let found = Fixtures.lint(files).problems.map(\.description).filter { $0.contains("reply") }
        #expect(found == ["tree.yaml:20:5: conclusion 'other' has no reply: add 'reply:' with 'customer' (the reply for the ticket) and 'internal' (the note for colleagues)"])
        // A tree with no reply yet (written before replies) is not asked.
        #expect(Fixtures.lint([("acme.yaml", Self.vendor), ("tree.yaml", Self.tree(reply: ""))]).problems.map(\.description)
            .filter { $0.contains("reply") }.isEmpty)
    }

    @Test func aBrokenReplyHasItsPosition() {
        let broken = """
                reply:
                  customer: Fine.
                  intenal: typo
            """
        let found = Fixtures.load([("acme.yaml", Self.vendor), ("tree.yaml", Self.tree(reply: broken))]).problems.map(\.description)
        #expect(found.contains { $0.hasPrefix("tree.yaml:21:7: unknown key 'intenal'") && $0.contains("did you mean 'internal'?") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("tree.yaml:20:7: reply of node 'done' is missing required key 'internal'") }, "\(found)")
    }

    @Test func everyShippedConclusionHasAReply() {
        let catalog = Fixtures.shipped.catalog
        var conclusions = 0
        for tree in catalog.trees {
            for id in tree.nodeOrder {
                guard case let .conclusion(conclusion)? = tree[node: id]?.kind else { continue }
                conclusions += 1
                #expect(conclusion.reply != nil, "\(tree.id)/\(id)")
            }
        }
        #expect(conclusions == Fixtures.shippedConclusionCount && conclusions > 21)
        #expect(catalog.trees.count == 21)
    }

    /// Each shipped example ticket, walked to its conclusion: the reply is complete, names no tree or node and no
    /// file, and carries none of the values typed as secrets.
    @Test func everyShippedExampleEndsInASendableReply() throws {
        let catalog = Fixtures.shipped.catalog
        #expect(catalog.examples.count >= 21)
        var secretsSeen = 0
        for example in catalog.examples {
            let result = ExampleRunner.run(example, in: catalog)
            #expect(result.passed, "\(result.message ?? "")")
            let session = try #require(result.session, "\(example.name)")
            let reply = try #require(DiagnosisReply(session: session, catalog: catalog), "\(example.name)")
            let tree = try #require(catalog.tree(id: session.currentTree))
            for (part, text) in [("customer", reply.customer), ("internal", reply.internalNote)] {
                let what = "\(example.name) (\(tree.id)/\(session.currentNode)) \(part)"
                #expect(Placeholders.occurrences(in: text).isEmpty, "unfilled placeholder: \(what): \(text)")
                #expect(!text.contains("[secret]"), "masked secret: \(what)")
                for secret in session.secretVariables {
                    guard let value = session.values[secret], !value.isEmpty else { continue }
                    secretsSeen += 1
                    #expect(!text.contains(value), "secret \(secret): \(what)")
                }
            }
            // Engineer-only wording stays out of what the customer reads.
            let customer = reply.customer
            var words = catalog.trees.map(\.id.rawValue) + [".yaml", "catalog/", "Triage", "cant_tell", "can't tell"]
            words += tree.nodeOrder.map(\.rawValue).filter { $0.contains("-") }
            for word in words {
                #expect(!customer.contains(word), "\(example.name): '\(word)' in the customer reply: \(customer)")
            }
        }
        #expect(secretsSeen > 0, "an example types a secret, so the check above is exercised")
    }
}
