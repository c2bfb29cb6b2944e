import Foundation
import TriageCore

/// Starting a diagnosis from what a person typed: a tree id, a code, or a paste (`--from`).
enum DiagnosisStart {
    /// The diagnosis of a tree id, or of a code (its most specific tree unless `tree` names one).
    static func session(for target: String, vendor: String?, tree: TreeID?, in catalog: Catalog) throws -> DiagnosisSession {
        do {
            if catalog.tree(id: TreeID(target)) != nil, vendor == nil {
                return try DiagnosisSession.start(tree: TreeID(target), in: catalog)
            }
            if catalog.entries(code: target, vendor: vendor).isEmpty, tree == nil {
                var message = "'\(TerminalSafe.sanitize(target))' is neither a tree nor a code"
                let treeGuesses = Suggestions.closest(to: target, among: catalog.trees.map(\.id.rawValue), limit: 3)
                let codeGuesses = catalog.suggestions(for: target, vendor: vendor, limit: 3).map(\.code)
                let guesses = treeGuesses + codeGuesses
                if !guesses.isEmpty { message += "; did you mean \(guesses.map { "'\(TextLayout.cell($0))'" }.joined(separator: ", "))?" }
                throw TriageError(message + "\nSee the trees with 'triage trees'.", exitCode: 2)
            }
            let entry = try CodeLookup.single(target, vendor: vendor, in: catalog)
            return try start(entry.reference, tree: tree, evidence: nil, in: catalog)
        } catch let error as DiagnosisError {
            throw TriageError("\(error)", exitCode: 2)
        }
    }

    /// `--from FILE|-`: the paste explained, then the diagnosis of its code (or of `target`) started with its
    /// evidence. Reads the whole paste (standard input to its end for '-').
    static func session(fromPaste file: String, target: String?, vendor: String?, tree: TreeID?,
                        in catalog: Catalog) throws -> DiagnosisSession {
        let input = try PasteFile.read(file)
        let explanation = Explainer.explain(input, searcher: Searcher(catalog: catalog))
        let evidence = explanation.evidence
        var session = try started(from: explanation, evidence: evidence, file: file, target: target, vendor: vendor,
                                  tree: tree, in: catalog)
        session.attachPaste(explanation.maskedText)
        return session
    }

    /// The diagnosis `session(fromPaste:...)` starts, before the paste is attached.
    private static func started(from explanation: Explanation, evidence: Evidence, file: String, target: String?,
                                vendor: String?, tree: TreeID?, in catalog: Catalog) throws -> DiagnosisSession {
        do {
            if let target {
                if catalog.tree(id: TreeID(target)) != nil, vendor == nil {
                    return try DiagnosisSession.start(tree: TreeID(target), from: recognisedCode(explanation, tree: TreeID(target), in: catalog),
                                                      evidence: evidence, in: catalog)
                }
                let entry = try CodeLookup.single(target, vendor: vendor, in: catalog)
                return try start(entry.reference, tree: tree, evidence: evidence, in: catalog)
            }
            guard let best = explanation.recognised else {
                let names = explanation.candidates.prefix(5).map { "\($0.reference.vendor) \($0.reference.code)" }
                throw TriageError("the paste does not point to one code"
                    + (names.isEmpty ? "" : "; it fits \(TextLayout.cell(names.joined(separator: ", ")))")
                    + ". Name the code or tree: triage diagnose CODE --from \(TerminalSafe.sanitize(file))", exitCode: 1)
            }
            return try start(best.reference, tree: tree, evidence: evidence, in: catalog)
        } catch let error as DiagnosisError {
            throw TriageError("\(error)", exitCode: 2)
        }
    }

    /// The paste's code when the tree diagnoses it (its answers are then implied too).
    private static func recognisedCode(_ explanation: Explanation, tree: TreeID, in catalog: Catalog) -> CodeReference? {
        guard let reference = explanation.recognised?.reference else { return nil }
        return DiagnosisSession.trees(for: reference, in: catalog).contains { $0.id == tree } ? reference : nil
    }

    /// The diagnosis of a code: in `tree` when it diagnoses the code, else in the most specific tree that does.
    private static func start(_ reference: CodeReference, tree: TreeID?, evidence: Evidence?,
                              in catalog: Catalog) throws -> DiagnosisSession {
        let candidates = DiagnosisSession.trees(for: reference, in: catalog)
        if let tree {
            guard candidates.contains(where: { $0.id == tree }) else {
                throw TriageError("tree '\(TerminalSafe.sanitize(tree.rawValue))' does not diagnose \(reference.code); trees for it: \(TextLayout.cell(candidates.map(\.id.rawValue).joined(separator: ", ")))", exitCode: 2)
            }
            return try DiagnosisSession.start(tree: tree, from: reference, evidence: evidence, in: catalog)
        }
        guard let best = candidates.first else {
            throw TriageError("no decision tree diagnoses \(reference) yet", exitCode: 1)
        }
        return try DiagnosisSession.start(tree: best.id, from: reference, evidence: evidence, in: catalog)
    }
}
