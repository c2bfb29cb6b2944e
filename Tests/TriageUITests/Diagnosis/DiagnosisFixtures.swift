import TerminalKit
import Testing
import Foundation
import TriageCore
@testable import TriageUI

/// A small catalog for exact diagnosis screens: the browser fixtures' vendors plus a tree that has every kind of
/// step (a question the code answers, a secret and a plain ask, a question with placeholders, conclusions with
/// related codes and escalation, a `goto` into another tree).
enum DiagnosisFixtures {
    static let tree = """
    id: acme-rejected
    title: Acme rejects the request
    summary: Why Acme refuses a request with a key error, from the header to the account.
    vendors: [acme]
    codes: [KEY_MISSING, KEY_EXPIRED]
    start: which
    nodes:
      which:
        question: Which code is in the error body?
        detail: The "error" field of the JSON body.
        answers:
          - {label: KEY_MISSING, codes: [KEY_MISSING], next: header}
          - {label: KEY_EXPIRED, codes: [KEY_EXPIRED], next: key}
          - {label: Something else, next: other}
      header:
        question: Does the request carry the X-Acme-Key header?
        detail: Look at the raw request, not at the client code.
        answers:
          - {label: "Yes", next: key}
          - {label: "No", next: add-header}
      key:
        ask: Which key did the request send?
        detail: The value of the X-Acme-Key header.
        var: API_KEY
        secret: true
        next: account
      account:
        ask: Which account should the key open?
        detail: The account id in the customer's dashboard URL.
        var: ACCOUNT
        next: same
      same:
        question: Does key @API_KEY@ belong to account @ACCOUNT@ in the dashboard?
        answers:
          - {label: "No: it belongs to another account", next: wrong-account}
          - {label: "Yes", next: renew}
      wrong-account:
        conclusion: The key @API_KEY@ belongs to another account than @ACCOUNT@
        explanation: Each account has its own keys; a key opens only the account it was made in.
        steps:
          - Create a key in account @ACCOUNT@.
          - Deploy it to every service that calls Acme.
        related: [KEY_EXPIRED, "zeta:1"]
        escalate:
          when: A key of the right account is refused too.
          include: [the request id, the account @ACCOUNT@]
      renew:
        conclusion: The key has expired
        steps: [Create a new key in the dashboard.]
      add-header:
        conclusion: The key is missing
        steps: [Add the X-Acme-Key header.]
      other:
        goto: acme-keys
    """

    static let keyMissing = CodeReference(vendor: "acme", code: "KEY_MISSING")

    static func catalog() -> Catalog {
        let loaded = CatalogLoader.load([CatalogSource(name: "test", files: [
            ("acme.yaml", Fixtures.acme), ("zeta.yaml", Fixtures.zeta), ("acme-keys.yaml", Fixtures.tree),
            ("acme-rejected.yaml", tree),
        ])])
        precondition(loaded.problems.isEmpty, "fixture problems: \(loaded.problems)")
        return loaded.catalog
    }

    /// The fixture tree started from KEY_MISSING (the first question is implied), sized.
    static func fromKeyMissing(width: Int = 80, height: Int = 24) -> DiagnosisScreen {
        // swiftlint:disable:next force_try
        try! DiagnosisScreen.start(tree: "acme-rejected", from: keyMissing, catalog: catalog(), width: width,
                                   height: height)
    }

    /// A fixed time for transcripts: 2026-11-23T08:51:11Z.
    static let date = Date(timeIntervalSince1970: 1_795_423_871)
}

/// Driving the screen from tests.
extension DiagnosisScreen {
    @discardableResult
    mutating func send(_ keys: Key...) -> DiagnosisOutcome {
        var outcome = DiagnosisOutcome.stay
        for key in keys { outcome = handle(key) }
        return outcome
    }

    /// Types each character as a key.
    @discardableResult
    mutating func type(_ text: String) -> DiagnosisOutcome {
        var outcome = DiagnosisOutcome.stay
        for character in text { outcome = handle(.character(character)) }
        return outcome
    }

    func render(unicode: Bool = true) -> Buffer {
        var screen = Buffer(width: width, height: height)
        draw(into: &screen, x: 0, y: 0, width: width, height: height,
             context: RenderContext(width: width, height: height, unicode: unicode))
        return screen
    }
}
