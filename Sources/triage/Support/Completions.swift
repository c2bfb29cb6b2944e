import ArgumentParser
import BuiltinCatalog
import Foundation
import TriageCore

/// Dynamic shell completion (`CompletionKind.custom`): codes, vendors and trees of the catalog triage would load,
/// the built-in one plus `TRIAGE_CATALOG` and any `--catalog DIR` already on the command line.
enum Completions {
    static let codes = CompletionKind.custom { words, _, prefix in candidates(words, prefix) { allCodes($0) } }
    static let vendors = CompletionKind.custom { words, _, prefix in candidates(words, prefix) { $0.vendors.map(\.id) } }
    static let trees = CompletionKind.custom { words, _, prefix in candidates(words, prefix) { $0.trees.map(\.id.rawValue) } }
    /// `diagnose TREE|CODE`: both.
    static let treesAndCodes = CompletionKind.custom { words, _, prefix in
        candidates(words, prefix) { $0.trees.map(\.id.rawValue) + allCodes($0) }
    }
    static let categories = CompletionKind.custom { words, _, prefix in
        candidates(words, prefix) { $0.vendors.flatMap { $0.categories.map(\.id) } }
    }

    /// Every code of the catalog (read without decoding the entries).
    static func allCodes(_ catalog: Catalog) -> [String] { catalog.entries.indices.map { catalog.entries.code(at: $0) } }

    /// The names `pick` takes from the catalog that start with `prefix` (ignoring case), sorted and unique.
    static func candidates(_ words: [String], _ prefix: String, _ pick: (Catalog) -> [String]) -> [String] {
        let catalog = load(words: words)
        let lowered = prefix.lowercased()
        let names = Set(pick(catalog).filter { $0.lowercased().hasPrefix(lowered) && !$0.contains(where: \.isWhitespace) })
        return names.sorted()
    }

    /// The catalog, ignoring problems (completion never prints errors).
    static func load(words: [String]) -> Catalog {
        var folders: [String] = []
        for (index, word) in words.enumerated() {
            if word == "--catalog", index + 1 < words.count { folders.append(words[index + 1]) }
            if word.hasPrefix("--catalog=") { folders.append(String(word.dropFirst("--catalog=".count))) }
        }
        let sources = CatalogSources.standard(builtIn: BuiltinCatalog.files, environment: ProcessEnvironment.current,
                                              folders: folders).sources
        return CatalogLoader.load(sources).catalog
    }
}
