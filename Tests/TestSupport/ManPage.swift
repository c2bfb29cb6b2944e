import Foundation

/// A man page (roff, `man 7 man` macros) generated from `triage --experimental-dump-help`, the JSON
/// swift-argument-parser writes from the command definitions, so the page cannot drift from the commands.
/// `man/triage.1` is this output; `TRIAGE_WRITE_MAN=1 swift test --filter ManPageTests` rewrites it.
public enum ManPage {
    public static func render(dumpHelp json: Data, version: String) throws -> String {
        guard let root = try JSONSerialization.jsonObject(with: json) as? [String: Any],
              let command = root["command"] as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        let name = command["commandName"] as? String ?? "triage"
        var out = [".TH \(name.uppercased()) 1 \"\" \"\(name) \(version)\" \"User Commands\""]
        out.append(".SH NAME")
        out.append("\(name) \\- " + escape(command["abstract"] as? String ?? ""))
        out.append(".SH SYNOPSIS")
        out.append(".B \(name)\n[\\fIoptions\\fR] [\\fIsubcommand\\fR] [\\fIarguments\\fR]")
        if let discussion = command["discussion"] as? String {
            out.append(".SH DESCRIPTION")
            out += paragraphs(discussion)
        }
        out += options(command)
        let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
        if !subcommands.isEmpty {
            out.append(".SH COMMANDS")
            for subcommand in subcommands { out += section(subcommand, path: [name]) }
        }
        out.append(".SH FILES")
        out.append(".TP\n.I $XDG_STATE_HOME/triage/\nstate.json, sessions.sqlite and transcripts/ (else ~/.local/state/triage/).")
        out.append(".SH ENVIRONMENT")
        out.append(".TP\n.B TRIAGE_CATALOG\nColon-separated catalog folders read after the built-in catalog.")
        out.append(".TP\n.B TRIAGE_DB\nThe sessions database.")
        out.append(".TP\n.B NO_COLOR\nNo colour in any output.")
        out.append(".SH EXIT STATUS\n0 success; 1 nothing found, lint problems, an ambiguous or unknown code; 2 usage errors or a broken catalog.")
        return out.joined(separator: "\n") + "\n"
    }

    private static func section(_ command: [String: Any], path: [String]) -> [String] {
        let name = command["commandName"] as? String ?? ""
        let full = path + [name]
        var out = [".SS \(escape(full.joined(separator: " ")))"]
        let arguments = (command["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
        let synopsis = arguments.filter { $0["kind"] as? String == "positional" }.map { argument -> String in
            let value = argument["valueName"] as? String ?? "value"
            let repeating = argument["isRepeating"] as? Bool ?? false
            let text = "\\fI\(escape(value))\\fR" + (repeating ? "..." : "")
            return argument["isOptional"] as? Bool ?? false ? "[\(text)]" : text
        }
        out.append(".B " + escape(full.joined(separator: " ")) + (synopsis.isEmpty ? "" : "\n" + synopsis.joined(separator: " ")))
        out.append(".br")
        if let abstract = command["abstract"] as? String { out.append(escape(abstract)) }
        if let discussion = command["discussion"] as? String { out += paragraphs(discussion) }
        out += options(command, heading: false)
        let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
        for subcommand in subcommands { out += section(subcommand, path: full) }
        return out
    }

    private static func options(_ command: [String: Any], heading: Bool = true) -> [String] {
        let arguments = (command["arguments"] as? [[String: Any]] ?? []).filter { argument in
            (argument["shouldDisplay"] as? Bool ?? true) && (argument["names"] as? [[String: Any]])?.isEmpty == false
        }
        guard !arguments.isEmpty else { return [] }
        var out = heading ? [".SH OPTIONS"] : []
        for argument in arguments {
            let names = (argument["names"] as? [[String: Any]] ?? []).map { name -> String in
                let text = name["name"] as? String ?? ""
                return (name["kind"] as? String == "short" ? "-" : "--") + text
            }
            var label = names.map { "\\fB\(escape($0))\\fR" }.joined(separator: ", ")
            if argument["kind"] as? String == "option" {
                label += " \\fI" + escape(argument["valueName"] as? String ?? "value") + "\\fR"
            }
            out.append(".TP\n" + label)
            var help = argument["abstract"] as? String ?? ""
            if let value = argument["defaultValue"] as? String, !value.isEmpty { help += " (default: \(value))" }
            out.append(escape(help))
        }
        return out
    }

    private static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n").map { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? ".PP" : escape(trimmed)
        }
    }

    /// Text safe in roff: backslashes doubled, a leading dot or quote protected, hyphens kept literal.
    static func escape(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "-", with: "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}
