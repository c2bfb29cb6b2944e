import Foundation
import TerminalKit
import TriageCore

/// The detail pane's text laid out for one width: wrapped, styled lines, some of which are links (related codes,
/// decision trees) that the keyboard can select. The update logic uses it to move between links and scroll;
/// the view draws it.
struct DetailDocument: Hashable, Sendable {
    enum Link: Hashable, Sendable {
        case code(CodeReference)
        case tree(String)
    }

    struct Line: Hashable, Sendable {
        var text: StyledLine
        /// Index into `links` when the line is a link.
        var link: Int?
    }

    var title: String
    var lines: [Line] = []
    var links: [Link] = []
    /// The line of each link.
    var linkLines: [Int] = []

    /// At most this many lines of a vendor notice are shown at the top of a code; the rest follows at the end.
    static let noticeLines = 3
}

extension DetailDocument {
    /// The document for what the detail pane shows in `state`, wrapped to `width` columns.
    init(state: BrowserState, width: Int, glyphs: BoxGlyphs) {
        var builder = DocumentBuilder(width: max(1, width), glyphs: glyphs)
        switch state.detailContent {
        case let .entry(index):
            builder.entry(state.catalog.entries[index], catalog: state.catalog)
            self = builder.finish(title: "Detail")
        case let .vendor(id):
            if let vendor = state.catalog.vendor(id: id) { builder.vendor(vendor, catalog: state.catalog) }
            self = builder.finish(title: "Vendor")
        case .nothing:
            builder.nothing(state)
            self = builder.finish(title: "Detail")
        }
    }
}

/// Appends wrapped, styled lines to a document.
private struct DocumentBuilder {
    let width: Int
    let glyphs: BoxGlyphs
    var lines: [DetailDocument.Line] = []
    var links: [DetailDocument.Link] = []
    var linkLines: [Int] = []

    func finish(title: String) -> DetailDocument {
        var document = DetailDocument(title: title, lines: lines, links: links, linkLines: linkLines)
        while document.lines.last?.text.plain.isEmpty == true { document.lines.removeLast() }
        return document
    }

    mutating func line(_ text: StyledLine) { lines.append(.init(text: text, link: nil)) }

    /// One empty line, never two in a row or at the top.
    mutating func gap() {
        if let last = lines.last, !last.text.plain.isEmpty { line(StyledLine()) }
    }

    mutating func text(_ text: String, _ style: Style = .plain, prefix: String = "", limit: Int? = nil) {
        var wrapped = WordWrap.lines(text, width: width, firstPrefix: prefix,
                                     restPrefix: String(repeating: " ", count: DisplayWidth.of(prefix)))
        if let limit, wrapped.count > limit {
            wrapped = Array(wrapped.prefix(limit))
            let last = StyledLine(wrapped[limit - 1] + " " + glyphs.ellipsis)
            wrapped[limit - 1] = last.width > width ? last.fitted(to: width, ellipsis: glyphs.ellipsis).plain : last.plain
        }
        for piece in wrapped { line(StyledLine(piece, style)) }
    }

    /// Paragraphs separated by one empty line.
    mutating func paragraphs(_ text: String, _ style: Style = .plain) {
        let parts = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (number, part) in parts.enumerated() {
            if number > 0 { line(StyledLine()) }
            self.text(part, style)
        }
    }

    mutating func heading(_ title: String, _ style: Style = Theme.heading) {
        gap()
        text(title, style)
    }

    mutating func bullets(_ items: [String]) {
        for item in items { text(item, prefix: glyphs.bullet + " ") }
    }

    mutating func link(_ target: DetailDocument.Link, _ label: StyledLine) {
        linkLines.append(lines.count)
        lines.append(.init(text: StyledLine(glyphs.link + " ", Theme.link) + label, link: links.count))
        links.append(target)
    }

    // MARK: - Contents

