import TerminalKit
import TriageCore

/// The detail pane's text laid out for one width: wrapped, styled lines, some of which are links (related codes,
/// decision trees) that the keyboard can select. The update logic uses it to move between links and scroll;
/// the view draws it.
typealias DetailDocument = Document<DetailLink>

/// What a link of the detail pane opens.
enum DetailLink: Hashable, Sendable {
    case code(CodeReference)
    case tree(TreeID)

    /// At most this many lines of a vendor notice are shown at the top of a code; the rest follows at the end.
    static let noticeLines = 3
}

extension Document where Target == DetailLink {
    /// The document for what the detail pane shows in `state`, wrapped to `width` columns.
    init(state: BrowseModel, width: Int, glyphs: BoxGlyphs) {
        var builder = DocumentBuilder<DetailLink>(width: width, ellipsis: glyphs.ellipsis)
        switch state.detailContent {
        case let .entry(index):
            builder.entry(state.catalog.entries[index], catalog: state.catalog, glyphs: glyphs)
            self = builder.finish(title: "Detail")
        case let .vendor(id):
            if let vendor = state.catalog.vendor(id: id) { builder.vendor(vendor, catalog: state.catalog, glyphs: glyphs) }
            self = builder.finish(title: "Vendor")
        case .nothing:
            builder.nothing(state, glyphs: glyphs)
            self = builder.finish(title: "Detail")
        }
    }
}

/// The contents of the detail pane: a code, a vendor, or why there is nothing.
private extension DocumentBuilder where Target == DetailLink {
    /// A link on one line. A tree's title longer than the pane wraps (hanging under the title), so two trees are
    /// never cut to the same text; a related code (first on its line) keeps one line, its message cut.
    mutating func link(_ target: DetailLink, _ label: StyledLine, glyphs: BoxGlyphs) {
        let line = StyledLine(glyphs.link + " ", Theme.link) + label
        var isTree = false
        if case .tree = target { isTree = true }
        if line.width <= width || !isTree {
            region(target) { $0.line(line) }
        } else {
            region(target) { $0.text(label.plain, prefix: glyphs.link + " ", prefixStyle: Theme.link) }
        }
    }


    mutating func entry(_ entry: CatalogEntry, catalog: Catalog, glyphs: BoxGlyphs) {
        let vendor = catalog.vendor(id: entry.vendor)
        text(entry.code, Theme.code)
        let categoryName = vendor?.category(id: entry.category)?.name ?? entry.category
        text("\(vendor?.name ?? entry.vendor) \(glyphs.separator) \(categoryName)", Theme.dim)
        var facts: [String] = []
        if let status = entry.httpStatus { facts.append("HTTP \(status)") }
        if let message = entry.message { facts.append(glyphs.openQuote + message + glyphs.closeQuote) }
        if !facts.isEmpty { text(facts.joined(separator: " \(glyphs.dot) ")) }
        if let decision = entry.decision { text(decision.badge(dot: glyphs.dot), Theme.dim) }
        let noticeCut = vendor?.notice.map { notice in
            WordWrap.lines(notice, width: width, firstPrefix: "! ", restPrefix: "  ").count > DetailLink.noticeLines
        } ?? false
        if let notice = vendor?.notice {
            text(notice, Theme.notice, prefix: "! ", limit: DetailLink.noticeLines)
        }
        gap()
        paragraphs(entry.description)
        bulletSection("Likely causes", Theme.heading, entry.causes, bullet: glyphs.bullet)
        bulletSection("What to check", Theme.heading, entry.checks, bullet: glyphs.bullet)
        if !entry.related.isEmpty {
            heading("Related codes", Theme.heading)
            for reference in entry.related {
                link(.code(reference), RelatedCodeLabel.line(reference, catalog: catalog, besides: [entry.vendor]),
                     glyphs: glyphs)
            }
        }
        // Titles only: no tree is decoded to draw the detail.
        let trees = entry.trees.compactMap { id in catalog.treeTitle(id: id).map { (id, $0) } }
        if !trees.isEmpty {
            heading("Guided diagnosis", Theme.heading)
            for (id, title) in trees { link(.tree(id), StyledLine(title), glyphs: glyphs) }
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

    mutating func vendor(_ vendor: Vendor, catalog: Catalog, glyphs: BoxGlyphs) {
        text(vendor.name, Theme.code)
        if let product = vendor.product { text(product) }
        if let docs = vendor.docs { hyperlink("Docs: ", url: docs, Theme.dim) }
        let count = catalog.entryCount(vendor: vendor.id)
        let categories = vendor.categories.count
        text("\(count) code\(count == 1 ? "" : "s") in \(categories) categor\(categories == 1 ? "y" : "ies")", Theme.dim)
        if let notice = vendor.notice {
            heading("Notice", Theme.warning)
            paragraphs(notice, Theme.notice)
        }
        bulletSection("How the API works", Theme.heading, vendor.facts, bullet: glyphs.bullet)
        if !vendor.categories.isEmpty {
            heading("Categories", Theme.heading)
            for category in vendor.categories {
                let count = catalog.entryCount(vendor: vendor.id, category: category.id)
                var item = "\(category.name) (\(count))"
                if let description = category.description { item += ": " + description }
                bullets([item], bullet: glyphs.bullet)
            }
        }
    }

    mutating func nothing(_ state: BrowseModel, glyphs: BoxGlyphs) {
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
