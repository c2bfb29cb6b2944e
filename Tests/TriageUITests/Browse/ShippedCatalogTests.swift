import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The browser on the real catalog: loose checks that survive content edits.
@Suite("The shipped catalog")
struct ShippedCatalogTests {
    @Test("searching \"install not found\" puts INSTALL_NOT_FOUND first and on screen, with the notice")
    func installNotFound() throws {
        try #require(Fixtures.shipped.vendor(id: "sentiance") != nil)
        var program = BrowserProgram.sized(Fixtures.shipped)
        program.send(.character("/"))
        program.type("install not found")
        #expect(program.state.browse.selectedEntry?.reference == CodeReference(vendor: "sentiance", code: "INSTALL_NOT_FOUND"))
        let screen = program.render()
        #expect(screen.lines[1].contains("▸INSTALL_NOT_FOUND"))
        #expect(screen.lines[1].contains("404"))
        #expect(screen.text.contains("! This document refers to"))  // the vendor's notice
        let list = program.state.layout.list
        #expect(screen[list.x + 1, 1].style.underline)  // "INSTALL" highlighted
        program.send(.enter)
        #expect(program.state.invariantViolations() == [])
    }

    @Test("the codes found once as diagnosable are exactly those some tree diagnoses")
    func diagnosable() {
        for catalog in [Fixtures.shipped, Fixtures.catalog()] {
            let state = BrowserProgram(catalog: catalog).state
            #expect(!state.browse.diagnosable.isEmpty || catalog.trees.isEmpty)
            for entry in catalog.entries {
                #expect(state.browse.diagnosable.contains(entry.reference)
                    == !DiagnosisSession.trees(for: entry.reference, in: catalog).isEmpty, "\(entry.reference)")
            }
        }
    }

    @Test("every vendor and category of the catalog is in the vendors pane with its count")
    func counts() {
        let catalog = Fixtures.shipped
        var program = BrowserProgram.sized(catalog, width: 120, height: 60)
        let text = program.render().text
        for vendor in catalog.vendors {
            #expect(text.contains(vendor.name))
            #expect(program.state.browse.sidebar.rows.contains { $0.vendor == vendor.id && $0.category == nil
                && $0.entries.count == catalog.entries(vendor: vendor.id).count })
        }
        #expect(program.state.browse.sidebar.rows.filter(\.isVendor).map(\.entries.count).reduce(0, +) == catalog.entries.count)
        program.send(.character("G"))
        #expect(program.state.invariantViolations() == [])
    }

    @Test("Sentori's numeric codes are found by number and by message")
    func sentori() throws {
        try #require(Fixtures.shipped.vendor(id: "sentori") != nil)
        var program = BrowserProgram.sized(Fixtures.shipped, options: BrowserOptions(vendor: "sentori", query: "api key not valid"))
        #expect(program.state.browse.selectedEntry?.reference == CodeReference(vendor: "sentori", code: "1"))
        #expect(program.render().text.contains("API Key not valid"))
        program.send(.escape)
        #expect(program.state.browse.selectedVendor?.id == "sentori")
        #expect(program.state.browse.selectedEntry?.code == "1")
    }

    @Test("every code's detail renders at 80x24 and 40x12 and every link leads to a real code or tree")
    func everyCode() {
        let catalog = Fixtures.shipped
        var program = BrowserProgram.sized(catalog)
        for (index, entry) in catalog.entries.enumerated() {
            program.state.browse.reveal(entry.reference)
            program.state.browse.focus = .detail
            program.state.settle()
            #expect(program.state.browse.selectedIndex == index)
            let document = program.state.browse.detailDocument()
            for link in document.targets {
                switch link {
                case let .code(reference): #expect(catalog.entry(reference) != nil)
                case let .tree(id): #expect(catalog.tree(id: id) != nil)
                }
            }
            // Wrapped text fits the pane; link lines are one line each, cut when drawn.
            #expect(document.lines.indices.filter { document.region(atLine: $0) == nil }
                .allSatisfy { document.lines[$0].width <= program.state.layout.detailTextWidth })
            _ = program.render()
        }
        _ = program.update(.resize(width: 40, height: 12))
        for entry in catalog.entries.prefix(20) {
            program.state.browse.reveal(entry.reference)
            program.state.settle()
            _ = program.render()
        }
        #expect(program.state.invariantViolations() == [])
    }
}
