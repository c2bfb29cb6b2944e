/// `TerminalSafe`, the one sanitizer, lives in TerminalKit (next to the cell buffer that applies it); it is
/// re-exported so that everything importing TriageCore (the CLI, tools, tests) keeps reaching it by its name.
@_exported import enum TerminalKit.TerminalSafe
