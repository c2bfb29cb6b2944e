import Foundation
import TriageCore

/// One import, start to finish, without touching the disk until `write`: read the document with its adapter,
/// merge it into `DIR/vendors/ID.yaml` (or a new file), lint the result as `triage lint DIR` would, and say what
/// changes. `triage import` prints the diff (dry run) or writes the file (`--write`).
public struct ImportResult: Sendable {
    public var diff: ImportDiff
    /// The vendor file's path and its new text.
    public var path: String
    public var text: String
    /// Lint errors in the new file: it is not written while there are any.
    public var errors: [CatalogProblem]
    /// Lint findings (authoring rules) in the new file: reported, the file is still written.
    public var findings: [CatalogProblem]
}

public enum Importer {
    /// Reads `input` as `options.format` into the catalog folder `directory`. `baseSources` are the catalogs the
    /// folder is checked on top of (the built-in one). Errors are `ImportError`s with `file:line:column`.
    public static func run(_ input: ImportInput, options: ImportOptions, into directory: String,
                           baseSources: [CatalogSource] = []) throws -> ImportResult {
        guard !options.vendor.isEmpty, TextCleaning.identifier(options.vendor) == options.vendor else {
            throw ImportError("--vendor '\(options.vendor)': a vendor id uses only lowercase letters, digits and '-' (e.g. \(TextCleaning.identifier(options.vendor).isEmpty ? "acme" : TextCleaning.identifier(options.vendor))))")
        }
        guard ImportSchema.isDate(options.date) else { throw ImportError("--date '\(options.date)': write the date as YYYY-MM-DD") }
        let document = try read(input, options: options)
        guard !document.codes.isEmpty else {
            let hint: String
            switch options.format {
            case .markdown: hint = "a markdown page needs a heading per code (### CODE)"
            case .text: hint = "text needs a code at the start of each entry (see --code-pattern)"
            default: hint = "is it the right format?"
            }
            throw ImportError(SourceLocation(file: input.displayPath, line: 1, column: 1), "found no codes in the document; \(hint)")
        }
        let path = (((directory as NSString).appendingPathComponent("vendors")) as NSString)
            .appendingPathComponent("\(options.vendor).yaml")
        let existing = try existingFile(path, vendor: options.vendor)

        var diff = ImportDiff(vendor: options.vendor, file: path, source: input.name, format: options.format.rawValue)
        diff.warnings = document.warnings.map(\.description)
        var merge = CatalogMerge(options: options, input: input, existing: existing?.tree, document: document)
        let edits = merge.run(diff: &diff)
        let text = try VendorWriter.write(edits, existing: existing, path: path)
        diff.fileChanges = text != existing?.text

        let (errors, findings) = lint(text, path: path, directory: directory, baseSources: baseSources)
        diff.lint = (errors + findings).map(\.description)
        return ImportResult(diff: diff, path: path, text: text, errors: errors, findings: findings)
    }

    /// Writes the result's file: private (600) when new, as that file (mode kept) when it exists, its folder
    /// created (700) when missing. Refused while the result has lint errors.
    public static func write(_ result: inout ImportResult) throws {
        guard result.errors.isEmpty else {
            throw ImportError("not written: the imported file would have \(result.errors.count) catalog error\(result.errors.count == 1 ? "" : "s") (listed above)")
        }
        guard result.diff.fileChanges else { return }
        try FileWriter.writeUserFile(Data(result.text.utf8), to: result.path, overwrite: true, createFolders: true)
        result.diff.written = true
    }

    /// The document read by its format's adapter, after untrusted characters are removed.
    static func read(_ input: ImportInput, options: ImportOptions) throws -> ImportedDocument {
        let text = UntrustedText.strip(input.text)
        let file = input.displayPath
        switch options.format {
        case .markdown: return MarkdownAdapter.read(text, file: file, options: options)
        case .table: return try TableAdapter.read(text, file: file, options: options)
        case .text: return try TextAdapter.read(text, file: file, options: options)
        case .json: return try JSONRegistryAdapter.read(text, file: file, options: options)
        case .openapi: return try OpenAPIAdapter.read(text, file: file, options: options)
        case .botocore: return try BotocoreAdapter.read(text, file: file, options: options)
        }
    }

    /// The vendor file that exists at `path`, parsed; nil when there is none.
    static func existingFile(_ path: String, vendor: String) throws -> (tree: YAMLTree, text: String)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let input = try ImportInput.read(path, limit: CatalogLimits.maximumFileBytes)
        guard let tree = try YAMLTree.parse(input.text, file: path), tree.pairs != nil else {
            throw ImportError(SourceLocation(file: path, line: 1, column: 1), "not a vendor file (no top-level mapping)")
        }
        let id = tree["vendor"]?["id"]?.text
        guard id == vendor else {
            throw ImportError(SourceLocation(file: path, line: 1, column: 1),
                              "this file defines vendor '\(id ?? "?")', not '\(vendor)'; import into its own file")
        }
        return (tree, input.text)
    }

    /// Lint of the folder with the new file in place: the problems located in that file, errors and findings.
    static func lint(_ text: String, path: String, directory: String, baseSources: [CatalogSource])
        -> (errors: [CatalogProblem], findings: [CatalogProblem]) {
        var folder = FileManager.default.fileExists(atPath: directory)
            ? CatalogSource.directory(directory).source : CatalogSource(name: directory, files: [])
        folder.files.removeAll { $0.path == path }
        folder.files.append((path, text))
        let sources = baseSources + [folder]
        let errors = CatalogLoader.load(sources).problems.filter { $0.location.file == path }
        let all = CatalogLoader.lint(sources).problems.filter { $0.location.file == path }
        return (errors, all.filter { !errors.contains($0) })
    }
}