    mutating func entry(_ entry: CatalogEntry, catalog: Catalog) {
        let vendor = catalog.vendor(id: entry.vendor)
        text(entry.code, Theme.code)
        let categoryName = vendor?.category(id: entry.category)?.name ?? entry.category
        text("\(vendor?.name ?? entry.vendor) \(glyphs.separator) \(categoryName)", Theme.dim)
        var facts: [String] = []
        if let status = entry.httpStatus { facts.append("HTTP \(status)") }
        if let message = entry.message { facts.append(glyphs.openQuote + message + glyphs.closeQuote) }
        if !facts.isEmpty { text(facts.joined(separator: " \(glyphs.dot) ")) }
        let noticeCut = vendor?.notice.map { notice in
            WordWrap.lines(notice, width: width, firstPrefix: "! ", restPrefix: "  ").count > DetailDocument.noticeLines
        } ?? false
        if let notice = vendor?.notice {
            text(notice, Theme.notice, prefix: "! ", limit: DetailDocument.noticeLines)
        }
        gap()
        paragraphs(entry.description)
        if !entry.causes.isEmpty {
            heading("Likely causes")
            bullets(entry.causes)
        }
        if !entry.checks.isEmpty {
            heading("What to check")
            bullets(entry.checks)
        }
        if !entry.related.isEmpty {
            heading("Related codes")
            for reference in entry.related {
                var label = StyledLine(reference.vendor == entry.vendor
                    ? reference.code : "\(catalog.vendor(id: reference.vendor)?.name ?? reference.vendor) \(reference.code)")
                if let target = catalog.entry(reference) {
                    if let status = target.httpStatus { label.append("  \(status)", Theme.dim) }
                    if let message = target.message { label.append("  \(message)", Theme.dim) }
                }
                link(.code(reference), label)
            }
        }
        let trees = catalog.trees(for: entry)
        if !trees.isEmpty {
            heading("Guided diagnosis")
            for tree in trees { link(.tree(tree.id), StyledLine(tree.title)) }
        }
        if !entry.keywords.isEmpty {
            gap()
            text("Also known as: " + entry.keywords.joined(separator: ", "), Theme.dim)
        }
        if noticeCut, let notice = vendor?.notice {
            heading("Vendor notice", Theme.notice)
            paragraphs(notice, Theme.notice)
        }
    }

    mutating func vendor(_ vendor: Vendor, catalog: Catalog) {
        text(vendor.name, Theme.code)
        if let product = vendor.product { text(product) }
        if let docs = vendor.docs { text("Docs: " + docs, Theme.dim) }
        let count = catalog.entries(vendor: vendor.id).count
        let categories = vendor.categories.count
        text("\(count) code\(count == 1 ? "" : "s") in \(categories) categor\(categories == 1 ? "y" : "ies")", Theme.dim)
        if let notice = vendor.notice {
            heading("Notice", Theme.warning)
            paragraphs(notice, Theme.notice)
        }
        if !vendor.facts.isEmpty {
            heading("How the API works")
            bullets(vendor.facts)
        }
        if !vendor.categories.isEmpty {
            heading("Categories")
            for category in vendor.categories {
                let count = catalog.entries(vendor: vendor.id, category: category.id).count
                var item = "\(category.name) (\(count))"
                if let description = category.description { item += ": " + description }
                bullets([item])
            }
        }
    }

    mutating func nothing(_ state: BrowserState) {
        if state.catalog.entries.isEmpty {
            text("The catalog is empty.", Theme.code)
            text("Add vendor files with --catalog DIR or TRIAGE_CATALOG.", Theme.dim)
        } else if state.isSearching {
            text("No codes match \(glyphs.openQuote)\(state.query)\(glyphs.closeQuote).", Theme.code)
            if state.scope == .vendor, let vendor = state.selectedVendor {
                text("Only \(vendor.name) is searched: Ctrl-V searches all vendors.", Theme.dim)
            } else {
                text("Try fewer or shorter words, a code, an HTTP status or the vendor's message.", Theme.dim)
            }
        } else {
            text("No codes in this category.", Theme.dim)
        }
    }
}
