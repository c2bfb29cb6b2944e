import Foundation
import TerminalKit
import TriageCore
@testable import TriageUI

/// Small catalogs for exact-screen tests (they do not change when the shipped content does), and the shipped
/// catalog for behaviour on real content.
enum Fixtures {
    static let acme = """
    vendor:
      id: acme
      name: Acme
      product: Rocket delivery API
      docs: https://docs.acme.test
      notice: This page documents the old v1 API.
      facts:
        - "Errors come as {\\"error\\": CODE}."
        - "The key goes in the X-Acme-Key header."
    categories:
      - id: auth
        name: Auth
        description: Keys and tokens.
      - id: orders
        name: Orders
      - id: empty
        name: Nothing here
    codes:
      - code: KEY_MISSING
        category: auth
        http: 401
        description: The request has no API key.
        causes: [The X-Acme-Key header is missing.]
        checks: [The request headers.]
        keywords: [unauthorized]
        related: [KEY_EXPIRED, "zeta:1"]
        trees: [acme-keys]
      - code: KEY_EXPIRED
        category: auth
        http: 401
        description: The API key has expired.
        related: [KEY_MISSING]
      - code: ORDER_NOT_FOUND
        category: orders
        http: 404
        description: No order has this id.
      - code: ORDER_LOCKED
        category: orders
        http: 409
        description: The order is being shipped and cannot change.
    """

    static let zeta = """
    vendor:
      id: zeta
      name: Zeta
    categories:
      - id: general
        name: General
    codes:
      - code: -1
        category: general
        http: 400
        message: Bad request
        description: The request is malformed.
      - code: 1
        category: general
        http: 403
        message: API Key not valid
        description: The key does not open any account.
        related: [-1]
    """

    static let tree = """
    id: acme-keys
    title: Acme key problems
    vendors: [acme]
    codes: [acme:KEY_MISSING]
    start: which
    nodes:
      which:
        question: Is the header there?
        answers:
          - label: "Yes"
            next: fine
          - label: "No"
            next: add
      fine:
        conclusion: The key is sent
        steps: [Check the key value.]
      add:
        conclusion: The key is missing
        steps: [Add the X-Acme-Key header.]
    """

    /// Acme (4 codes in 3 categories), Zeta (2 codes with messages) and one tree.
    static func catalog() -> Catalog {
        let loaded = CatalogLoader.load([CatalogSource(name: "test", files: [
            ("acme.yaml", acme), ("zeta.yaml", zeta), ("acme-keys.yaml", tree),
        ])])
        precondition(loaded.problems.isEmpty, "fixture problems: \(loaded.problems)")
        return loaded.catalog
    }

    /// The repository's catalog folder, loaded from disk (vendors still being written may be missing).
    static let shipped: Catalog = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("catalog").resolvingSymlinksInPath().path
        return CatalogLoader.load([CatalogSource.directory(folder).source]).catalog
    }()
}

/// Driving a program from tests.
extension BrowserProgram {
    /// A program on `catalog` already sized to `width`x`height`.
    static func sized(_ catalog: Catalog, width: Int = 80, height: Int = 24,
                      options: BrowserOptions = BrowserOptions()) -> BrowserProgram {
        var program = BrowserProgram(catalog: catalog, options: options)
        _ = program.update(.resize(width: width, height: height))
        return program
    }

    /// Sends keys, performing the effects they ask for as the runner does (transcripts through `saver`; nil:
    /// nowhere to save); returns the last result.
    @discardableResult
    mutating func send(_ keys: Key..., saving saver: TranscriptSaver? = nil) -> UpdateResult {
        var result = UpdateResult.continue
        for key in keys {
            let update = update(.key(key))
            result = update.result
            for effect in update.effects { _ = answer(effect.perform(transcripts: saver)) }
        }
        return result
    }

    /// Types each character as a key.
    @discardableResult
    mutating func type(_ text: String) -> UpdateResult {
        var result = UpdateResult.continue
        for character in text { result = update(.key(.character(character))).result }
        return result
    }

    func render(unicode: Bool = true) -> Buffer {
        view(RenderContext(width: state.width, height: state.height, unicode: unicode))
    }
}

extension Fixtures {
    /// A vendor with `count` codes in one category, for paging and scrolling.
    static func bulk(_ count: Int) -> Catalog {
        var yaml = """
        vendor:
          id: bulk
          name: Bulk
        categories:
          - id: all
            name: All
        codes:

        """
        for number in 0..<count {
            yaml += """
              - code: CODE_\(number)
                category: all
                description: Code number \(number).

            """
        }
        let loaded = CatalogLoader.load([CatalogSource(name: "bulk", files: [("bulk.yaml", yaml)])])
        precondition(loaded.problems.isEmpty, "bulk problems: \(loaded.problems)")
        return loaded.catalog
    }
}

extension BrowseModel {
    /// The codes of the codes pane, in order.
    var listedCodes: [String] { list.map { catalog.entries[$0].code } }
}
