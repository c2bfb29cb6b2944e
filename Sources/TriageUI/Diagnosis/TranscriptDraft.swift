import Foundation
import TerminalKit
import TriageCore

/// A transcript ready to be written: its Markdown and what a file name is made of.
public struct TranscriptDraft: Hashable, Sendable {
    /// The tree the diagnosis started in.
    public var tree: TreeID
    /// When it was saved (the transcript's "Time").
    public var date: Date
    public var markdown: String

    public init(tree: TreeID, date: Date, markdown: String) {
        self.tree = tree
        self.date = date
        self.markdown = markdown
    }

    /// `<tree>-<UTC timestamp>.md`, e.g. `sentiance-wrong-environment-20261123T085111Z.md`; characters other than
    /// letters, digits, `-`, `_` and `.` in the tree id become `-`.
    public var fileName: String {
        let safe = String(tree.rawValue.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        return "\(safe.isEmpty ? "diagnosis" : safe)-\(UTCTime.basic(date)).md"
    }
}
