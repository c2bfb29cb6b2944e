import ArgumentParser
import Foundation
import TriageCore

/// `triage trees`: every decision tree with the codes it diagnoses.
struct TreesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trees", abstract: "List the decision trees and the codes each diagnoses.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only trees covering this vendor.", completion: Completions.vendors) var vendor: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    struct TreeJSON: Encodable {
        let id: TreeID
        let title: String
        @NullIfAbsent var summary: String?
        let vendors: [String]
        let codes: [String]
        let start: NodeID
        let nodes: Int
        let source: String
    }

    func run() throws {
        let catalog = try global.loadCatalog(checking: vendor)
        let trees = catalog.trees.filter { vendor == nil || $0.vendors.contains(vendor!) }
        if json {
            return try JSONOutput.print(trees.map { tree in
                TreeJSON(id: tree.id, title: tree.title, summary: tree.summary, vendors: tree.vendors,
                         codes: tree.codes.map(\.description), start: tree.start, nodes: tree.nodes.count,
                         source: tree.location.file)
            })
        }
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        let style = TextStyle(enabled: terminal.color)
        for tree in trees {
            Console.out(style.bold(tree.id.rawValue) + "  " + TerminalSafe.sanitize(tree.title))
            let codes = tree.codes.map { tree.vendors.count == 1 ? $0.code : $0.description }.joined(separator: ", ")
            let label = "\(tree.codes.count) code\(tree.codes.count == 1 ? "" : "s"): "
            TextLayout.indented(TerminalSafe.sanitize(label + codes), indent: 4, width: terminal.width, firstPrefix: "    ")
                .map { style.dim($0) }.forEach(Console.out)
        }
        Console.out("\n\(trees.count) trees. Start one with: triage diagnose TREE|CODE")
    }
}
