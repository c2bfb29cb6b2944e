import ArgumentParser
import Foundation
import TriageCore

/// `triage diagnose --from FILE|-`: the paste explained, then the diagnosis of its code started with its evidence.
extension DiagnosisStart {
    static func session(fromPaste file: String, target: String?, vendor: String?, tree: String?,
                        in catalog: Catalog) throws -> DiagnosisSession {
        let input = try PasteFile.read(file)
        let explanation = Explainer.explain(input, searcher: Searcher(catalog: catalog))
        let evidence = explanation.evidence
        do {
            if let target {
                if catalog.tree(id: target) != nil, vendor == nil {
                    return try DiagnosisSession.start(tree: target, from: recognisedCode(explanation, tree: target, in: catalog),
                                                      evidence: evidence, in: catalog)
                }
                let entry = try CodeLookup.single(target, vendor: vendor, in: catalog)
                return try start(entry.reference, tree: tree, evidence: evidence, in: catalog)
            }
            guard let best = explanation.recognised else {
                let names = explanation.candidates.prefix(5).map { "\($0.reference.vendor) \($0.reference.code)" }
                Console.error("triage: the paste does not point to one code"
                    + (names.isEmpty ? "" : "; it fits \(TextLayout.cell(names.joined(separator: ", ")))")
                    + ". Name the code or tree: triage diagnose CODE --from \(TerminalSafe.sanitize(file))")
                throw ExitCode(1)
            }
            return try start(best.reference, tree: tree, evidence: evidence, in: catalog)
        } catch let error as DiagnosisError {
            Console.error("triage: \(error)")
            throw ExitCode(2)
        }
    }

    /// The paste's code when the tree diagnoses it (its answers are then implied too).
    private static func recognisedCode(_ explanation: Explanation, tree: String, in catalog: Catalog) -> CodeReference? {
        guard let reference = explanation.recognised?.reference else { return nil }
        return DiagnosisSession.trees(for: reference, in: catalog).contains { $0.id == tree } ? reference : nil
    }

    private static func start(_ reference: CodeReference, tree: String?, evidence: Evidence,
                              in catalog: Catalog) throws -> DiagnosisSession {
        let candidates = DiagnosisSession.trees(for: reference, in: catalog)
        if let tree {
            guard candidates.contains(where: { $0.id == tree }) else {
                Console.error("triage: tree '\(TerminalSafe.sanitize(tree))' does not diagnose \(reference.code); trees for it: \(TextLayout.cell(candidates.map(\.id).joined(separator: ", ")))")
                throw ExitCode(2)
            }
            return try DiagnosisSession.start(tree: tree, from: reference, evidence: evidence, in: catalog)
        }
        guard let best = candidates.first else {
            Console.error("triage: no decision tree diagnoses \(reference) yet")
            throw ExitCode(1)
        }
        return try DiagnosisSession.start(tree: best.id, from: reference, evidence: evidence, in: catalog)
    }
}

/// Reading a paste from a file the user names, or standard input for '-'.
enum PasteFile {
    static func read(_ file: String?) throws -> PasteInput {
        guard let file, file != "-" else { return try PasteInput.read(from: FileHandle.standardInput) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: file) else {
            Console.error("triage: cannot read '\(TerminalSafe.sanitize(file))': no such file, or not a readable file")
            throw ExitCode(2)
        }
        defer { try? handle.close() }
        return try PasteInput.read(from: handle)
    }
}
