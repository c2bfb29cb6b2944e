/// A vendor whose error codes the catalog holds.
public struct Vendor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var product: String?
    public var docs: String?
    /// A warning shown with every code of the vendor (e.g. "this page is deprecated").
    public var notice: String?
    /// How the vendor's API works: error body shape, auth headers, hosts.
    public var facts: [String]
    /// What explain reads from the vendor's API: hosts, bodies, message and path patterns, ids, secret headers.
    public var explain = VendorExplain()
    /// Categories in display order.
    public var categories: [Category]
    /// Where the vendor was defined, and every later source that overrode part of it.
    public var sources: [String]
    public var location: SourceLocation

    public init(id: String, name: String, product: String? = nil, docs: String? = nil, notice: String? = nil,
                facts: [String] = [], categories: [Category] = [], sources: [String] = [],
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.product = product
        self.docs = docs
        self.notice = notice
        self.facts = facts
        self.categories = categories
        self.sources = sources
        self.location = location
    }

    public func category(id: String) -> Category? { categories.first { $0.id == id } }
}

/// A group of a vendor's codes, as the vendor's documentation groups them.
public struct Category: Hashable, Sendable {
    public var id: String
    public var name: String
    public var description: String?

    public init(id: String, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// A reference to a code: the vendor id and the code exactly as the vendor writes it.
public struct CodeReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var vendor: String
    public var code: String

    public init(vendor: String, code: String) {
        self.vendor = vendor
        self.code = code
    }

    /// Parses `CODE` (in the context of `defaultVendor`) or `vendor:CODE`.
    public init(parsing text: String, defaultVendor: String) {
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex,
           text[..<colon].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
            self.init(vendor: String(text[..<colon]), code: String(text[text.index(after: colon)...]))
        } else {
            self.init(vendor: defaultVendor, code: text)
        }
    }

    /// `vendor:CODE`.
    public var description: String { "\(vendor):\(code)" }

    public static func < (lhs: CodeReference, rhs: CodeReference) -> Bool {
        (lhs.vendor, lhs.code) < (rhs.vendor, rhs.code)
    }
}

/// One error code of one vendor, with what it means and what to check.
public struct CatalogEntry: Hashable, Sendable {
    public var vendor: String
    public var category: String
    /// The code exactly as the vendor writes it (`INSTALL_NOT_FOUND`, `-1`).
    public var code: String
    /// The code as a number, where the code is one.
    public var numeric: Int? { Int(code) }
    public var httpStatus: Int?
    public var message: String?
    /// A short line written for lists, where the vendor gives no message or only boilerplate.
    public var summary: String?
    /// A page of the vendor's documentation for this code (else the vendor's `docs`).
    public var docs: String?
    public var description: String
    public var causes: [String]
    public var checks: [String]
    public var keywords: [String]
    /// How customers and engineers describe the situation (symptoms, SDK wording): searched with their own
    /// weight, never shown as the vendor's text.
    public var phrases: [String] = []
    public var related: [CodeReference]
    /// Ids of the decision trees that diagnose this code (its own list merged with the trees' `codes:`).
    public var trees: [TreeID]
    public var location: SourceLocation
    /// Written by `triage import`: when the code first appeared in the vendor's documentation, when it stopped
    /// appearing there (the code is kept, marked deprecated), and where each imported field came from.
    public var lifecycle: ImportLifecycle = ImportLifecycle()
    /// Retryable, who fixes it, customer-safe wording and their source (`decision:`); nil when not written.
    public var decision: DecisionFields?

    public init(vendor: String, category: String, code: String, httpStatus: Int? = nil, message: String? = nil,
                summary: String? = nil, docs: String? = nil, description: String, causes: [String] = [], checks: [String] = [], keywords: [String] = [],
                related: [CodeReference] = [], trees: [TreeID] = [], location: SourceLocation) {
        self.vendor = vendor
        self.category = category
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.summary = summary
        self.docs = docs
        self.description = description
        self.causes = causes
        self.checks = checks
        self.keywords = keywords
        self.related = related
        self.trees = trees
        self.location = location
    }

    public var reference: CodeReference { CodeReference(vendor: vendor, code: code) }

    /// The one line lists show: the summary, else the vendor's message, else the description.
    public var listLine: String { summary ?? message ?? description }

    /// The short text beside a code in a list, if there is one: the summary, else the vendor's message.
    public var shortLine: String? { summary ?? message }
}
