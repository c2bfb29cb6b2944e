import BuiltinCatalog
import CatalogGenerator
import Foundation
import Testing
@testable import TriageCore
import Yams

/// The catalog read from libyaml's events (`YAMLEventParser`, vendor files streamed by `VendorFileStream`) is
/// what the Yams node tree gave: the same values at the same positions, the same YAML errors at the same
/// places, the same problems in the same order, and the same compiled bytes.
@Suite struct StreamingCompileTests {
    /// The built-in catalog and a generated one of 2,000 codes: every file.
    static let files: [(path: String, text: String)] = BuiltinCatalog.files
        + CatalogGenerator(codes: 2_000, seed: 3).vendorFiles().map { ("generated/\($0.name)", $0.text) }

    @Test func eventTreesEqualYamsTreesForEveryFile() throws {
        for file in Self.files {
            var problems = ProblemList()
            let value = try #require(YAMLParser.parse(file.text, file: file.path, &problems), "\(file.path)")
            let node = try #require(try Yams.compose(yaml: file.text, Resolver.basic))
            #expect(problems.isEmpty)
            #expect(difference(node, value) == nil, "\(file.path): \(difference(node, value) ?? "")")
        }
    }

    @Test func streamedVendorFilesEqualTheTreeReading() throws {
        for file in Self.files {
            let streamed = ParsedCatalogFile.parse(path: file.path, text: file.text, source: "s")
            var problems = ProblemList()
            let mapping = try #require(YAMLParser.parse(file.text, file: file.path, &problems)?.mapping("the file", &problems))
            guard mapping.has("vendor") else { continue }
            let whole = VendorFile.parse(mapping, source: "s", &problems)
            guard case let .vendor(read) = streamed.content, let whole else {
                Issue.record("\(file.path) did not read as a vendor file")
                continue
            }
            #expect(streamed.problems.problems == problems.problems)
            #expect(read.codes.map(\.entry) == whole.codes.map(\.entry), "\(file.path)")
            #expect(read.categories.map { $0.category } == whole.categories.map { $0.category })
        }
    }

