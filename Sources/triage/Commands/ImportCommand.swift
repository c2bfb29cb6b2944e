import ArgumentParser
import BuiltinCatalog
import Foundation
import TriageCore
import TriageImport

/// `triage import`: a vendor's error codes from its own documentation into a catalog folder, as a diff first.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a vendor's error codes from its documentation into a catalog folder (a dry run unless --write).",
        discussion: """
            FORMAT is markdown (a heading per code), table (Markdown pipe or HTML table), text (a page's text with
            codes at the start of entries), json (a registry of definitions), openapi (OpenAPI 3.x) or botocore (an
            AWS service-2.json). FILE is read from disk or, with -, from standard input; nothing is fetched from
            the network. The result is DIR/vendors/ID.yaml in the catalog's own format.

            Without --write, prints what would change: codes added (+), changed field by field (~), no longer in
            the document (-, kept and marked deprecated), and catalog text kept where it differs from the
            document (=). Curated fields (causes, checks, keywords, related, trees) are never overwritten; new codes
            get 'since', and every imported field records its provenance (document, SHA-256, date). The same
            document imported twice changes nothing. The result is linted as 'triage lint DIR' would; a file
            with catalog errors is not written.

            Examples:
              triage import table sentori-errors.md --vendor sentori --into ~/triage-catalog
              triage import text page.txt --vendor cometchat --into catalog --write
              triage import markdown error-codes.md --vendor sentiance --into catalog \\
                  --category 'user-linking=~User-Linking REST API' --category 'custom-events=~Custom-Event'
            Exit status: 0 imported (or nothing to change), 2 the document or the catalog could not be used.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The document's format: markdown, table, text, json, openapi, botocore.", valueName: "format"))
    var format: String

    @Argument(help: ArgumentHelp("The vendor's document, or - for standard input.", valueName: "file"), completion: .file())
    var file: String

    @Option(help: ArgumentHelp("The vendor's id in the catalog (lowercase letters, digits and '-').", valueName: "id"))
    var vendor: String

    @Option(help: ArgumentHelp("The catalog folder to import into; the result is DIR/vendors/ID.yaml.", valueName: "dir"),
            completion: .directory)
    var into: String

    @Flag(help: "Write the vendor file (default: only print what would change).")
    var write = false

    @Flag(help: "Print the changes as JSON.")
    var json = false

    @Option(name: .customLong("category"), help: ArgumentHelp(
        "Where codes the document does not categorise go: ID=LOW..HIGH, ID=PREFIX*, ID=~TEXT or ID (repeatable; ID:Name=... names a new category).",
        valueName: "rule"))
    var categories: [String] = []

    @Option(name: .customLong("map"), help: ArgumentHelp(
        "A field's column (table: header text or number) or key path (json): e.g. message='API Message', http=3 (repeatable).",
        valueName: "field=source"))
    var fieldMap: [String] = []

    @Option(help: ArgumentHelp("text: the regular expression a code matches at the start of an entry.", valueName: "regex"))
    var codePattern: String?

    @Option(help: ArgumentHelp("json: the key path of the list (or object) holding the definitions.", valueName: "path"))
    var items: String?

    @Option(help: ArgumentHelp("The vendor's display name, for a new vendor file.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("The document's name in provenance (default: the file's name; stdin for -).", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp("The import date for since, deprecated and provenance (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        do {
            var options = ImportOptions(vendor: vendor, format: try ImportFormat.named(format), date: date ?? ImportOptions.today())
            options.categoryRules = try categories.map(CategoryRule.init(parsing:))
            options.fieldMap = try ImportOptions.fieldMap(fieldMap)
            options.codePattern = codePattern
            options.items = items
            options.vendorName = name
            var input = try ImportInput.read(file)
            if let source, !source.isEmpty { input.name = source }
            var result = try Importer.run(input, options: options, into: into,
                                          baseSources: [CatalogSource.builtIn(BuiltinCatalog.files)])
            if write, result.errors.isEmpty { try Importer.write(&result) }
            report(result)
            if !result.errors.isEmpty {
                let count = "\(result.errors.count) catalog error\(result.errors.count == 1 ? "" : "s")"
                Console.error("triage import: \(write ? "not written" : "cannot be written"): the result has \(count)")
                throw ExitCode(2)
            }
        } catch let error as ImportError {
            Console.error("triage import: \(error.description)")
            throw ExitCode(2)
        } catch let error as FileWriteError {
            Console.error("triage import: cannot write \(error.description)")
            throw ExitCode(2)
        }
    }

    private func report(_ result: ImportResult) {
        if json {
            do { try JSONOutput.print(result.diff) } catch { Console.error("triage import: \(error)") }
            return
        }
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        let style = TextStyle(enabled: terminal.color)
        for warning in result.diff.warnings { Console.error("warning: \(warning)") }
        var lines = Console.Lines()
        for line in result.diff.lines(width: max(40, terminal.width - 10)) {
            let shown = TerminalSafe.sanitize(line)
            lines.append(shown.hasPrefix("+") || shown.hasPrefix("-") || shown.hasPrefix("~") || shown.hasPrefix("=")
                ? style.bold(String(shown.prefix(1))) + shown.dropFirst() : shown)
        }
        lines.flush()
        for problem in result.errors { Console.error("error: \(problem.description)") }
        for problem in result.findings { Console.error("lint: \(problem.description)") }
        Console.out(style.dim(TerminalSafe.sanitize(result.diff.summaryLine)))
    }
}