    @Test func compiledBytesOfTheBuiltInCatalogAreTheShippedOnes() throws {
        let loaded = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files)])
        #expect(loaded.problems.isEmpty)
        let compiled = try #require(BuiltinCatalog.compiled)
        #expect(CompiledCatalog.encode(loaded.catalog) == compiled)
    }

    @Test func yamlErrorsAreYamsErrorsAtYamsPositions() {
        let broken = [
            "a: [1, 2\n",
            "a: 1\n b: 2\n",
            "a: 1\na: 2\n",
            "b: 1\na: 1\nb: 2\na: 3\n",
            "x:\n  k: 1\n  k: 2\ny: [\n",
            "a: *nowhere\n",
            "a: &x 1\nb: *x\n---\nc: 1\n",
            "a: \"unterminated\n",
            "\ta: 1\n",
            "a: b: c\n",
            "- a\nb: 1\n",
            "a: 1\u{7}\n",
            "'quoted': 1\nquoted: 2\n",
            "!!str a: 1\na: 2\n",
            "",
            "# only a comment\n",
        ]
        for text in broken {
            var problems = ProblemList()
            _ = YAMLParser.parse(text, file: "f.yaml", &problems)
            #expect(problems.problems == yamsProblems(text), "\(text.debugDescription)")
        }
    }

    @Test func streamedProblemsComeInTheTreeReadingsOrder() throws {
        let header = "vendor:\n  id: acme\n  name: Acme\n"
        let code = "  - code: E1\n    category: auth\n    description: d\n"
        let texts = [
            // Top-level keys in every order, unknown ones, broken parts.
            header + "codes:\n" + code + "categories:\n  - id: auth\n    name: Auth\n  - id: auth\n    name: Again\nzodes: 1\n",
            header + "colour: red\ncodes:\n" + code + code + "  - code: E2\n    http: 99\n",
            header + "codes: 12\ncategories: nope\n",
            "vendor:\n  name: no id\ncodes:\n" + code + "bogus: 1\n",
            "vendor: just text\ncodes:\n  - 1\n",
            // Provenance before and after the file's imports (after: read whole).
            header + "imports:\n  - id: doc\n    format: markdown\n    file: a.md\n    date: 2024-01-02\ncodes:\n" + code
                + "    since: 2024-01-02\n    provenance:\n      description: doc/abc\n      message: other\n",
            header + "codes:\n" + code + "    since: 2024-13-02\n    provenance:\n      description: doc/abc\n"
                + "imports:\n  - id: doc\n    format: markdown\n    file: a.md\n    date: 2024-01-02\n  - id: doc\n",
            header + "codes:\n" + code + "    provenance:\n      description: doc/abc\n",
            // Anchors and aliases across parts; a duplicate top-level key.
            header + "codes: &all\n" + code + "again: *all\n",
            header + "codes:\n  - &one\n    code: E1\n    category: auth\n    description: d\n  - *one\n",
            header + "codes:\n" + code + "codes:\n" + code,
            header + "codes:\n" + code + "  - code: [E3\n",
        ]
        for text in texts {
            let streamed = ParsedCatalogFile.parse(path: "v.yaml", text: text, source: "s")
            var problems = ProblemList()
            var codes: [CatalogEntry] = []
            if let mapping = YAMLParser.parse(text, file: "v.yaml", &problems)?.mapping("the file", &problems) {
                codes = VendorFile.parse(mapping, source: "s", &problems)?.codes.map(\.entry) ?? []
            }
            #expect(streamed.problems.problems == problems.problems, "\(text)")
            if case let .vendor(file) = streamed.content {
                #expect(file.codes.map(\.entry) == codes, "\(text)")
            } else {
                #expect(codes.isEmpty, "\(text)")
            }
            #expect(!problems.isEmpty, "each text has something to report: \(text)")
        }
    }

    /// Where the Yams tree and the event tree first differ, or nil.
    private func difference(_ node: Node, _ value: YAMLValue) -> String? {
        guard let mark = node.mark, mark.line == value.location.line, mark.column == value.location.column else {
            return "position \(String(describing: node.mark)) vs \(value.location)"
        }
        switch (node, value.kind) {
        case let (.scalar(scalar), .scalar(text, plain, nullTag)):
            guard scalar.string == text, (scalar.style == .plain) == plain,
                  (scalar.tag.description == Tag.Name.null.rawValue) == nullTag else { return "scalar \(scalar.string) at \(value.location)" }
            return nil
        case let (.sequence(items), .sequence(values)):
            guard items.count == values.count else { return "list length at \(value.location)" }
            return zip(items, values).lazy.compactMap { difference($0, $1) }.first
        case let (.mapping(pairs), .mapping(mapping)):
            guard pairs.count == mapping.keys.count else { return "mapping size at \(value.location)" }
            for ((key, item), index) in zip(pairs, mapping.keys.indices) {
                guard key.string ?? "" == mapping.keys[index], let keyMark = key.mark,
                      keyMark.line == mapping.keyLocations[index].line, keyMark.column == mapping.keyLocations[index].column
                else { return "key \(mapping.keys[index]) at \(mapping.keyLocations[index])" }
                if let found = difference(item, mapping.values[index]) { return found }
            }
            return nil
        default:
            return "kind at \(value.location)"
        }
    }

    /// What the loader reported from Yams's `compose` before it read events (its message and position rules).
    private func yamsProblems(_ text: String) -> [CatalogProblem] {
        let start = SourceLocation(file: "f.yaml", line: 1, column: 1)
        do {
            guard try Yams.compose(yaml: text, Resolver.basic) != nil else { return [CatalogProblem(start, "file is empty")] }
            return []
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let at = SourceLocation(file: "f.yaml", line: mark.line, column: mark.column)
                return [CatalogProblem(at, "YAML syntax: \(problem)" + (context.map { " (\($0.text))" } ?? ""))]
            case let .duplicatedKeysInMapping(duplicates, context):
                let at = SourceLocation(file: "f.yaml", line: context.mark.line, column: context.mark.column)
                return [CatalogProblem(at, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping")]
            case let .reader(problem, _, _, _):
                return [CatalogProblem(start, "cannot read the file: \(problem)")]
            default:
                return [CatalogProblem(start, "YAML: \(error)")]
            }
        } catch {
            return [CatalogProblem(start, "cannot parse YAML: \(error)")]
        }
    }
}
